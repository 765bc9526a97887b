"""What trips a vendor setting zhengming up for a new county office, walking the README: each test is a
command as documented, or a newcomer's obvious mistake, with its exit code and what is said (zh-CN)."""

from __future__ import annotations

import json

import pytest

from .test_store_support import pingdingshan_document

pytest_plugins = ("tests.test_store_support",)
pytestmark = [pytest.mark.usefixtures("private_env"), pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]


@pytest.fixture
def county(zm, tmp_path):
    """平顶山's county officers (li proposes, wang approves), their tokens, and one case taken in."""
    for name, role in (("li", "handling_department"), ("wang", "commission_head")):
        zm(
            "--local-admin",
            "users",
            "add",
            name,
            "--organ",
            "discipline_commission",
            "--level",
            "county",
            "--jurisdiction",
            "pingdingshan",
            "--role",
            role,
        )
    zm.login("li", "wang")
    intake = tmp_path / "intake.json"
    intake.write_text(json.dumps(pingdingshan_document("PDS-1"), ensure_ascii=False), encoding="utf-8")
    zm("case", "open", str(intake))
    return zm


def history(zm, case_id):
    return [h["action"] for h in json.loads(zm("case", "show", case_id, "--json").stdout)["history"]]


def test_a_letter_to_a_missing_directory_is_refused_before_it_is_made_and_audited(county, tmp_path):
    before = history(county, "PDS-1")
    result = county("case", "letter", "PDS-1", "approval_form", "-o", str(tmp_path / "nowhere" / "x.docx"), code=2)
    assert "nowhere" in result.stderr and "Traceback" not in result.output
    assert history(county, "PDS-1") == before  # no letter event for a letter nobody got
    county("case", "letter", "PDS-1", "approval_form", "-o", str(tmp_path / "x.docx"))
    assert (tmp_path / "x.docx").stat().st_size > 0
    assert history(county, "PDS-1") == [*before, "letter"]
