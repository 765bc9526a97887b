"""``deadlines[]`` beyond the decision to start: the merge hook ``zhengming_clarification_deadlines``,
limits counted in working days (工作日), and a year the holiday calendar does not know."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from zhengming import Engine, PluginError, load_registry, to_document
from zhengming.cli.main import cli
from zhengming.rules.workdays import CalendarUnknown

# A city that counts 15 working days from the end of verification to complete a clarification
# and gives feedback within 10 working days whatever the outcome.
CITY = """
from zhengming.rules.workdays import add_working_days

@hookimpl
def zhengming_clarification_deadlines(case, trigger):
    start = case.handling.verification_concluded_on
    found = [Deadline(action=DeadlineAction.GIVE_FEEDBACK, due_on=add_working_days(start, 10),
                      citations=(Citation(document="测试办法", article="第九条"),))]
    if trigger.clarifies:
        found.append(Deadline(action=DeadlineAction.COMPLETE_CLARIFICATION, due_on=add_working_days(start, 15),
                              citations=(Citation(document="测试办法", article="第八条"),)))
    return found
"""
# A county under it that gives feedback within 5 working days and sets no limit to complete.
COUNTY = """
from zhengming.rules.workdays import add_working_days

@hookimpl
def zhengming_clarification_deadlines(case):
    start = case.handling.verification_concluded_on
    cite = (Citation(document="县办法", article="第三条"),)
    return [Deadline(action=DeadlineAction.GIVE_FEEDBACK, due_on=add_working_days(start, 5), citations=cite),
            Deadline(action=DeadlineAction.COMPLETE_CLARIFICATION, due_on=None, citations=cite)]
"""
WRONG = """
@hookimpl
def zhengming_clarification_deadlines():
    return [Deadline(action=DeadlineAction.DECIDE_WHETHER_TO_START, due_on=date(2025, 1, 2),
                     citations=(Citation(document="测试办法", article="第一条"),))]
"""


@pytest.fixture
def land(plugins):
    return load_registry(entry_points=[plugins.make("land", CITY), plugins.make("land.county", COUNTY, parent="land")])


def document(case_doc, jurisdiction="land", concluded="2025-09-26", finding="untrue"):
    case_doc.update(jurisdiction=jurisdiction, as_of="2025-10-15")
    case_doc["handling"]["verification_concluded_on"] = concluded
    case_doc["allegations"][0]["finding"] = finding
    return case_doc


def deadlines(registry, case):
    return [(d["action"], d["due_on"]) for d in to_document(Engine(registry).evaluate_document(case))["deadlines"]]


def test_working_day_limits_skip_the_national_day_holiday_and_count_the_make_up_sunday(land, case_doc):
    # From Friday 2025-09-26: Sunday 09-28 and Saturday 10-11 are make-up working days, 10-01…10-08 a holiday.
    assert deadlines(land, document(case_doc)) == [
        ("complete_clarification", "2025-10-23"),
        ("give_feedback", "2025-10-16"),
    ]


def test_deadlines_that_follow_a_clarification_are_not_set_when_nothing_is_clarified(land, case_doc):
    assert deadlines(land, document(case_doc, finding="true")) == [("give_feedback", "2025-10-16")]


def test_a_child_replaces_a_deadline_for_the_same_action_and_can_take_one_away(land, case_doc):
    assert deadlines(land, document(case_doc, jurisdiction="land.county")) == [("give_feedback", "2025-10-10")]


def test_the_decision_to_start_stays_the_single_deadline_hooks(plugins, case_doc):
    registry = load_registry(entry_points=[plugins.make("land", WRONG)])
    with pytest.raises(PluginError, match="decide_whether_to_start"):
        Engine(registry).evaluate_document(document(case_doc))


def test_a_year_the_holiday_calendar_does_not_know_is_refused_in_its_own_words(land, case_doc, tmp_path, monkeypatch):
    case = document(case_doc, concluded="2099-12-01")
    case["as_of"] = "2099-12-15"
    with pytest.raises(CalendarUnknown):
        Engine(land).evaluate_document(case)
    monkeypatch.setattr("zhengming.cli.app.load_registry", lambda **_: land)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(path), "--json"])
    assert result.exit_code == 1 and result.stdout == ""
    assert "节假日安排未知：2099 年不在已知年份" in result.stderr and "插件出错" not in result.stderr
    assert "Traceback" not in result.output


def test_core_sets_no_other_deadline(engine, case_doc):
    case = document(case_doc, jurisdiction="core")
    decision = to_document(engine.evaluate_document(case))
    assert decision["deadlines"] == ([decision["deadline"]] if decision["deadline"] else [])


def test_the_text_decision_lists_every_deadline_with_its_basis(land, case_doc, tmp_path, monkeypatch):
    monkeypatch.setattr("zhengming.cli.app.load_registry", lambda **_: land)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(document(case_doc)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    at = lines.index("期限: 2025-10-23 前完成澄清")
    assert lines[at + 1 : at + 4] == [
        "    依据: 《测试办法》第八条",
        "期限: 2025-10-16 前反馈",
        "    依据: 《测试办法》第九条",
    ]
