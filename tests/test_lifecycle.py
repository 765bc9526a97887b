"""The case lifecycle, every path on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from zhengming.lifecycle import (
    CaseConflict,
    CaseNotFound,
    ConsentRequired,
    DuplicateCase,
    InvalidTransition,
    InvalidValue,
    NotPermitted,
    add_user,
)
from zhengming.store import audit

from .test_store_support import BACKENDS, case_document, land_document, make_service, pingdingshan_document

pytest_plugins = ("tests.test_store_support",)

pytestmark = [BACKENDS, pytest.mark.usefixtures("private_env")]


def verified(store) -> None:
    with store.transaction() as session:
        result = audit.verify(session)
    assert result.ok, result.problems


def test_clarification_goes_from_intake_to_closed_with_a_send_back(service, people, store, calendar):
    calendar.to(date(2023, 5, 20))
    view = service.open(case_document())
    assert (view["state"], view["outcome"], view["version"]) == ("proposal", "must_clarify", 1)
    assert [s["status"] for s in view["steps"]] == ["current", "pending"]

    assert service.approve("T-1", "li", "建议澄清")["state"] == "approval"
    view = service.send_back("T-1", "wang", "请补充核查材料")
    assert view["state"] == "proposal" and view["current_step"] == 0
    service.approve("T-1", "li", "已补充，建议澄清")
    view = service.approve("T-1", "wang", "同意")
    assert view["state"] == "clarification" and [s["status"] for s in view["steps"]] == ["done", "done"]
    assert [(a["actor"], a["decision"], a["comment"]) for a in view["approvals"]] == [
        ("li", "approved", "建议澄清"),
        ("wang", "sent_back", "请补充核查材料"),
        ("li", "approved", "已补充，建议澄清"),
        ("wang", "approved", "同意"),
    ]

    calendar.to(date(2023, 6, 2))
    view = service.clarify("T-1", "li", "meeting", on=date(2023, 6, 1), scope="本单位干部大会")
    assert view["state"] == "clarified" and view["clarifications"][0]["scope"] == "本单位干部大会"
    with pytest.raises(InvalidTransition, match="still to notify"):
        service.archive("T-1", "li")
    service.notify("T-1", "li", ["subject"])
    view = service.notify("T-1", "li", [])  # the rest of the decision's recipients
    assert {n["recipient"] for n in view["notifications"]["done"]} == set(view["notifications"]["required"])
    assert service.archive("T-1", "li")["state"] == "archived"
    view = service.close("T-1", "li")
    assert (view["state"], view["close_reason"]) == ("closed", "completed")
    notices = ["notify"] * len(view["notifications"]["required"])
    expected = ["open", "approve", "send_back", "approve", "approve", "clarify", *notices, "archive", "close"]
    assert [h["action"] for h in view["history"]] == expected
    assert view["history"][0]["to"] == "proposal" and view["history"][-1]["to"] == "closed"
    verified(store)


def test_each_action_is_one_version_step_and_one_audit_event(service, people, store):
    service.open(case_document())
    view = service.approve("T-1", "li")
    assert view["version"] == 2
    with store.transaction() as session:
        events = list(audit.case_history(session, "T-1"))
    assert [(e.action, e.actor, e.before and e.before["state"], e.after["state"]) for e in events] == [
        ("open", "system", None, "proposal"),
        ("approve", "li", "proposal", "approval"),
    ]
    assert events[1].after["version"] == 2 and events[1].before["version"] == 1


def test_not_applicable_closes_at_intake_with_its_reason(service):
    document = case_document("NA-1")
    document["allegations"][0]["finding"] = "true"
    view = service.open(document)
    assert (view["state"], view["outcome"], view["close_reason"]) == ("closed", "not_applicable", "not_applicable")
    assert view["steps"] == [] and view["decision"]["trigger"]["reasons"]


def test_a_rejected_proposal_ends_the_case(service, people):
    service.open(case_document())
    service.approve("T-1", "li")
    view = service.reject("T-1", "wang", "证据不足，不予澄清")
    assert (view["state"], view["close_reason"]) == ("rejected", "rejected")
    assert view["steps"][1]["status"] == "rejected"
    with pytest.raises(InvalidTransition):
        service.approve("T-1", "wang")


def test_the_first_step_cannot_be_sent_back(service, people):
    service.open(case_document())
    with pytest.raises(InvalidTransition, match="first step"):
        service.send_back("T-1", "li")


def test_users_who_do_not_fit_the_step_are_refused(service, people, store):
    service.open(case_document())
    with pytest.raises(NotPermitted, match="lacks that role"):
        service.approve("T-1", "wang")  # the commission head cannot propose
    service.approve("T-1", "li")
    with pytest.raises(NotPermitted, match="city level"):
        service.approve("T-1", "sun")  # a commission head, but of the city commission: the county handles it
    add_user(store, "qian", "party_committee", "county", ["commission_head"])
    with pytest.raises(CaseNotFound):
        service.approve("T-1", "qian")  # the role, but in the party committee, which the case does not address
    assert service.show("T-1")["version"] == 2  # nothing was written by the refusals


def test_a_step_at_another_level_needs_someone_of_that_level(service, people, store):
    document = case_document("ONLINE-1")
    document["impact"] = {"scope": "online"}  # 济南 art. 7(2): reported to the party committee head
    view = service.open(document)
    roles = [(s["role"], s["level"]) for s in view["steps"]]
    assert roles[-1] == ("party_committee_head", "county")
    service.approve("ONLINE-1", "li")
    service.approve("ONLINE-1", "wang")
    with pytest.raises(NotPermitted):
        service.approve("ONLINE-1", "wang")
    assert service.approve("ONLINE-1", "zhao")["state"] == "clarification"


def test_public_clarification_is_refused_until_consent_is_given(service, people):
    service.open(pingdingshan_document("PDS-1"))
    service.approve("PDS-1", "li")
    view = service.approve("PDS-1", "wang")
    assert view["state"] == "consent" and all(m["consent_required"] for m in view["methods"])
    with pytest.raises(ConsentRequired, match="not recorded"):
        service.clarify("PDS-1", "li", "meeting")
    service.consent("PDS-1", "li", "declined", "本人不愿公开")
    with pytest.raises(ConsentRequired, match="declined"):
        service.clarify("PDS-1", "li", "meeting")
    assert service.show("PDS-1")["clarifications"] == []
    view = service.close("PDS-1", "li")
    assert (view["state"], view["close_reason"]) == ("closed", "consent_declined")


def test_consent_given_then_withdrawn(service, people):
    service.open(pingdingshan_document("PDS-2"))
    service.approve("PDS-2", "li")
    service.approve("PDS-2", "wang")
    assert service.consent("PDS-2", "li", "given")["state"] == "clarification"
    assert service.consent("PDS-2", "li", "withdrawn")["state"] == "consent"
    with pytest.raises(ConsentRequired, match="withdrawn"):
        service.clarify("PDS-2", "li", "notice")
    service.consent("PDS-2", "li", "given")
    view = service.clarify("PDS-2", "li", "notice", scope="全县通报")
    assert view["state"] == "clarified" and [c["status"] for c in view["consents"]] == ["given", "withdrawn", "given"]


def test_a_method_the_decision_does_not_offer_is_refused(service, people):
    service.open(case_document())
    service.approve("T-1", "li")
    service.approve("T-1", "wang")
    with pytest.raises(InvalidValue, match="media is not available"):
        service.clarify("T-1", "li", "media")


def test_only_the_implementers_carry_out_the_clarification(service, people):
    service.open(case_document())
    service.approve("T-1", "li")
    service.approve("T-1", "wang")
    with pytest.raises(NotPermitted, match="implementers"):
        service.clarify("T-1", "sun", "written")  # the city commission oversees the case, does not implement it
    with pytest.raises(CaseNotFound):
        service.clarify("T-1", "zhao", "written")  # the county party committee: not addressed by this case


def test_revisits_are_planned_recorded_and_then_the_case_closes(service, people, calendar):
    calendar.to(date(2023, 6, 1))
    service.open(
        pingdingshan_document("PDS-R", subject_applied=False)
        | {
            "allegations": [
                {"id": "a1", "summary": "违规经商", "finding": "untrue"},
                {"id": "a2", "summary": "违规收礼", "finding": "true", "disposition_form": 2},
            ]
        }
    )
    service.approve("PDS-R", "li")
    service.approve("PDS-R", "wang")
    service.consent("PDS-R", "li", "given")
    service.clarify("PDS-R", "li", "written")
    service.notify("PDS-R", "li", [])
    view = service.archive("PDS-R", "li")
    assert view["revisit"]["required"], "平顶山 措施十: a disciplined subject is revisited"
    with pytest.raises(InvalidTransition, match="revisited first"):
        service.close("PDS-R", "li")
    view = service.plan_revisits("PDS-R", "li", [date(2023, 12, 1), date(2024, 6, 1)])
    assert view["state"] == "revisit" and len(view["revisit"]["visits"]) == 2
    method = view["revisit"]["methods"][0]
    calendar.to(date(2023, 12, 2))
    service.record_revisit("PDS-R", "li", on=date(2023, 12, 2), method=method, target="subject", note="思想稳定")
    with pytest.raises(InvalidTransition, match="1 planned revisit"):
        service.close("PDS-R", "li")
    with pytest.raises(InvalidValue):
        service.record_revisit("PDS-R", "li", method="carrier_pigeon")
    calendar.to(date(2024, 6, 3))
    service.record_revisit("PDS-R", "li", on=date(2024, 6, 3), method=method)
    view = service.close("PDS-R", "li")
    assert view["state"] == "closed" and all(v["done_on"] for v in view["revisit"]["visits"])


def test_revisits_are_refused_where_the_rules_require_none(service, people):
    service.open(case_document())
    service.approve("T-1", "li")
    service.approve("T-1", "wang")
    service.clarify("T-1", "li", "written")
    service.notify("T-1", "li", [])
    service.archive("T-1", "li")
    with pytest.raises(InvalidTransition, match="no revisit"):
        service.plan_revisits("T-1", "li", [date(2024, 1, 1)])


def test_deferred_cases_wait_and_resume_when_the_clues_are_verified(store, land, people):
    service = make_service(store, land)
    view = service.open(land_document("D-1", pending_other_clues=True))
    assert view["state"] == "deferred" and view["steps"] == []
    with pytest.raises(InvalidTransition, match="reason"):
        service.close("D-1", "li")
    view = service.resume("D-1", land_document("D-1"), actor="li")
    assert view["state"] == "proposal" and view["version"] == 2
    assert [h["action"] for h in view["history"]] == ["open", "resume"]
    service.open(land_document("D-2", pending_other_clues=True))
    view = service.close("D-2", "li", reason="其他线索查实，另案处理")
    assert view["close_reason"] == "其他线索查实，另案处理"


def test_overdue_and_fast_track_cases_come_first(store, land, people):
    service = make_service(store, land)
    service.today = lambda: date(2023, 5, 1)
    service.open(land_document("LATE", concluded="2023-03-10"))  # due 2023-04-10
    service.open(land_document("LATER", concluded="2023-04-20"))  # due 2023-05-20
    service.open(land_document("FAST", concluded="2023-04-25", key_juncture=True))
    service.open(land_document("NA", concluded="2023-01-01") | {"impact": {"scope": "none"}})
    rows, total = service.list()
    assert [r["case_id"] for r in rows] == ["FAST", "LATE", "LATER", "NA"] and total == 4
    assert rows[1]["overdue"] and rows[1]["due_on"] == "2023-04-10"
    rows, total = service.list(overdue=True)
    assert [r["case_id"] for r in rows] == ["LATE"] and total == 1
    service.approve("LATE", "li")
    service.approve("LATE", "wang")  # the decision to start was taken: no longer overdue
    assert service.list(overdue=True) == ([], 0)


def test_a_month_deadline_ends_on_the_same_day_or_the_months_last(store, land):
    service = make_service(store, land)
    assert service.open(land_document("M-1", concluded="2023-01-31"))["due_on"] == "2023-02-28"


def test_false_accusation_and_fault_tolerance_cases_are_stored_with_their_procedure(service, people, store):
    fa = {
        "kind": "false_accusation",
        "jurisdiction": "jinan",
        "as_of": "2023-05-01",
        "case_id": "FA-1",
        "accuser": {"kind": "party_member", "intent": True, "fabricated": True, "adverse_impact": True},
        "investigating_organ": {"organ": "discipline_commission", "level": "county"},
    }
    view = service.open(fa)
    assert (view["kind"], view["state"], view["outcome"]) == ("false_accusation", "decided", "malicious")
    service.archive("FA-1", "li")
    assert service.close("FA-1", "li")["state"] == "closed"

    ft = {
        "kind": "fault_tolerance",
        "jurisdiction": "pingdingshan",
        "as_of": "2023-06-01",
        "case_id": "FT-1",
        "filing": {"timing": "after", "claimed_items": ["P1"], "facts": {"public_interest_motive": True}},
    }
    view = service.open(ft)
    steps = ["report", "review", "notify"]  # the applicant files (按程序向纪检监察机关备案), then the organ
    assert view["kind"] == "fault_tolerance" and [s["action"] for s in view["steps"]] == steps
    assert view["state"] == "approval"
    add_user(store, "ma", "party_committee", "county", ["applicant"], jurisdiction="pingdingshan")
    service.approve("FT-1", "ma")
    service.approve("FT-1", "li")
    view = service.approve("FT-1", "li")
    assert view["state"] == "decided" and [a["action"] for a in view["approvals"]] == steps
    service.archive("FT-1", "li")
    service.close("FT-1", "li")
    verified(store)


def test_a_case_id_is_taken_once(service):
    service.open(case_document())
    with pytest.raises(DuplicateCase):
        service.open(case_document())


def test_a_stale_expected_version_is_a_conflict(service, people):
    service.open(case_document())
    service.approve("T-1", "li", expected_version=1)
    with pytest.raises(CaseConflict, match="you saw version 1, it is now 2"):
        service.approve("T-1", "wang", expected_version=1)
    assert service.show("T-1")["state"] == "approval"


def test_two_people_approving_the_same_step_at_once_one_wins(store, service, people):
    """Both read the case, then both write: exactly one commit, one clear conflict, nothing lost."""
    from zhengming.lifecycle import actions, table
    from zhengming.lifecycle.service import ActionContext

    add_user(store, "li2", "discipline_commission", "county", ["handling_department"])
    service.open(case_document())
    both_loaded = threading.Barrier(2, timeout=30)
    outcomes: dict[str, object] = {}

    def approve(name: str) -> None:
        try:
            with store.engine.begin() as conn:
                loaded = actions.load(conn, "T-1", name)
                both_loaded.wait()
                context = ActionContext(service, service.now())
                actions.perform(conn, store.keyring, loaded, table.APPROVE, {"comment": f"{name} 同意"}, context)
            outcomes[name] = "won"
        except CaseConflict as exc:
            outcomes[name] = exc
        except Exception as exc:  # any other outcome fails the test below
            outcomes[name] = exc

    threads = [threading.Thread(target=approve, args=(n,)) for n in ("li", "li2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    winners = [n for n, o in outcomes.items() if o == "won"]
    conflicts = [o for o in outcomes.values() if isinstance(o, CaseConflict)]
    assert len(winners) == 1 and len(conflicts) == 1, outcomes
    assert "changed by someone else" in str(conflicts[0])
    view = service.show("T-1")
    assert view["version"] == 2 and view["state"] == "approval"
    assert [a["actor"] for a in view["approvals"]] == winners
    assert [h["action"] for h in view["history"]] == ["open", "approve"]
    verified(store)
    # the loser looks again and the next step is theirs to take only if they fit it
    with pytest.raises(NotPermitted):
        service.approve("T-1", next(n for n in ("li", "li2") if n not in winners))


def test_an_action_answers_in_the_readers_language_reading_the_case_once(service, people, monkeypatch):
    from zhengming.lifecycle import CaseService

    english = service.reading("en")
    assert service.reading("zh") is service and english is not service and service.view_lang == "zh"
    service.open(case_document())
    reads = []
    show = CaseService.show
    monkeypatch.setattr(CaseService, "show", lambda self, *a, **k: reads.append(k.get("lang")) or show(self, *a, **k))
    view = english.approve("T-1", "li", "建议澄清")
    assert reads == ["en"]
    reasons = view["decision"]["trigger"]["reasons"]
    assert reasons == service.show("T-1", lang="en")["decision"]["trigger"]["reasons"]
    assert reasons != service.show("T-1")["decision"]["trigger"]["reasons"]  # not the Chinese rendering
