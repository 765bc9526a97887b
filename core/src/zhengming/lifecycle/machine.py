"""The case state machine, free of storage: what each action requires and which state follows.

The functions work on any object with the case attributes (``case_id``, ``kind``, ``state``,
``steps``, ``current_step``, ``consent``, ``document``, ``decision``, and for the later stages
``notifications`` and ``revisits`` with ``recipient`` / ``planned_on`` / ``done_on``), so the same
code runs on stored cases (:mod:`.actions`) and on plain objects in memory. The actions themselves —
where each applies, who may take it, what it writes — are the rows of :mod:`.table`, built from these
functions; each raises one of :mod:`.errors` when it does not apply, before changing anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..i18n import Message
from ..labels import consent_choices, typed
from ..model import Method, Recipient, RevisitMethod, RevisitTarget, Text
from .errors import InvalidTransition, InvalidValue, NotSameCase
from .roles import handling_seat, implementer_misfit, misfit, seat_misfit
from .states import State

CONSENT_STATUSES = ("given", "declined", "withdrawn")
APPROVAL_DECISIONS = ("approved", "rejected", "sent_back")


# --- after evaluation ---------------------------------------------------------------------------


# Where each kind's decision keeps the steps a case goes through (approval, procedure, consultation).
STEPS_AT = {
    "clarification": ("approval", "steps"),
    "fault_tolerance": ("procedure",),
    "accountability": ("consultation",),
    "disciplined_revisit": ("consult",),
}


def steps_of(kind: str, decision: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The steps a case goes through: approval steps, the filing procedure, or the consultations."""
    node: Any = decision
    for key in STEPS_AT.get(kind, ()):
        node = node.get(key, ())
    return list(node) if node is not decision else []


def outcome_of(kind: str, decision: Mapping[str, Any]) -> str:
    if kind == "clarification":
        return decision["trigger"]["outcome"]
    if kind == "false_accusation":
        return decision["classification"]
    if kind == "disciplined_revisit":
        return "required" if decision["required"] else "not_required"
    return decision["outcome"]


def due_of(kind: str, decision: Mapping[str, Any]) -> str | None:
    """The date a case is due by: the deadline to decide whether to start, or the end of a probation."""
    if kind == "accountability":
        return (decision.get("probation") or {}).get("ends_on") if decision["outcome"] == "reminder" else None
    deadline = decision.get("deadline")
    return deadline.get("due_on") if deadline else None


def entry_state(
    kind: str, decision: Mapping[str, Any], steps: list[Any], document: Mapping[str, Any] | None = None
) -> tuple[State, str | None]:
    """The state a freshly evaluated case enters, and the closing reason when it closes at once."""
    if kind == "clarification":
        outcome = decision["trigger"]["outcome"]
        if outcome == "not_applicable":
            return State.CLOSED, "not_applicable"
        if outcome == "deferred":
            return State.DEFERRED, None
    if steps:
        return _step_state(steps, 0), None
    return _after_steps(kind, decision, document), None


def _step_state(steps: list[Any], index: int) -> State:
    return State.PROPOSAL if index == 0 and steps[0]["action"] == "propose" else State.APPROVAL


def _after_steps(kind: str, decision: Mapping[str, Any], document: Mapping[str, Any] | None) -> State:
    if kind == "clarification":
        return State.CONSENT if needs_consent(decision) else State.CLARIFICATION
    if kind == "accountability" and decision["outcome"] == "reminder":
        started = ((document or {}).get("probation") or {}).get("started_on")  # the reminder talk was held
        return State.PROBATION if started else State.REMINDER
    if kind == "disciplined_revisit" and decision["required"]:
        return State.CONSENT if decision["consent_required"] else State.REVISIT
    return State.DECIDED


def needs_consent(decision: Mapping[str, Any]) -> bool:
    if decision["kind"] == "disciplined_revisit":
        return bool(decision["consent_required"])
    return any(m["consent_required"] for m in decision.get("methods", ()))


# --- who may act ----------------------------------------------------------------------------------


def current_step(case: Any) -> dict[str, Any]:
    return case.steps[case.current_step]


def step_misfit(case: Any, user: Any) -> Text | None:
    """Why ``user`` cannot take the current step (role, organ, level); ``None`` when they can."""
    return misfit(user, current_step(case), handling_seat(case.kind, case.document))


def implementer_misfit_of(case: Any, user: Any) -> Text | None:
    """Why ``user`` cannot carry the decision out: not among its implementers (a clarification), not
    of the handling organ (the other kinds); ``None`` when they can."""
    handling = handling_seat(case.kind, case.document)
    if case.kind == "clarification":
        return implementer_misfit(user, case.decision["approval"]["implementers"], handling)
    return seat_misfit(user, handling)


# --- approval steps ----------------------------------------------------------------------------


def advance(case: Any) -> None:
    """The current step is taken: the next step, or what follows the last one."""
    index = case.current_step + 1
    case.current_step = index
    case.state = (
        _step_state(case.steps, index)
        if index < len(case.steps)
        else _after_steps(case.kind, case.decision, case.document)
    ).value


def step_back(case: Any) -> None:
    """退回: back to the previous step."""
    case.current_step -= 1
    case.state = _step_state(case.steps, case.current_step).value


# --- consent and clarification -----------------------------------------------------------------


def check_consent_status(status: Any) -> None:
    if status not in CONSENT_STATUSES:
        raise InvalidValue("/status", Message("one of {statuses}", statuses=consent_choices(CONSENT_STATUSES)))


def record_consent(case: Any, status: str) -> None:
    """The subject's view recorded: given moves the case on; declined or withdrawn moves it back."""
    check_consent_status(status)
    case.consent = status
    if case.state == State.CONSENT and status == "given":
        case.state = (State.REVISIT if case.kind == "disciplined_revisit" else State.CLARIFICATION).value
    elif case.state == State.REVISIT and status != "given" and case.kind == "disciplined_revisit":
        case.state = State.CONSENT.value
    elif case.state == State.CLARIFICATION and status != "given" and needs_consent(case.decision):
        case.state = State.CONSENT.value


def method_option(case: Any, method: Any) -> Mapping[str, Any]:
    options = {m["method"]: m for m in case.decision.get("methods", ())}
    if method not in options:
        raise InvalidValue(
            "/method",
            Message(
                "{method} is not available; use {available}",
                method=typed(Method, [method]),
                available=typed(Method, options),
            ),
        )
    return options[method]


# --- notifications, archive, revisits, close ---------------------------------------------------


@attrs.frozen
class Done:
    """A notification recorded in this action (read by the next recipient's check)."""

    recipient: str


def required_recipients(case: Any) -> list[str]:
    return [n["recipient"] for n in case.decision.get("notifications", ())]


def check_recipient(case: Any, recipient: Any, seen: Iterable[Any] | None = None) -> None:
    """``recipient`` is one the decision names and not yet notified (``seen``: the records so far)."""
    required = required_recipients(case)
    if recipient not in required:
        raise InvalidValue(
            "/recipients",
            Message(
                "{recipient} is not among {required}",
                recipient=typed(Recipient, [recipient]),
                required=typed(Recipient, required),
            ),
        )
    if recipient in {n.recipient for n in (case.notifications if seen is None else seen)}:
        raise InvalidValue(
            "/recipients", Message("{recipient} was already notified", recipient=typed(Recipient, [recipient]))
        )


def missing_notifications(case: Any) -> list[str]:
    done = {n.recipient for n in case.notifications}
    return [r for r in required_recipients(case) if r not in done]


def revisit_required(case: Any) -> bool:
    return bool(revisit_policy(case)["required"])


def revisit_policy(case: Any) -> Mapping[str, Any]:
    """``required``, ``methods`` and ``targets`` of the revisits this case's decision calls for."""
    if case.kind == "clarification":
        return case.decision["revisit"]
    if case.kind == "disciplined_revisit":
        return {"required": case.decision["required"], "methods": case.decision["methods"], "targets": ["subject"]}
    return {"required": False, "methods": [], "targets": []}


def check_revisit_values(case: Any, method: str | None, target: str | None) -> None:
    policy = revisit_policy(case)
    if method and method not in policy["methods"]:
        raise InvalidValue("/method", Message("one of {methods}", methods=typed(RevisitMethod, policy["methods"])))
    if target and target not in policy["targets"]:
        raise InvalidValue("/target", Message("one of {targets}", targets=typed(RevisitTarget, policy["targets"])))


CLOSE = Message("close")


def close_reason(case: Any, reason: str | None, *, require_reason: bool = True) -> str:
    """Check that the case may close now and return the reason recorded (``require_reason=False``: a
    deferred case's missing reason is not held against it yet)."""
    if case.state == State.ARCHIVED and not revisit_required(case):
        return reason or "completed"
    if case.state == State.REVISIT:
        pending = [r for r in case.revisits if r.done_on is None]
        if pending or not case.revisits:
            detail = Message("{pending_count} planned revisit(s) not done", pending_count=len(pending))
            if not case.revisits:
                detail = Message("no revisit recorded")
            raise InvalidTransition(case.case_id, case.state, CLOSE, detail)
        return reason or "completed"
    if case.state == State.CONSENT and case.consent in ("declined", "withdrawn"):
        return reason or "consent_declined"
    if case.state == State.DEFERRED and (reason or not require_reason):
        return reason or ""
    if case.state == State.DEFERRED:
        raise InvalidTransition(case.case_id, case.state, CLOSE, Message("a reason is required (reason)"))
    if case.state == State.ARCHIVED:
        raise InvalidTransition(case.case_id, case.state, CLOSE, Message("the case must be revisited first"))
    raise InvalidTransition(case.case_id, case.state, CLOSE)


# --- decided again on new facts ---------------------------------------------------------------------


def after_facts(kind: str, decision: Mapping[str, Any], document: Mapping[str, Any]) -> State:
    """The state a case is in once its decision was taken again on new facts (steps already done)."""
    return _after_steps(kind, decision, document)


SAME_CASE = ("/jurisdiction", "/subject", "/allegations")


def require_same_case(stored: Mapping[str, Any], updated: Mapping[str, Any]) -> None:
    """The updated document describes the same case: same jurisdiction, subject and allegations (ids and
    summaries; their findings may change, which is what a resumed case is about)."""

    def allegations(document):
        return sorted((a.get("id"), a.get("summary")) for a in document.get("allegations") or ())

    different = [
        pointer
        for pointer, old, new in (
            ("/jurisdiction", stored.get("jurisdiction"), updated.get("jurisdiction")),
            ("/subject", stored.get("subject"), updated.get("subject")),
            ("/allegations", allegations(stored), allegations(updated)),
        )
        if old != new
    ]
    if different:
        raise NotSameCase(stored.get("case_id", ""), different)
