"""Reporter custody on SQLite and PostgreSQL: a handling officer asks with a reason, a different
custodian at county level or higher decides where the rules allow tracing, the requester sees the
identity once before the approval expires; every step audited, the identity in no event."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from zhengming.lifecycle import CaseNotFound, InvalidTransition, InvalidValue, NotPermitted, add_user
from zhengming.lifecycle.custody import Custody, RequestClosed
from zhengming.store import audit
from zhengming.store.models import AuditEvent

from .test_store_support import BACKENDS, REPORTER_NAME, case_document

pytest_plugins = ("tests.test_store_support",)
pytestmark = pytest.mark.usefixtures("private_env")

FALSE_ACCUSATION = {
    "kind": "false_accusation",
    "jurisdiction": "jinan",
    "as_of": "2023-06-01",
    "accuser": {"kind": "party_member", "intent": True, "fabricated": True, "adverse_impact": True},
    "investigating_organ": {"organ": "discipline_commission", "level": "county"},
}
REPORTER = {"name": REPORTER_NAME, "phone": "13912345678"}


class Clock:
    def __init__(self):
        self.now = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self):
        return self.now


@pytest.fixture
def custody(service, people, store):
    add_user(store, "chen", "discipline_commission", "county", [], grants=["custodian"])
    add_user(store, "xiang", "township_discipline", "township", ["handling_department"], grants=["custodian"])
    add_user(store, "liu", "discipline_commission", "county", ["handling_department"], grants=["custodian"])
    service.open(copy.deepcopy(FALSE_ACCUSATION) | {"case_id": "FA-1", "reporter": REPORTER})
    clock = Clock()
    return Custody(store, now=clock), clock


@BACKENDS
def test_a_reveal_is_asked_decided_by_another_custodian_and_shown_once(custody, store, service):
    custody, _clock = custody
    with pytest.raises(InvalidValue, match="/reason"):
        custody.request("FA-1", "li", " ")
    with pytest.raises(NotPermitted):
        custody.request("FA-1", "wang", "核查需要")  # a commission head, no handling officer
    filed = custody.request("FA-1", "li", "查处诬告陷害需确认举报人")
    assert filed["status"] == "pending" and filed["requester"] == "li"
    with pytest.raises(RequestClosed, match="pending"):
        custody.show(filed["id"], "li")  # not decided yet
    with pytest.raises(NotPermitted, match="custodian"):
        custody.decide(filed["id"], "wang", approve=True)  # no custodian duty
    with pytest.raises(CaseNotFound):
        custody.decide(filed["id"], "xiang", approve=True)  # a township custodian does not even see it
    approved = custody.decide(filed["id"], "chen", approve=True, comment="同意", valid_for=timedelta(hours=2))
    assert approved["status"] == "approved" and approved["decided_by"] == "chen"
    with pytest.raises(NotPermitted, match="requester"):
        custody.show(filed["id"], "chen")  # only the requester sees it
    assert custody.show(filed["id"], "li")["name"] == REPORTER_NAME
    with pytest.raises(RequestClosed, match="once"):
        custody.show(filed["id"], "li")
    actions = [h["action"] for h in service.show("FA-1")["history"]]
    assert actions[-3:] == ["reveal_request", "reveal_approve", "reveal_shown"]
    with store.transaction() as session:
        assert audit.verify(session).ok
        events = session.scalars(select(AuditEvent)).all()
    assert REPORTER_NAME not in repr([(e.before, e.after) for e in events])


@BACKENDS
def test_the_requester_cannot_decide_and_an_approval_expires(custody):
    custody, clock = custody
    own = custody.request("FA-1", "liu", "需确认举报人")
    with pytest.raises(NotPermitted, match="their own request"):
        custody.decide(own["id"], "liu", approve=True)
    custody.decide(own["id"], "chen", approve=True, valid_for=timedelta(hours=1))
    clock.now += timedelta(hours=2)
    with pytest.raises(RequestClosed, match="expired"):
        custody.show(own["id"], "liu")
    assert custody.requests(case_id="FA-1")[0]["status"] == "expired"  # the expiry was recorded
    refused = custody.request("FA-1", "li", "再次申请")
    assert custody.decide(refused["id"], "chen", approve=False, comment="理由不足")["status"] == "refused"
    with pytest.raises(RequestClosed, match="refused"):
        custody.show(refused["id"], "li")


@BACKENDS
def test_no_reveal_where_the_rules_do_not_allow_tracing(custody, service):
    custody, _clock = custody
    service.open(case_document("C-1"))  # a clarification case: no accuser is investigated
    with pytest.raises(InvalidTransition, match="false-accusation"):
        custody.request("C-1", "li", "想知道是谁")
    township = copy.deepcopy(FALSE_ACCUSATION) | {"case_id": "FA-2", "reporter": REPORTER}
    township["investigating_organ"] = {"organ": "township_discipline", "level": "township"}
    service.open(township)
    with pytest.raises(InvalidTransition, match="do not allow"):
        custody.request("FA-2", "xiang", "查处需要")


@BACKENDS
def test_feedback_to_a_real_name_reporter_is_recorded_without_the_identity(custody, service, store, calendar):
    custody, clock = custody
    clock.now = calendar.instant = datetime(2024, 3, 2, 1, 0, tzinfo=UTC)  # 09:00 on 2 March in the office
    real_name = case_document("C-1")
    real_name["report"] = dict(real_name["report"], real_name=True)
    service.open(real_name)
    for day in (date(2024, 3, 3), date(2024, 3, 1)):  # after the office's today; before the case was taken in
        with pytest.raises(InvalidValue, match="/on"):
            custody.feedback("C-1", "li", channel="letter", summary="经核查，反映问题不实", on=day)
    given = custody.feedback("C-1", "li", channel="letter", summary="经核查，反映问题不实", on=date(2024, 3, 2))
    assert given["channel"] == "letter"
    anonymous = case_document("C-2")
    anonymous["report"] = dict(anonymous["report"], real_name=False)
    service.open(anonymous)
    with pytest.raises(InvalidTransition, match="anonymous"):
        custody.feedback("C-2", "li", channel="letter", summary="x", on=date(2024, 3, 2))
    with store.transaction() as session:
        assert audit.verify(session).ok
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "reporter_feedback")).all()
    assert len(events) == 1 and REPORTER_NAME not in repr(events[0].after)
