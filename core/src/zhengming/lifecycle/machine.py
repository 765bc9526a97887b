"""The case state machine, free of storage: what each action requires and which state follows.

The functions work on any object with the case attributes (``case_id``, ``kind``, ``state``,
``steps``, ``current_step``, ``consent``, ``document``, ``decision``, and for the later stages
``notifications`` and ``revisits`` with ``recipient`` / ``planned_on`` / ``done_on``), so the same
code runs on stored cases (:mod:`.actions`) and on plain objects in memory. Each function checks, then
changes ``state``/``current_step``/``consent``, and raises one of :mod:`.errors` when the action does
not apply; nothing is changed when it raises.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..i18n import Message
from ..model import Text
from .errors import ConsentRequired, InvalidTransition, InvalidValue, NotPermitted
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


# --- checks -------------------------------------------------------------------------------------


def require_state(case: Any, allowed: Iterable[State], action: Text, detail: Text | None = None) -> None:
    if case.state not in {s.value for s in allowed}:
        raise InvalidTransition(case.case_id, case.state, action, detail) from None


def current_step(case: Any) -> dict[str, Any]:
    return case.steps[case.current_step]


def check_step_actor(case: Any, user: Any) -> None:
    reason = misfit(user, current_step(case), handling_seat(case.kind, case.document))
    if reason:
        raise NotPermitted(case.case_id, user.name, reason)


def check_implementer(case: Any, user: Any) -> None:
    handling = handling_seat(case.kind, case.document)
    if case.kind == "clarification":
        reason = implementer_misfit(user, case.decision["approval"]["implementers"], handling)
    else:
        reason = seat_misfit(user, handling)
    if reason:
        raise NotPermitted(case.case_id, user.name, reason)


# --- approval steps ----------------------------------------------------------------------------

APPROVE = Message("approve")
REJECT = Message("reject")
SEND_BACK = Message("send back")


def approve(case: Any, user: Any) -> tuple[int, dict[str, Any]]:
    """The user takes the current step; the case moves to the next step or past the last one."""
    require_state(case, (State.PROPOSAL, State.APPROVAL), APPROVE)
    check_step_actor(case, user)
    index, step = case.current_step, current_step(case)
    case.current_step = index + 1
    case.state = (
        _step_state(case.steps, index + 1)
        if index + 1 < len(case.steps)
        else _after_steps(case.kind, case.decision, case.document)
    ).value
    return index, step


def reject(case: Any, user: Any) -> tuple[int, dict[str, Any]]:
    """The step's holder refuses: the case ends as rejected."""
    require_state(case, (State.PROPOSAL, State.APPROVAL), REJECT)
    check_step_actor(case, user)
    case.state = State.REJECTED.value
    return case.current_step, current_step(case)


def send_back(case: Any, user: Any) -> tuple[int, dict[str, Any]]:
    """退回: the step's holder returns the case to the previous step."""
    detail = Message("the first step has nothing before it")
    require_state(case, (State.APPROVAL, State.PROPOSAL), SEND_BACK)
    if case.current_step == 0:
        raise InvalidTransition(case.case_id, case.state, SEND_BACK, detail)
    check_step_actor(case, user)
    index, step = case.current_step, current_step(case)
    case.current_step = index - 1
    case.state = _step_state(case.steps, index - 1).value
    return index, step


# --- consent and clarification -----------------------------------------------------------------

CONSENT = Message("record consent")
CLARIFY = Message("carry out a clarification")


def record_consent(case: Any, user: Any, status: str) -> None:
    if status not in CONSENT_STATUSES:
        raise InvalidValue("/status", Message("one of {statuses}", statuses=", ".join(CONSENT_STATUSES)))
    require_state(case, (State.CONSENT, State.CLARIFICATION, State.CLARIFIED, State.REVISIT), CONSENT)
    check_implementer(case, user)
    case.consent = status
    if case.state == State.CONSENT and status == "given":
        case.state = (State.REVISIT if case.kind == "disciplined_revisit" else State.CLARIFICATION).value
    elif case.state == State.REVISIT and status != "given" and case.kind == "disciplined_revisit":
        case.state = State.CONSENT.value
    elif case.state == State.CLARIFICATION and status != "given" and needs_consent(case.decision):
        case.state = State.CONSENT.value


def method_option(case: Any, method: str) -> Mapping[str, Any]:
    options = {m["method"]: m for m in case.decision.get("methods", ())}
    if method not in options:
        available = ", ".join(options) or "-"
        raise InvalidValue(
            "/method",
            Message("{method} is not available; use {available}", method=method, available=available),
        )
    return options[method]


def clarify(case: Any, user: Any, method: str) -> None:
    """Carry out a clarification by ``method``; refused without consent where the method needs it."""
    require_state(case, (State.CONSENT, State.CLARIFICATION, State.CLARIFIED), CLARIFY)
    option = method_option(case, method)
    check_implementer(case, user)
    if option["consent_required"] and case.consent != "given":
        raise ConsentRequired(case.case_id, method, case.consent)
    case.state = State.CLARIFIED.value


# --- notifications, archive, revisits, close ---------------------------------------------------

NOTIFY = Message("record a notification")
ARCHIVE = Message("archive")
REVISIT = Message("plan or record a revisit")
CLOSE = Message("close")


def required_recipients(case: Any) -> list[str]:
    return [n["recipient"] for n in case.decision.get("notifications", ())]


def notify(case: Any, user: Any, recipient: str) -> None:
    require_state(case, (State.CLARIFIED,), NOTIFY)
    required = required_recipients(case)
    if recipient not in required:
        raise InvalidValue(
            "/recipients",
            Message("{recipient} is not among {required}", recipient=recipient, required=", ".join(required)),
        )
    if recipient in {n.recipient for n in case.notifications}:
        raise InvalidValue("/recipients", Message("{recipient} was already notified", recipient=recipient))
    check_implementer(case, user)


def missing_notifications(case: Any) -> list[str]:
    done = {n.recipient for n in case.notifications}
    return [r for r in required_recipients(case) if r not in done]


def archive(case: Any, user: Any) -> None:
    require_state(case, (State.CLARIFIED, State.DECIDED), ARCHIVE)
    missing = missing_notifications(case) if case.state == State.CLARIFIED else []
    if missing:
        raise InvalidTransition(
            case.case_id,
            case.state,
            ARCHIVE,
            Message("still to notify: {missing}", missing=", ".join(missing)),
        )
    check_implementer(case, user)
    case.state = State.ARCHIVED.value


def revisit_required(case: Any) -> bool:
    return bool(revisit_policy(case)["required"])


def revisit_policy(case: Any) -> Mapping[str, Any]:
    """``required``, ``methods`` and ``targets`` of the revisits this case's decision calls for."""
    if case.kind == "clarification":
        return case.decision["revisit"]
    if case.kind == "disciplined_revisit":
        return {"required": case.decision["required"], "methods": case.decision["methods"], "targets": ["subject"]}
    return {"required": False, "methods": [], "targets": []}


def plan_revisits(case: Any, user: Any) -> None:
    require_state(case, (State.ARCHIVED, State.REVISIT), REVISIT)
    if not revisit_required(case):
        raise InvalidTransition(case.case_id, case.state, REVISIT, Message("the rules require no revisit"))
    check_implementer(case, user)
    case.state = State.REVISIT.value


def check_revisit(case: Any, user: Any, method: str | None, target: str | None) -> None:
    require_state(case, (State.REVISIT,), REVISIT, Message("plan the revisits first (--plan)"))
    policy = revisit_policy(case)
    if method and method not in policy["methods"]:
        raise InvalidValue("/method", Message("one of {methods}", methods=", ".join(policy["methods"])))
    if target and target not in policy["targets"]:
        raise InvalidValue("/target", Message("one of {targets}", targets=", ".join(policy["targets"])))
    check_implementer(case, user)


def close_reason(case: Any, reason: str | None) -> str:
    """Check that the case may close now and return the reason recorded."""
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
    if case.state == State.DEFERRED and reason:
        return reason
    if case.state == State.DEFERRED:
        raise InvalidTransition(case.case_id, case.state, CLOSE, Message("a reason is required (reason)"))
    if case.state == State.ARCHIVED:
        raise InvalidTransition(case.case_id, case.state, CLOSE, Message("the case must be revisited first"))
    raise InvalidTransition(case.case_id, case.state, CLOSE)


def close(case: Any, user: Any, reason: str | None) -> str:
    recorded = close_reason(case, reason)
    check_implementer(case, user)
    case.state = State.CLOSED.value
    return recorded


# --- accountability (问责): the reminder talk, then the probation's result --------------------------

TALK = Message("record the reminder talk")
RECTIFICATION = Message("record the probation's result")


def hold_talk(case: Any, user: Any) -> None:
    """The reminder talk starts the probation (考验期)."""
    require_state(case, (State.REMINDER,), TALK)
    check_implementer(case, user)


def record_rectification(case: Any, user: Any) -> None:
    """The probation's result is known: rectified in time, or not."""
    require_state(case, (State.PROBATION,), RECTIFICATION)
    check_implementer(case, user)


def after_facts(kind: str, decision: Mapping[str, Any], document: Mapping[str, Any]) -> State:
    """The state a case is in once its decision was taken again on new facts (steps already done)."""
    return _after_steps(kind, decision, document)
