"""A realistic set of cases for every installed jurisdiction, worked through their lifecycle.

Used by ``zhengming demo``. Each jurisdiction gets the same scenarios — a case carried through to the
end (with revisits where its rules require them), one sent back (退回) and still in approval, one not
applicable, one with other clues pending, one refused for lack of consent where its rules require
consent, one rejected, a fast-track one awaiting its proposal, a false-accusation and a
fault-tolerance case — and the rules decide where each really goes: a jurisdiction that defers
nothing does not defer. The users the steps need are registered on the way, one per seat.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import attrs

from ..i18n import Message
from ..labels import label
from ..model import Level, Organ, Role, Text
from .errors import LifecycleError
from .roles import handling_seat, step_seat
from .service import CaseService
from .states import State
from .users import add_user

DEMO_DATE = date(2024, 3, 1)
BASE = {
    "subject": {"kind": "person", "name": "张某", "management_level": "county"},
    "report": {"received_on": "2023-11-02", "real_name": True, "channel": "letter"},
    "handling": {"organ": "discipline_commission", "level": "county", "verification_concluded_on": "2024-01-15"},
    "allegations": [{"id": "a1", "summary": "收受礼金", "finding": "untrue"}],
    "impact": {"scope": "unit", "on_selection": True},
}
REPORTER = {"name": "演示举报人", "phone": "13000000000"}


@attrs.define
class DemoRun:
    """What the demo did: cases opened, and the refusals it provoked on purpose."""

    cases: list[tuple[str, str, str]] = attrs.Factory(list)  # (jurisdiction, case_id, scenario)
    refusals: list[tuple[str, Text]] = attrs.Factory(list)  # (case_id, message)
    surprises: list[tuple[str, Text]] = attrs.Factory(list)  # refusals the demo did not intend


class Demo:
    def __init__(self, service: CaseService):
        self.service = service
        self.run = DemoRun()
        self._users: dict[tuple[str | None, str | None, str], str] = {}

    # --- users ---------------------------------------------------------------------------------

    def user_for(self, organ: str | None, level: str | None, role: str, second: int = 0) -> str:
        """A user sitting at (organ, level) with ``role``, registered on first need; ``second`` > 0: another
        person in the same seat (a path with the same seat at two steps needs two people)."""
        organ = organ or Organ.DISCIPLINE_COMMISSION.value
        level = level or Level.COUNTY.value
        key = (organ, level, role, second)
        if key not in self._users:
            name = f"{label(Level(level)).zh}{label(Organ(organ)).zh}·{label(Role(role)).zh}"
            name += f"（{second + 1}）" if second else ""
            add_user(self.service.store, name, organ, level, [role], actor="demo")
            self._users[key] = name
        return self._users[key]

    def step_actor(self, view: dict[str, Any]) -> str:
        """Who takes the current step: someone who took no earlier step of the case (separation of duties)."""
        handling = handling_seat(view["kind"], view["document"])
        steps, index = view["steps"], view["current_step"]
        seat = step_seat(steps[index], handling)
        same = [
            j
            for j in range(index)
            if steps[j]["role"] == steps[index]["role"] and step_seat(steps[j], handling) == seat
        ]
        return self.user_for(seat.organ, seat.level, steps[index]["role"], len(same))

    def implementer(self, view: dict[str, Any]) -> str:
        implementers = view["decision"].get("approval", {}).get("implementers") or []
        if implementers:
            return self.user_for(implementers[0]["organ"], implementers[0]["level"], Role.HANDLING_DEPARTMENT.value)
        seat = handling_seat(view["kind"], view["document"])
        return self.user_for(seat.organ, seat.level, Role.HANDLING_DEPARTMENT.value)

    # --- driving a case ----------------------------------------------------------------------------

    def attempt(
        self, case_id: str, action: Callable[[], dict[str, Any]], *, expected: bool = False, why: Text | None = None
    ):
        """Run an action; a refusal is recorded (as intended or as a surprise) instead of raised. ``why``:
        what the intended refusal shows, where its message alone does not say it."""
        try:
            return action()
        except LifecycleError as exc:
            message = exc.message if why is None else Message("{refusal} ({why})", refusal=exc.message, why=why)
            (self.run.refusals if expected else self.run.surprises).append((case_id, message))
            return None

    def approve_steps(self, view: dict[str, Any], until: int | None = None) -> dict[str, Any]:
        case_id = view["case_id"]
        while view["state"] in (State.PROPOSAL, State.APPROVAL) and (until is None or view["current_step"] < until):
            result = self.attempt(case_id, lambda v=view: self.service.approve(case_id, self.step_actor(v), "同意"))
            if result is None:
                break
            view = result
        return view

    def carry_out(self, view: dict[str, Any], *, revisit: bool = True) -> dict[str, Any]:
        """Consent where needed, clarify, notify, archive, revisit, close. What is done is dated today (a
        date of something done is neither after today nor before the case was opened): the revisits are
        planned months ahead and, the demo running in one day, recorded as done today."""
        svc, case_id, who = self.service, view["case_id"], self.implementer(view)
        today = svc.today()
        if view["state"] == State.CONSENT:
            view = svc.consent(case_id, who, "given", "本人同意公开澄清")
        if view["state"] in (State.CLARIFICATION, State.CONSENT):
            methods = [m["method"] for m in view["methods"]]
            public = next((m for m in ("meeting", "notice", "face_to_face") if m in methods), methods[0])
            view = self.attempt(case_id, lambda: svc.clarify(case_id, who, public, on=today, scope="本单位干部大会"))
            if view is None:
                return svc.show(case_id)
        if view["state"] == State.CLARIFIED:
            view = svc.notify(case_id, who, [], on=today)
        if view["state"] in (State.CLARIFIED, State.DECIDED):
            view = svc.archive(case_id, who)
        if view["state"] == State.ARCHIVED and view["revisit"]["required"]:
            plan = [today + timedelta(days=90), today + timedelta(days=365)]
            view = svc.plan_revisits(case_id, who, plan)
            if not revisit:
                return view
            for _planned in plan:
                method = (view["revisit"]["methods"] or [None])[0]
                view = svc.record_revisit(case_id, who, on=today, method=method, note="工作生活正常，已放下思想包袱")
        if view["state"] in (State.ARCHIVED, State.REVISIT):
            view = svc.close(case_id, who)
        return view

    def open(self, jurisdiction: str, scenario: str, document: dict[str, Any]) -> dict[str, Any] | None:
        case_id = f"{jurisdiction}-{scenario}"
        document = {
            "jurisdiction": jurisdiction,
            "as_of": self.as_of(jurisdiction).isoformat(),
            "case_id": case_id,
        } | document
        view = self.attempt(case_id, lambda: self.service.open(document))
        if view is not None:
            self.run.cases.append((jurisdiction, case_id, scenario))
        return view

    def as_of(self, jurisdiction: str) -> date:
        info = self.service.engine.registry.records[jurisdiction].info
        return max(DEMO_DATE, info.effective_from or DEMO_DATE)

    # --- the scenarios ------------------------------------------------------------------------------

    def jurisdiction(self, jid: str) -> None:
        svc = self.service
        view = self.open(jid, "full", clarification())
        if view:
            self.carry_out(self.approve_steps(view))

        view = self.open(jid, "sent-back", clarification())
        if view and len(view["steps"]) >= 2:
            view = self.approve_steps(view, until=1)
            view = svc.send_back(view["case_id"], self.step_actor(view), "请补充核查材料后再报")
            svc.approve(view["case_id"], self.step_actor(view), "已补充核查材料，再次报批")  # back in approval

        self.open(jid, "not-applicable", clarification(finding="true"))
        self.open(jid, "pending-clues", clarification(circumstances={"pending_other_clues": True}))

        view = self.open(jid, "no-consent", clarification(impact={"scope": "society"}))
        if view:
            view = self.approve_steps(view)
            needs = [m["method"] for m in view["methods"] if m["consent_required"]]
            if needs and view["state"] == State.CONSENT:
                who = self.implementer(view)
                self.attempt(view["case_id"], lambda: svc.clarify(view["case_id"], who, needs[0]), expected=True)
                svc.consent(view["case_id"], who, "declined", "本人不愿公开澄清")
                svc.close(view["case_id"], who)

        view = self.open(jid, "rejected", clarification())
        if view and view["steps"]:
            view = self.approve_steps(view, until=len(view["steps"]) - 1)
            if view["state"] in (State.PROPOSAL, State.APPROVAL):
                svc.reject(view["case_id"], self.step_actor(view), "核查结论尚需复核，不予澄清")

        view = self.open(jid, "disciplined", clarification(disciplined=True))
        if view:
            self.carry_out(self.approve_steps(view), revisit=False)

        self.open(
            jid, "fast-track", clarification(circumstances={"key_juncture": True}, subject={"is_unit_principal": True})
        )

        view = self.open(jid, "false-accusation", FALSE_ACCUSATION)
        if view:
            self.carry_out(view)
        view = self.open(jid, "fault-tolerance", FAULT_TOLERANCE)
        if view:
            view = self.approve_steps(view)
            if view["state"] == State.DECIDED:
                svc.archive(view["case_id"], self.implementer(view))

        view = self.open(jid, "accountability", ACCOUNTABILITY)
        if view:
            self.hold_to_account(self.approve_steps(view))
        view = self.open(jid, "revisit-education", DISCIPLINED_REVISIT)
        if view:
            self.revisit_education(self.approve_steps(view))

    def hold_to_account(self, view: dict[str, Any]) -> dict[str, Any]:
        """提醒式问责: the reminder talk, the probation, its result, then archive and close."""
        svc, case_id, who = self.service, view["case_id"], self.implementer(view)
        if view["state"] == State.REMINDER:
            view = svc.hold_talk(case_id, who, svc.today())
        if view["state"] == State.PROBATION:
            view = svc.record_rectification(case_id, who, True)
        if view["state"] == State.DECIDED:
            view = svc.archive(case_id, who)
        if view["state"] == State.ARCHIVED:
            view = svc.close(case_id, who)
        return view

    def revisit_education(self, view: dict[str, Any]) -> dict[str, Any]:
        """回访教育: the cadre's own view, the visit by the plan's first method, then close."""
        svc, case_id, who = self.service, view["case_id"], self.implementer(view)
        if view["state"] == State.CONSENT:
            view = svc.consent(case_id, who, "given", "本人同意回访")
        if view["state"] == State.REVISIT:
            method = (view["revisit"]["methods"] or [None])[0]
            view = svc.record_revisit(
                case_id, who, on=svc.today(), method=method, target=None, note="违纪事实和组织关爱两必谈"
            )
            view = svc.close(case_id, who)
        elif view["state"] == State.DECIDED:
            view = svc.archive(case_id, who)
        return view

    def everything(self) -> DemoRun:
        """Every scenario for every installed jurisdiction; and the wrong user tried once, on purpose."""
        ids = self.service.engine.registry.ids()
        for jid in ids:
            self.jurisdiction(jid)
        first = next((c for _j, c, s in self.run.cases if s == "sent-back"), None)
        if first:  # the city commission oversees the case but takes none of its steps
            overseer = self.user_for(Organ.DISCIPLINE_COMMISSION.value, Level.CITY.value, Role.COMMISSION_HEAD.value)
            self.attempt(first, lambda: self.service.approve(first, overseer, "越权审批"), expected=True)
            outsider = self.user_for(  # the city organization department has no business with it at all
                Organ.ORGANIZATION_DEPARTMENT.value, Level.CITY.value, Role.ORGANIZATION_DEPARTMENT.value
            )
            self.attempt(
                first,
                lambda: self.service.approve(first, outsider, "越权审批"),
                expected=True,
                why=Message("need-to-know: a user with no business with a case is told it does not exist"),
            )
        return self.run


def clarification(
    *,
    finding: str = "untrue",
    impact: dict[str, Any] | None = None,
    circumstances: dict[str, Any] | None = None,
    subject: dict[str, Any] | None = None,
    disciplined: bool = False,
) -> dict[str, Any]:
    document = copy.deepcopy(BASE) | {"reporter": dict(REPORTER)}
    document["allegations"][0]["finding"] = finding
    if disciplined:  # a second allegation was true and led to a disposition
        document["allegations"].append(
            {"id": "a2", "summary": "违规发放津贴", "finding": "true", "disposition_form": 2}
        )
    if impact:
        document["impact"] = impact
    if circumstances:
        document["circumstances"] = circumstances
    if subject:
        document["subject"] = document["subject"] | subject
    return document


FALSE_ACCUSATION = {
    "kind": "false_accusation",
    "accuser": {"kind": "party_member", "intent": True, "fabricated": True, "adverse_impact": True},
    "investigating_organ": {"organ": "discipline_commission", "level": "county"},
    # whom it concerns: the accuser reported, so the name is sealed like a reporter's
    "concerns": [{"role": "accuser", "name": "演示诬告人"}, {"role": "accused", "name": "周某"}],
}
FAULT_TOLERANCE = {
    "kind": "fault_tolerance",
    "filing": {
        "timing": "after",
        "claimed_items": [],
        "facts": {"public_interest_motive": True, "corrected_promptly": True},
    },
}
ACCOUNTABILITY = {  # a county ranked last in the city's assessment, no serious consequences
    "kind": "accountability",
    "subject": {"kind": "person", "name": "刘某", "management_level": "county", "position": "leader_in_charge"},
    "unit": {"kind": "county"},
    "shortfall": {"kind": "poor_implementation"},
    "facts": {"adverse_impact": "none"},
}
DISCIPLINED_REVISIT = {
    "kind": "disciplined_revisit",
    "subject": {"kind": "person", "name": "何某", "management_level": "county"},
    "discipline": {
        "kind": "party_discipline",
        "decided_on": "2023-10-09",
        "organ": "discipline_commission",
        "level": "county",
    },
}
