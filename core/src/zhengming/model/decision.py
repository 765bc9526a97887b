"""Decision documents (output) and the answer blocks that hooks return.

Fields are declared in the contract's document order. A hook answers with one block (``Trigger``, ``Approval``, ...); the engine assembles the blocks into
a decision. Every block carries ``citations``: an answer without provenance is a bug.
"""

from __future__ import annotations

from datetime import date

import attrs

from .case import OrganAtLevel
from .enums import (
    CaseKind,
    Classification,
    DeadlineAction,
    FaultToleranceOutcome,
    Level,
    Measure,
    Method,
    Recipient,
    RevisitMethod,
    RevisitTarget,
    Role,
    StepAction,
    TriggerOutcome,
)
from .text import Citation, Text

frozen = attrs.frozen(kw_only=True)
Citations = tuple[Citation, ...]


@frozen
class Step:
    """One approval or procedure step. ``level`` is None when the role sits in the handling organ."""

    role: Role
    level: Level | None = None
    action: StepAction


# --- clarification blocks -------------------------------------------------------------------


@frozen
class Trigger:
    """Whether to clarify, which allegations, and why."""

    outcome: TriggerOutcome
    allegations: tuple[str, ...] = ()
    reasons: tuple[Text, ...] = ()
    citations: Citations

    @property
    def clarifies(self) -> bool:
        return self.outcome in (TriggerOutcome.MUST_CLARIFY, TriggerOutcome.MAY_CLARIFY)


@frozen
class Deadline:
    """A due date; ``due_on=None`` says the rules set none (the decision's ``deadline`` is then null)."""

    action: DeadlineAction = DeadlineAction.DECIDE_WHETHER_TO_START
    due_on: date | None
    citations: Citations


@frozen
class FastTrack:
    """Green channel / priority handling (快查快办、快办快处快结)."""

    active: bool
    reasons: tuple[Text, ...] = ()
    citations: Citations


@frozen
class Approval:
    implementers: tuple[OrganAtLevel, ...]
    steps: tuple[Step, ...]
    citations: Citations


@frozen
class MethodOption:
    method: Method
    consent_required: bool = False
    citations: Citations


@frozen
class Notification:
    recipient: Recipient
    citations: Citations


@frozen
class Revisit:
    required: bool
    targets: tuple[RevisitTarget, ...] = ()
    methods: tuple[RevisitMethod, ...] = ()
    citations: Citations


# --- false accusation and fault tolerance blocks ---------------------------------------------


@frozen
class FalseAccusationAssessment:
    classification: Classification
    aggravated: bool = False
    measures: tuple[Measure, ...] = ()
    may_trace_reporter: bool = False
    citations: Citations


@frozen
class FaultToleranceAssessment:
    outcome: FaultToleranceOutcome
    matched_positive: tuple[str, ...] = ()
    matched_negative: tuple[str, ...] = ()
    procedure: tuple[Step, ...] = ()
    citations: Citations


# --- decisions ----------------------------------------------------------------------------


@frozen
class ClarificationDecision:
    kind: CaseKind = CaseKind.CLARIFICATION
    jurisdiction: str
    as_of: date
    case_id: str | None
    chain: tuple[str, ...]
    trigger: Trigger
    deadline: Deadline | None
    fast_track: bool
    approval: Approval
    methods: tuple[MethodOption, ...]
    notifications: tuple[Notification, ...]
    revisit: Revisit


@frozen
class FalseAccusationDecision:
    kind: CaseKind = CaseKind.FALSE_ACCUSATION
    jurisdiction: str
    as_of: date
    case_id: str | None
    chain: tuple[str, ...]
    classification: Classification
    aggravated: bool
    measures: tuple[Measure, ...]
    may_trace_reporter: bool
    citations: Citations


@frozen
class FaultToleranceDecision:
    kind: CaseKind = CaseKind.FAULT_TOLERANCE
    jurisdiction: str
    as_of: date
    case_id: str | None
    chain: tuple[str, ...]
    outcome: FaultToleranceOutcome
    matched_positive: tuple[str, ...]
    matched_negative: tuple[str, ...]
    procedure: tuple[Step, ...]
    citations: Citations


Decision = ClarificationDecision | FalseAccusationDecision | FaultToleranceDecision
