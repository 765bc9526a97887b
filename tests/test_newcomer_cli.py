"""What trips a vendor setting zhengming up for a new county office, walking the README: each test is a
command as documented, or a newcomer's obvious mistake, with its exit code and what is said (zh-CN)."""

from __future__ import annotations

import json

import pytest

from .test_store_support import pingdingshan_document

pytest_plugins = ("tests.test_store_support",)
pytestmark = pytest.mark.usefixtures("private_env")
SQLITE = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@pytest.fixture
def county(zm, tmp_path):
    """平顶山's county officers (li proposes, wang approves), their tokens, and one case taken in."""
    for name, role in (("li", "handling_department"), ("wang", "commission_head")):
        zm.add_user(name, roles=[role], jurisdiction="pingdingshan")
    zm.login("li", "wang")
    intake = tmp_path / "intake.json"
    intake.write_text(json.dumps(pingdingshan_document("PDS-1"), ensure_ascii=False), encoding="utf-8")
    zm("case", "open", str(intake))
    return zm


def history(zm, case_id):
    return [h["action"] for h in json.loads(zm("case", "show", case_id, "--json").stdout)["history"]]


@SQLITE
def test_a_letter_to_a_missing_directory_is_refused_before_it_is_made_and_audited(county, tmp_path):
    before = history(county, "PDS-1")
    result = county("case", "letter", "PDS-1", "approval_form", "-o", str(tmp_path / "nowhere" / "x.docx"), code=2)
    assert "nowhere" in result.stderr and "Traceback" not in result.output
    assert history(county, "PDS-1") == before  # no letter event for a letter nobody got
    county("case", "letter", "PDS-1", "approval_form", "-o", str(tmp_path / "x.docx"))
    assert (tmp_path / "x.docx").stat().st_size > 0
    assert history(county, "PDS-1") == [*before, "letter"]


@SQLITE
def test_times_printed_are_the_offices_like_the_apis_so_a_paper_step_is_not_recorded_before_it_was_signed(
    county, monkeypatch
):
    from zhengming.clock import office_today

    monkeypatch.setenv("ZHENGMING_TIMEZONE", "Asia/Shanghai")
    county("case", "approve", "PDS-1")
    today = office_today().isoformat()
    shown = json.loads(county("case", "approve", "PDS-1", "--on-paper", "--on", today, "--as", "wang", "--json").stdout)
    paper = shown["approvals"][-1]
    assert paper["given_on"] == today
    assert paper["at"].endswith("+08:00") and paper["at"][:10] == today  # recorded the day it was signed
    assert all(h["at"].endswith("+08:00") for h in shown["history"])
    text = county("case", "show", "PDS-1").stdout
    assert f"补录于 {paper['at'][:16]}" in text


@SQLITE
def test_an_intake_only_token_gets_a_receipt_from_case_open_not_the_case(county, tmp_path):
    platform = json.loads(county("--local-admin", "token", "issue", "li", "--scope", "intake", "--json").stdout)[
        "token"
    ]
    intake = tmp_path / "second.json"
    intake.write_text(json.dumps(pingdingshan_document("PDS-2") | {"reporter": {"name": "赵举报"}}), encoding="utf-8")
    from click.testing import CliRunner

    from zhengming.cli.main import cli

    runner = CliRunner()
    args = ["--db", county.db_url, "case", "open", str(intake)]
    result = runner.invoke(cli, [*args, "--json"], env={"ZHENGMING_TOKEN": platform})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "case_id": "PDS-2",
        "state": "proposal",
        "outcome": "must_clarify",
        "version": 1,
    }
    intake.write_text(json.dumps(pingdingshan_document("PDS-3")), encoding="utf-8")
    result = runner.invoke(cli, args, env={"ZHENGMING_TOKEN": platform})
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "已受理：案件 PDS-3，待提出建议（版本 1）"
    county("case", "show", "PDS-2")  # the officer with a read scope sees it


@SQLITE
def test_the_outcome_of_an_accountability_or_revisit_education_case_is_named_in_chinese(county, tmp_path):
    accountability = {
        "case_id": "PDS-A1",
        "kind": "accountability",
        "jurisdiction": "pingdingshan",
        "as_of": "2023-06-01",
        "subject": {"kind": "person", "name": "赵某", "management_level": "county", "position": "leader_in_charge"},
        "unit": {"kind": "county"},
        "shortfall": {"kind": "poor_implementation"},
        "facts": {"adverse_impact": "none"},
    }
    revisit = {
        "case_id": "PDS-R1",
        "kind": "disciplined_revisit",
        "jurisdiction": "pingdingshan",
        "as_of": "2023-06-01",
        "subject": {"kind": "person", "name": "周某", "management_level": "county"},
        "discipline": {
            "kind": "party_discipline",
            "decided_on": "2023-01-10",
            "organ": "discipline_commission",
            "level": "county",
        },
    }
    for document in (accountability, revisit):
        path = tmp_path / f"{document['case_id']}.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        county("case", "open", str(path))
    assert "结论: 提醒式问责" in county("case", "show", "PDS-A1").stdout
    assert "结论: 需要回访" in county("case", "show", "PDS-R1").stdout
    listed = county("case", "list").stdout
    assert "reminder" not in listed and "required" not in listed


def test_the_conformance_matrix_has_one_column_per_family_and_speaks_the_users_language(tmp_path):
    from click.testing import CliRunner

    from zhengming.cli.main import cli

    args = ["conformance", "pingdingshan.lushan", "--max-examples", "2", "--report", str(tmp_path / "r.jsonl")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0].strip("| ").split(" | ")
    assert len(header) == len(set(header))  # deadline and deadlines are one family: one column
    assert "✓ 通过" in result.stdout and "pass" not in result.stdout and "项检查" in result.stdout
    english = CliRunner().invoke(cli, ["--lang", "en", *args])
    assert english.exit_code == 0 and "✓ pass" in english.stdout and "checks, 0 failing." in english.stdout


@SQLITE
def test_a_refused_reveal_request_cites_the_national_default_in_chinese(county):
    result = county("custody", "request", "PDS-1", "--reason", "核实", code=5)
    assert "核心默认" in result.stderr and "core default" not in result.stderr
    english = county("--lang", "en", "custody", "request", "PDS-1", "--reason", "核实", code=5)
    assert "core default" in english.stderr


@SQLITE
def test_an_import_problem_is_one_line_however_long(county, tmp_path):
    bad = pingdingshan_document("PDS-9")
    bad["allegations"][0]["finding"] = "maybe"
    lines = tmp_path / "cases.jsonl"
    lines.write_text(json.dumps(pingdingshan_document("PDS-8")) + "\n" + json.dumps(bad) + "\n{\n", encoding="utf-8")
    result = county("--local-admin", "import", str(lines), "--no-progress", code=2)
    problems = [line for line in result.stderr.splitlines() if line.startswith("第 ")]
    assert len(problems) == 2, result.stderr
    assert problems[0].startswith("第 2 行 /allegations/0/finding") and problems[0].endswith("'unverifiable']")


@pytest.mark.parametrize("typed", ["2024-02-30", "2024-13-01", "yesterday"])
def test_a_date_that_is_no_day_is_refused_in_chinese_with_exit_2(typed, tmp_path):
    from click.testing import CliRunner

    from zhengming.cli.main import cli

    case = tmp_path / "case.json"
    case.write_text(json.dumps(pingdingshan_document("PDS-1")), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(case), "--as-of", typed])
    assert result.exit_code == 2
    assert f"'{typed}' 不是有效日期（应为 YYYY-MM-DD）" in result.stderr and "does not match" not in result.stderr
    assert CliRunner().invoke(cli, ["evaluate", str(case), "--as-of", "2024-02-29"]).exit_code == 0


@SQLITE
def test_a_jurisdiction_that_is_not_installed_is_refused_with_exit_3_listing_the_installed_ones(county):
    seat = ["--organ", "discipline_commission", "--level", "county", "--role", "handling_department"]
    typo = county("--local-admin", "users", "add", "周某", *seat, "--jurisdiction", "henan.xyz", code=3)
    assert "'henan.xyz'" in typo.stderr and "未安装" in typo.stderr and "pingdingshan" in typo.stderr
    users = json.loads(county("--local-admin", "users", "list", "--json").stdout)
    assert "周某" not in {u["name"] for u in users}  # nothing written
    county("--local-admin", "users", "grant", "li", "--jurisdiction", "henan", code=3)
    listed = json.loads(county("--local-admin", "users", "list", "--json").stdout)
    assert {u["name"]: u["jurisdiction"] for u in listed}["li"] == "pingdingshan"

    year = ["report", "--from", "2024-01-01", "--to", "2024-12-31", "--jurisdiction"]
    zeros = county(*year, "henan", code=3)
    assert "'henan'" in zeros.stderr and "pingdingshan" in zeros.stderr and zeros.stdout == ""
    assert "is not installed" in county("--lang", "en", *year, "henan", code=3).stderr
    county(*year, "pingdingshan")


@SQLITE
@pytest.mark.parametrize("batch", ["0", "-1"])
def test_an_import_batch_below_one_is_refused_with_exit_2_naming_it(county, tmp_path, batch):
    lines = tmp_path / "cases.jsonl"
    lines.write_text(json.dumps(pingdingshan_document("PDS-8")) + "\n", encoding="utf-8")
    result = county("--local-admin", "import", str(lines), "--no-progress", "--batch", batch, code=2)
    assert "--batch" in result.stderr
    county("case", "show", "PDS-8", code=6)  # nothing written
    county("--local-admin", "import", str(lines), "--no-progress", "--batch", "1")
    county("case", "show", "PDS-8")
