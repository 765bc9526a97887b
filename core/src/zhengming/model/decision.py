"""Decision documents (output) and the answer blocks that hooks return.

Fields are declared in the contract's document order. A hook answers with one block (``Trigger``, ``Approval``, ...); the engine assembles the blocks into
a decision. Every block carries ``citations``: an answer without provenance is a bug.
"""

from __future__ import annotations

from datetime import date

import attrs

from .case import OrganAtLevel
from .enums import (
    AccountabilityMeasure,
    AccountabilityOutcome,
    CaseKind,
    Classification,
    DeadlineAction,
    FaultToleranceOutcome,
    Level,
    Measure,
    Method,
    Organ,
    Recipient,
    Relief,
    RevisitMethod,
    RevisitTarget,
    RevisitTopic,
    Role,
    StepAction,
    SubjectPosition,
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
    """A clarification method on offer; ``accompanied_by`` lists methods that must be used with it."""

    method: Method
    consent_required: bool = False
    accompanied_by: tuple[Method, ...] = ()
    citations: Citations


@frozen
class Notification:
    recipient: Recipient
    citations: Citations


@frozen
class Revisit:
    """回访: whether, whom and how; ``consult`` are the steps taken before visiting (v1.1)."""

    required: bool
    targets: tuple[RevisitTarget, ...] = ()
    methods: tuple[RevisitMethod, ...] = ()
    consent_required: bool = False
    consult: tuple[Step, ...] = ()
    citations: Citations


# --- false accusation and fault tolerance blocks ---------------------------------------------


@frozen
class Referral:
    """This organ may not decide the matter: pass it to ``organ`` at ``level`` (v1.1 ``refer_to``)."""

    organ: Organ
    level: Level
    citations: Citations


@frozen
class FalseAccusationAssessment:
    classification: Classification
    aggravated: bool = False
    measures: tuple[Measure, ...] = ()
    refer_to: Referral | None = None
    reasons: tuple[Text, ...] = ()
    citations: Citations


@frozen
class ReporterTracing:
    """Whether the handling organ may trace (追查) the reporter's identity, and on what basis."""

    allowed: bool
    reasons: tuple[Text, ...] = ()
    citations: Citations


@frozen
class FaultToleranceAssessment:
    outcome: FaultToleranceOutcome
    matched_positive: tuple[str, ...] = ()
    matched_negative: tuple[str, ...] = ()
    relief: Relief | None = None
    procedure: tuple[Step, ...] = ()
    reasons: tuple[Text, ...] = ()
    citations: Citations


# --- accountability and revisit-education blocks (v1.1) ------------------------------------


@frozen
class Talk:
    """约谈/谈话提醒: held ``by`` a role (None where the text names no one) ``with`` the subject's position."""

    by: Role | None = None
    with_: SubjectPosition = attrs.field(metadata={"name": "with"})
    citations: Citations


@frozen
class Probation:
    """考验期 / 整改时限: length in months (None where the text sets none) and when it ends."""

    min_months: int | None = None
    max_months: int | None = None
    ends_on: date | None = None
    citations: Citations


@frozen
class AccountabilityAssessment:
    outcome: AccountabilityOutcome
    talk: Talk | None = None
    probation: Probation | None = None
    measures: tuple[AccountabilityMeasure, ...] = ()
    consultation: tuple[Step, ...] = ()
    reasons: tuple[Text, ...] = ()
    citations: Citations


@frozen
class DisciplinedRevisitPlan:
    required: bool
    consult: tuple[Step, ...] = ()
    consent_required: bool = False
    methods: tuple[RevisitMethod, ...] = ()
    topics: tuple[RevisitTopic, ...] = ()
    one_person_one_plan: bool = False
    reasons: tuple[Text, ...] = ()
    citations: Citations


# --- decisions ----------------------------------------------------------------------------


@frozen
class ClarificationDecision:
    kind: CaseKind = CaseKind.CLARIFICATION
    jurisdiction: str
    as_of: date
    case_id: str | None
    chain: tuple[str, ...]
    reasons: tuple[Text, ...] = ()
    trigger: Trigger
    deadline: Deadline | None
    deadlines: tuple[Deadline, ...] = ()
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
    reasons: tuple[Text, ...] = ()
    classification: Classification
    aggravated: bool
    measures: tuple[Measure, ...]
    refer_to: Referral | None = None
    may_trace_reporter: bool
    citations: Citations


@frozen
class FaultToleranceDecision:
    kind: CaseKind = CaseKind.FAULT_TOLERANCE
    jurisdiction: str
    as_of: date
    case_id: str | None
    chain: tuple[str, ...]
    reasons: tuple[Text, ...] = ()
    outcome: FaultToleranceOutcome
    matched_positive: tuple[str, ...]
    matched_negative: tuple[str, ...]
    relief: Relief | None = None
    procedure: tuple[Step, ...]
    citations: Citations


@frozen
class AccountabilityDecision:
    kind: CaseKind = CaseKind.ACCOUNTABILITY
    jurisdiction: str
    as_of: date
    case_id: str | None
    chain: tuple[str, ...]
    reasons: tuple[Text, ...] = ()
    outcome: AccountabilityOutcome
    talk: Talk | None = None
    probation: Probation | None = None
    measures: tuple[AccountabilityMeasure, ...] = ()
    consultation: tuple[Step, ...] = ()
    citations: Citations


@frozen
class DisciplinedRevisitDecision:
    kind: CaseKind = CaseKind.DISCIPLINED_REVISIT
    jurisdiction: str
    as_of: date
    case_id: str | None
    chain: tuple[str, ...]
    reasons: tuple[Text, ...] = ()
    required: bool
    consult: tuple[Step, ...] = ()
    consent_required: bool = False
    methods: tuple[RevisitMethod, ...] = ()
    topics: tuple[RevisitTopic, ...] = ()
    one_person_one_plan: bool = False
    citations: Citations


Decision = (
    ClarificationDecision
    | FalseAccusationDecision
    | FaultToleranceDecision
    | AccountabilityDecision
    | DisciplinedRevisitDecision
)
