"""``zhengming case|users|db|audit``: a case worked through the command line on both databases, with
``--json`` on every command and the exit codes of refusals and conflicts."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from zhengming.cli.main import cli
from zhengming.store.database import HEAD_REVISION

from .test_store_support import BACKENDS, case_document, pingdingshan_document

pytest_plugins = ("tests.test_store_support",)
pytestmark = pytest.mark.usefixtures("private_env")


def as_json(result):
    return json.loads(result.stdout)


@BACKENDS
def test_a_case_worked_through_the_command_line(zm, tmp_path, calendar):
    calendar.to(date(2023, 6, 20))
    for name, organ, roles in (
        ("li", "discipline_commission", ["handling_department"]),
        ("wang", "discipline_commission", ["commission_head"]),
    ):
        user = as_json(
            zm(
                "--local-admin",
                "users",
                "add",
                name,
                "--organ",
                organ,
                "--level",
                "county",
                *[x for r in roles for x in ("--role", r)],
                "--json",
            )
        )
        assert user["roles"] == roles
    zm(
        "--local-admin",
        "users",
        "add",
        "li",
        "--organ",
        "discipline_commission",
        "--level",
        "county",
        "--role",
        "handling_department",
        code=4,
    )
    zm("--local-admin", "users", "add", "x", "--organ", "army", "--level", "county", "--role", "x", code=2)
    assert [u["name"] for u in as_json(zm("--local-admin", "users", "list", "--json"))] == ["li", "wang"]
    zm("case", "list", code=7)  # no token yet: not authenticated
    zm.login("li", "wang")
    zm("users", "add", "x", "--organ", "party_committee", "--level", "county", "--role", "commission_head", code=5)
    unknown_role = zm(
        "--local-admin", "users", "add", "x", "--organ", "纪委监委", "--level", "县级", "--role", "x", code=2
    )
    assert "纪检监察机关主要负责人（commission_head）" in unknown_role.output  # the choices, by name and code
    zm("--local-admin", "case", "list", code=5)  # the local administrator never reads or acts on cases

    path = tmp_path / "case.json"
    path.write_text(json.dumps(pingdingshan_document("CLI-1"), ensure_ascii=False), encoding="utf-8")
    opened = as_json(zm("case", "open", str(path), "--json"))
    assert opened["opened_by"] == "li"
    assert opened["state"] == "proposal" and opened["jurisdiction"] == "pingdingshan"
    zm("case", "open", str(path), code=4)
    assert "待提出建议" in zm("case", "show", "CLI-1").stdout
    assert "awaiting proposal" in zm("--lang", "en", "case", "show", "CLI-1").stdout
    zm("case", "show", "NOPE", code=6)

    zm("case", "approve", "CLI-1", "--as", "wang", code=5)  # wrong role for the proposal
    zm("case", "approve", "CLI-1", "--as", "nobody", code=7)  # no token of an unknown user
    zm("case", "approve", "CLI-1", "--as", "li", "--comment", "建议澄清", "--json")
    zm("case", "approve", "CLI-1", "--as", "wang", "--expect-version", "1", code=4)
    sent = as_json(zm("case", "send-back", "CLI-1", "--as", "wang", "--comment", "补充材料", "--json"))
    assert sent["state"] == "proposal"
    zm("case", "approve", "CLI-1", "--as", "li", "--json")
    view = as_json(zm("case", "approve", "CLI-1", "--as", "wang", "--json"))
    assert view["state"] == "consent"
    refused = zm("case", "clarify", "CLI-1", "--as", "li", "--method", "meeting", code=5)
    assert "须征得澄清对象本人同意" in refused.output
    zm("case", "clarify", "CLI-1", "--as", "li", "--method", "telepathy", code=2)
    assert as_json(zm("case", "consent", "CLI-1", "--as", "li", "--status", "同意", "--json"))["consent"] == "given"
    calendar.to(date(2023, 7, 2))
    view = as_json(
        zm(
            "case",
            "clarify",
            "CLI-1",
            "--as",
            "li",
            "--method",
            "会议澄清",  # the method's Chinese name, as an officer types it
            "--date",
            "2023-07-01",
            "--scope",
            "全体干部",
            "--json",
        )
    )
    assert view["clarifications"] == [{"method": "meeting", "on": "2023-07-01", "scope": "全体干部", "actor": "li"}]
    zm("case", "archive", "CLI-1", "--as", "li", code=5)  # recipients not told yet
    view = as_json(zm("case", "notify", "CLI-1", "--as", "li", "--json"))
    assert len(view["notifications"]["done"]) == len(view["notifications"]["required"])
    zm("case", "archive", "CLI-1", "--as", "li", "--json")
    zm("case", "revisit", "CLI-1", "--as", "li", "--plan", "2024-01-01", code=5)  # no revisit required here
    closed = as_json(zm("case", "close", "CLI-1", "--as", "li", "--json"))
    assert closed["state"] == "closed" and closed["close_reason"] == "completed"

    history = [line.strip() for line in zm("case", "show", "CLI-1").stdout.splitlines() if line.strip().startswith("#")]
    assert "li 受理立案 ∅ → 待提出建议" in history[0] and "wang 退回 审批中 → 待提出建议" in history[2]
    assert history[-1].endswith("li 办结 已归档 → 已办结")  # what happened and the states, in Chinese
    english = zm("--lang", "en", "case", "show", "CLI-1").stdout
    assert "li case opened ∅ → awaiting proposal" in english and "wang step sent back" in english

    listing = as_json(zm("case", "list", "--json"))
    assert listing["total"] == 1 and listing["cases"][0]["case_id"] == "CLI-1"
    assert as_json(zm("case", "list", "--state", "已办结", "--json"))["total"] == 1
    assert as_json(zm("case", "list", "--state", "审批中", "--json"))["total"] == 0
    assert "/state" in zm("case", "list", "--state", "whatever", code=2).output
    assert as_json(zm("case", "list", "--overdue", "--json")) == {"total": 0, "cases": []}
    same = as_json(zm("case", "reevaluate", "CLI-1", "--json"))
    assert not same["decision_changed"] and not same["rules_changed"]
    assert "现行规则的结论与原决定一致" in zm("case", "reevaluate", "CLI-1").stdout
    assert as_json(zm("audit", "verify", "--json"))["ok"]
    upgraded = as_json(zm("db", "upgrade", "--json"))
    assert upgraded["before"] == upgraded["after"] == HEAD_REVISION


@BACKENDS
def test_reevaluate_names_what_todays_rules_decide_differently(zm, tmp_path):
    """A case decided as of 2019 (before 济南's rules applied) is re-decided as of 2023."""
    zm.add_user("li", grants=["custodian"])
    zm.login("li")
    document = case_document("OLD-1", reporter=False, as_of="2019-06-01")
    path = tmp_path / "old.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert as_json(zm("case", "open", str(path), "--json"))["pinned"]["chain"] == ["core"]
    data = as_json(zm("case", "reevaluate", "OLD-1", "--as-of", "2023-05-01", "--json"))
    assert data["rules_changed"] and data["current"]["chain"] == ["core", "jinan"]
    pointers = {d["pointer"] for d in data["differences"]}
    assert "/as_of" in pointers and any(p.startswith("/chain") for p in pointers)
    assert "现规则: core → jinan" in zm("case", "reevaluate", "OLD-1", "--as-of", "2023-05-01").stdout


def test_the_default_database_is_a_per_user_file(tmp_path, monkeypatch):
    from zhengming.store.location import database_url, default_database_path

    monkeypatch.delenv("ZHENGMING_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_database_path() == tmp_path / "zhengming" / "zhengming.sqlite"
    assert database_url() == f"sqlite:///{tmp_path}/zhengming/zhengming.sqlite"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    result = CliRunner().invoke(cli, ["--local-admin", "users", "list", "--json"])
    assert result.exit_code == 0 and (tmp_path / "zhengming" / "zhengming.sqlite").exists()


@pytest.mark.parametrize(
    "flags", [("--rectified", "--not-rectified"), ("--not-rectified", "--rectified"), ()], ids=["both", "both-", "none"]
)
def test_the_probations_result_is_rectified_or_not_never_both(flags):
    """``case rectification``: exactly one of --rectified and --not-rectified (with both, the last one
    used to win silently); the usage error names the two options, before anything is looked up."""
    result = CliRunner().invoke(cli, ["case", "rectification", "A-1", *flags])
    assert result.exit_code == 2, result.output
    assert "--rectified" in result.output and "--not-rectified" in result.output


@pytest.mark.parametrize("flag", ["--rectified", "--not-rectified"])
def test_one_result_flag_goes_on_to_the_case(flag):
    result = CliRunner().invoke(cli, ["case", "rectification", "A-1", flag], env={"ZHENGMING_TOKEN": ""})
    assert result.exit_code == 7, result.output  # past the usage check: not authenticated (no token)
