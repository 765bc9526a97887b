"""The states a case goes through, with their Chinese and English names.

Clarification: intake → deferred | closed (not applicable) | proposal → approval → consent →
clarification → clarified → archived → revisit → closed; ``rejected`` ends it at an approval step.
False-accusation and fault-tolerance cases: intake → proposal/approval (their procedure steps, if
any) → decided → archived → closed.
Accountability (v1.1): intake → consultation steps, if any → reminder (谈话提醒) → probation (考验期, due
on its end) → decided (the outcome once the probation's result is known) → archived → closed; a case
the rules decide at once goes straight to decided.
Revisit education of a disciplined cadre (v1.1): intake → consultation steps (所在党组织沟通) → consent
(本人意见) → revisit (visits recorded) → closed; not required → decided → archived → closed.
"""

from __future__ import annotations

from enum import StrEnum

from ..i18n import Message
from ..model import Text


class State(StrEnum):
    INTAKE = "intake"
    DEFERRED = "deferred"
    PROPOSAL = "proposal"
    APPROVAL = "approval"
    CONSENT = "consent"
    CLARIFICATION = "clarification"
    CLARIFIED = "clarified"
    DECIDED = "decided"
    REMINDER = "reminder"
    PROBATION = "probation"
    ARCHIVED = "archived"
    REVISIT = "revisit"
    REJECTED = "rejected"
    CLOSED = "closed"


LABELS: dict[State, Text] = {
    State.INTAKE: Text("受理", "intake"),
    State.DEFERRED: Text("待其他线索查结", "deferred"),
    State.PROPOSAL: Text("待提出建议", "awaiting proposal"),
    State.APPROVAL: Text("审批中", "in approval"),
    State.CONSENT: Text("待征求本人意见", "awaiting consent"),
    State.CLARIFICATION: Text("待实施澄清", "awaiting clarification"),
    State.CLARIFIED: Text("已澄清，待告知", "clarified, notifying"),
    State.DECIDED: Text("已作出决定", "decided"),
    State.REMINDER: Text("待谈话提醒", "awaiting the reminder talk"),
    State.PROBATION: Text("考验期（限期整改）", "on probation"),
    State.ARCHIVED: Text("已归档", "archived"),
    State.REVISIT: Text("回访中", "revisiting"),
    State.REJECTED: Text("不予澄清（审批未通过）", "rejected"),
    State.CLOSED: Text("已办结", "closed"),
}

TERMINAL = frozenset({State.CLOSED, State.REJECTED})
# Before these states are left, the decision whether to start (the deadline's action) is pending.
BEFORE_DECISION = frozenset({State.INTAKE, State.DEFERRED, State.PROPOSAL, State.APPROVAL})
# States in which a case is late once its due date has passed: the decision pending, or a probation running.
DUE_WATCHED = BEFORE_DECISION | {State.PROBATION}
ORDER = tuple(State)


def state_label(state: str) -> Text:
    try:
        return LABELS[State(state)]
    except ValueError:
        return Text(state, state)


def parse_state(value: str) -> State:
    """A state typed by a person: its code (``approval``) or its Chinese or English name (``审批中``);
    :class:`~.errors.InvalidValue` on ``/state`` naming the states otherwise."""
    from .errors import InvalidValue

    text = (value or "").strip()
    for state, label in LABELS.items():
        if text in (state.value, label.zh, label.en):
            return state
    names = "、".join(f"{label.zh}（{state.value}）" for state, label in LABELS.items())
    raise InvalidValue(
        "/state", Message("unknown state {text!r}; one of: {states}", text=text, states=Text(names, ", ".join(State)))
    )
