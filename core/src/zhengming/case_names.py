"""The names people read for the codes a stored case holds: what an audit event did, what an approver
decided, the subject's consent, why the case was closed, how far a step has come, where a reveal request
stands. Catalog messages (:mod:`zhengming.i18n`), so the command line and the console say the same words.

The names of contract values (roles, methods, outcomes…) are :mod:`zhengming.labels`; of states,
:mod:`zhengming.lifecycle.states`.
"""

from __future__ import annotations

from collections.abc import Mapping

from .i18n import Message
from .labels import label

# Audit actions (``audit_events.action``): what happened to the case.
EVENTS: dict[str, Message] = {
    "open": Message("case opened"),
    "approve": Message("step approved"),
    "reject": Message("step rejected"),
    "send_back": Message("step sent back"),
    "consent": Message("consent recorded"),
    "clarify": Message("clarification carried out"),
    "notify": Message("notification recorded"),
    "archive": Message("case archived"),
    "plan_revisits": Message("revisits planned"),
    "revisit": Message("revisit recorded"),
    "close": Message("case closed"),
    "resume": Message("case resumed"),
    "talk": Message("reminder talk held"),
    "rectification": Message("rectification recorded"),
    "letter": Message("letter printed"),
    "reveal_request": Message("reveal requested"),
    "reveal_approve": Message("reveal approved"),
    "reveal_refuse": Message("reveal refused"),
    "reveal_shown": Message("identity shown once"),
    "reveal_expired": Message("reveal approval expired"),
    "reporter_feedback": Message("feedback to the reporter"),
    "amend": Message("intake amended"),
    "paper_approval": Message("paper approval recorded"),
}
# An approver's decision on a step (``approvals.decision``).
DECISIONS: dict[str, Message] = {
    "approved": Message("approved"),
    "rejected": Message("rejected"),
    "sent_back": Message("sent back"),
}
# The subject's consent to a method that needs it (``cases.consent``; ``None``: none recorded).
CONSENT: dict[str | None, Message] = {
    None: Message("not recorded"),
    "given": Message("given"),
    "declined": Message("declined"),
    "withdrawn": Message("withdrawn"),
}
# Why a case was closed (``cases.close_reason``).
CLOSE_REASONS: dict[str, Message] = {
    "not_applicable": Message("not applicable"),
    "rejected": Message("rejected at approval"),
    "completed": Message("completed"),
    "consent_declined": Message("the subject declined public clarification"),
}
# Where a reveal request stands (``reveal_requests.status``).
REVEAL_STATUS: dict[str, Message] = {
    "pending": Message("awaiting a custodian's decision"),
    "approved": Message("approved, not yet seen"),
    "refused": Message("refused"),
    "shown": Message("seen"),
    "expired": Message("expired"),
}
# How far an approval step has come (a case view's ``steps[].status``).
STEP_STATUS: dict[str, Message] = {
    "done": Message("done"),
    "current": Message("waiting"),
    "pending": Message("not yet"),
    "rejected": Message("not passed"),
}


def name_in(table: Mapping[str | None, Message], code: str | None, lang: str) -> str:
    """The name of ``code`` in ``table`` in ``lang``; the code itself where the table has none (a code of a
    newer version, say), and ``""`` for no code where the table names none."""
    found = table.get(code)
    if found is not None:
        return found.render(lang)
    return "" if code is None else str(code)


# A revisit-education case's outcome: whether the rules call for revisits (受处分干部回访教育).
REVISIT_OUTCOMES: dict[str, Message] = {"required": Message("required"), "not_required": Message("not required")}


def outcome_name(outcome: str, lang: str) -> str:
    """A case's outcome: a trigger outcome, a false accusation's classification, a filing's or an
    accountability case's outcome, or whether a disciplined cadre is to be revisited."""
    from .model import AccountabilityOutcome, Classification, FaultToleranceOutcome, TriggerOutcome

    for enum in (TriggerOutcome, Classification, FaultToleranceOutcome, AccountabilityOutcome):
        if outcome in enum._value2member_map_:
            return label(enum(outcome)).render(lang)
    return name_in(REVISIT_OUTCOMES, outcome, lang)
