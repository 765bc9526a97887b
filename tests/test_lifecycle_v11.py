"""The v1.1 kinds through their lifecycle, on SQLite and PostgreSQL: an accountability case goes
reminder → probation (due on its end, overdue once past it) → decided; a revisit-education case goes
consult → consent → visit recorded → closed."""

from __future__ import annotations

from datetime import date

import pytest

from zhengming import load_registry
from zhengming.lifecycle import InvalidTransition, add_user
from zhengming.store import audit

from .test_store_support import BACKENDS, make_service

pytest_plugins = ("tests.test_store_support",)
pytestmark = [BACKENDS, pytest.mark.usefixtures("private_env")]

RULES = """
CITED = (Citation(document="测试问责办法", article="第八条"),)

@hookimpl
def zhengming_accountability(case):
    if case.probation.rectified is not None:
        outcome = AccountabilityOutcome.EXEMPT if case.probation.rectified else AccountabilityOutcome.PROCEED
        return AccountabilityAssessment(outcome=outcome, citations=CITED)
    return AccountabilityAssessment(
        outcome=AccountabilityOutcome.REMINDER,
        talk=Talk(by=Role.COMMISSION_SECRETARY, with_=case.subject.position, citations=CITED),
        probation=Probation(min_months=1, max_months=3, citations=CITED),
        measures=(AccountabilityMeasure.TALK_REMINDER,),
        consultation=(Step(role=Role.STYLE_SUPERVISION_OFFICE, action=StepAction.CONSULT),
                      Step(role=Role.CASE_TRIAL_OFFICE, action=StepAction.CONSULT)),
        citations=CITED)

@hookimpl
def zhengming_disciplined_revisit(case):
    return DisciplinedRevisitPlan(
        required=True, consult=(Step(role=Role.UNIT_PARTY_ORGANIZATION, action=StepAction.CONSULT),),
        consent_required=True, methods=(RevisitMethod.INDIVIDUAL_MEETING,),
        topics=(RevisitTopic.VIOLATION_FACTS, RevisitTopic.ORGANIZATIONAL_CARE), one_person_one_plan=True,
        citations=(Citation(document="测试问责办法", article="第十条"),))
"""
ACCOUNTABILITY = {
    "kind": "accountability",
    "jurisdiction": "testcity",
    "as_of": "2024-05-01",
    "case_id": "A-1",
    "subject": {"kind": "person", "name": "张某", "management_level": "county", "position": "principal"},
    "shortfall": {"kind": "ranked_last", "ranking": "city_assessment"},
}
REVISIT = {
    "kind": "disciplined_revisit",
    "jurisdiction": "testcity",
    "as_of": "2024-05-01",
    "case_id": "R-1",
    "subject": {"kind": "person", "name": "李某", "management_level": "county"},
    "discipline": {
        "kind": "party_discipline",
        "decided_on": "2023-05-01",
        "organ": "discipline_commission",
        "level": "county",
    },
}


@pytest.fixture
def rules(plugins):
    return load_registry(entry_points=[plugins.make("testcity", RULES)])


@pytest.fixture
def officers(store):
    add_user(store, "feng", "discipline_commission", "county", ["style_supervision_office"])
    add_user(store, "chen", "discipline_commission", "county", ["case_trial_office", "handling_department"])
    add_user(store, "party", "party_committee", "county", ["unit_party_organization"])


def verified(store) -> None:
    with store.transaction() as session:
        result = audit.verify(session)
    assert result.ok, result.problems


def figures(store, today=None):
    """The statistics report's totals for 2024 (``zhengming report``)."""
    from zhengming.reports.query import report

    with store.transaction() as session:
        return report(session, date(2024, 1, 1), date(2024, 12, 31), today=today)["total"]


def test_accountability_reminder_probation_then_decision(store, rules, officers, calendar):
    calendar.to(date(2024, 1, 15))
    service = make_service(store, rules)
    view = service.open(ACCOUNTABILITY)
    assert (view["state"], view["outcome"]) == ("approval", "reminder")
    service.approve("A-1", "feng")
    view = service.approve("A-1", "chen")
    assert view["state"] == "reminder" and view["due_on"] is None
    with pytest.raises(InvalidTransition):
        service.record_rectification("A-1", "chen", True)
    calendar.to(date(2024, 5, 1))
    view = service.hold_talk("A-1", "chen", date(2024, 1, 31))
    assert view["state"] == "probation" and view["due_on"] == "2024-04-30"  # 3 months, clamped to April's end
    assert view["overdue"] is True  # today 2024-05-01 is past the probation's end
    overdue, _ = service.list(overdue=True)
    assert [row["case_id"] for row in overdue] == ["A-1"]
    assert figures(store, today=date(2024, 5, 1))["overdue"] == 1  # the report counts it too
    view = service.record_rectification("A-1", "chen", True)
    assert (view["state"], view["outcome"], view["due_on"], view["overdue"]) == ("decided", "exempt", None, False)
    service.archive("A-1", "chen")
    view = service.close("A-1", "chen")
    assert view["state"] == "closed"
    actions = [h["action"] for h in view["history"]]
    assert actions == ["open", "approve", "approve", "talk", "rectification", "archive", "close"]
    verified(store)


def test_a_probation_not_rectified_proceeds(store, rules, officers, calendar):
    calendar.to(date(2024, 1, 15))
    service = make_service(store, rules)
    service.open(ACCOUNTABILITY)
    service.approve("A-1", "feng")
    service.approve("A-1", "chen")
    calendar.to(date(2024, 2, 1))
    view = service.hold_talk("A-1", "chen", date(2024, 1, 31))
    assert view["overdue"] is False
    assert figures(store)["accountability"]["by_outcome"] == {"reminder": 1}
    view = service.record_rectification("A-1", "chen", False)
    assert (view["state"], view["outcome"]) == ("decided", "proceed")
    assert figures(store)["accountability"] == {"cases": 1, "people": 1, "by_outcome": {"proceed": 1}}


def test_revisit_education_consult_consent_visit_closed(store, rules, officers, calendar):
    calendar.to(date(2024, 5, 2))
    service = make_service(store, rules)
    view = service.open(REVISIT)
    assert (view["state"], view["outcome"]) == ("approval", "required")
    view = service.approve("R-1", "party")  # 所在党组织沟通
    assert view["state"] == "consent"
    with pytest.raises(InvalidTransition):
        service.close("R-1", "chen")
    assert service.consent("R-1", "chen", "given")["state"] == "revisit"
    calendar.to(date(2024, 6, 1))
    view = service.record_revisit(
        "R-1", "chen", on=date(2024, 6, 1), method="individual_meeting", target=None, note="谈心谈话"
    )
    assert view["revisit"]["visits"][0]["done_on"] == "2024-06-01"
    view = service.close("R-1", "chen")
    assert view["state"] == "closed"
    verified(store)


def test_a_revisit_by_a_method_the_plan_does_not_name_is_refused(store, rules, officers):
    service = make_service(store, rules)
    service.open(REVISIT)
    service.approve("R-1", "party")
    service.consent("R-1", "chen", "given")
    from zhengming.lifecycle import InvalidValue

    with pytest.raises(InvalidValue, match="/method"):
        service.record_revisit("R-1", "chen", on=None, method="phone", target=None, note="")


def test_the_consoles_talk_and_rectification_forms(store, rules, officers, calendar):
    """The case page's forms for the reminder talk and the probation's result (console FORMS): a talk
    without a date is held today, and the result is read from the form's yes/no."""
    from zhengming.web.console.routes import take_form_action

    calendar.to(date(2024, 2, 1))
    service = make_service(store, rules)
    service.open(ACCOUNTABILITY)
    service.approve("A-1", "feng")
    view = service.approve("A-1", "chen")
    view = take_form_action(service, None, "talk", "A-1", "chen", {}, view["version"], [])
    assert view["state"] == "probation" and view["due_on"] == "2024-05-01"  # held today, 1 February: 3 months
    view = take_form_action(service, None, "rectification", "A-1", "chen", {"rectified": "no"}, view["version"], [])
    assert (view["state"], view["outcome"]) == ("decided", "proceed")


def test_a_revisit_education_case_awaiting_consent_is_not_clarified(store, rules, officers):
    """回访教育 asks the cadre's view before the visit, in the same state as a clarification awaiting
    consent: what is offered and accepted there is the consent, never a clarification."""
    service = make_service(store, rules)
    service.open(REVISIT)
    view = service.approve("R-1", "party")
    assert view["state"] == "consent"
    offered = {a["id"] for a in service.available_actions("R-1", "chen")}
    assert "consent" in offered and "clarify" not in offered, offered
    for method in ("meeting", "individual_meeting"):
        with pytest.raises(InvalidTransition):
            service.clarify("R-1", "chen", method)
    service.consent("R-1", "chen", "given")
    with pytest.raises(InvalidTransition):
        service.clarify("R-1", "chen", "meeting")
    assert service.show("R-1")["clarifications"] == []
