"""Case documents (input): the three kinds of the interchange contract as frozen attrs classes.

Defaults follow the contract: booleans false, lists empty, optional dates null.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import attrs

from .enums import (
    AccuserKind,
    AdverseImpact,
    CaseKind,
    Channel,
    CriticizedBy,
    DisciplineKind,
    FilingTiming,
    Finding,
    ImpactScope,
    Level,
    ManagementLevel,
    Organ,
    Ranking,
    ShortfallKind,
    SubjectKind,
    SubjectPosition,
    UnitKind,
)

frozen = attrs.frozen(kw_only=True)


def local_facts() -> Any:
    """The case's ``local`` object (v1.1): facts keyed by jurisdiction id, validated by each plugin's schema.

    Left out of equality and hashing: it is plain JSON data, read by the plugins that publish it.
    """
    return attrs.field(factory=dict, eq=False, hash=False)


@frozen
class Subject:
    """被检举控告人."""

    kind: SubjectKind
    name: str
    management_level: ManagementLevel
    is_unit_principal: bool = False


@frozen
class Report:
    received_on: date | None = None
    real_name: bool = False
    channel: Channel = Channel.OTHER


@frozen
class Handling:
    """Who received and verified the clue."""

    organ: Organ
    level: Level
    verification_concluded_on: date | None = None
    closed_by_letter_inquiry: bool = False
    review_found_wrongful_treatment: bool = False


@frozen
class Allegation:
    """One issue reported (反映的问题) and what verification found."""

    id: str
    finding: Finding
    summary: str = ""
    disposition_form: int | None = None
    main: bool = False
    minor: bool = False


# Any of these flags, or a scope other than "none", is a negative impact (不良影响).
_IMPACT_FLAGS = ("on_selection", "on_election", "on_award", "on_rotation", "on_integrity_opinion", "rights_infringed")


@frozen
class Impact:
    on_selection: bool = False
    on_election: bool = False
    on_award: bool = False
    on_rotation: bool = False
    on_integrity_opinion: bool = False
    rights_infringed: bool = False
    scope: ImpactScope = ImpactScope.NONE

    @property
    def negative(self) -> bool:
        """Whether the report caused any negative impact at all."""
        return self.scope is not ImpactScope.NONE or any(getattr(self, f) for f in _IMPACT_FLAGS)


@frozen
class Circumstances:
    repeat_after_conclusion: bool = False
    false_accusation_found: bool = False
    pending_other_clues: bool = False
    subject_applied: bool = False
    application_received_on: date | None = None
    key_juncture: bool = False
    suspected_false_accusation: bool = False
    organ_deems_necessary: bool = False


@frozen
class OrganAtLevel:
    organ: Organ
    level: Level


@frozen
class ClarificationCase:
    """kind ``clarification`` (澄清正名)."""

    jurisdiction: str
    as_of: date
    subject: Subject
    handling: Handling
    allegations: tuple[Allegation, ...]
    report: Report = Report()
    impact: Impact = Impact()
    circumstances: Circumstances = Circumstances()
    case_id: str | None = None
    local: Mapping[str, Any] = local_facts()
    kind: CaseKind = CaseKind.CLARIFICATION

    def allegation_ids(self, *findings: Finding) -> tuple[str, ...]:
        """Ids of the allegations whose finding is one of ``findings``, in document order."""
        return tuple(a.id for a in self.allegations if a.finding in findings)

    @property
    def untrue_allegations(self) -> tuple[str, ...]:
        return self.allegation_ids(Finding.UNTRUE)


@frozen
class Accuser:
    kind: AccuserKind
    intent: bool | None = None
    fabricated: bool = False
    adverse_impact: bool = False
    reaches_accountability_threshold: bool = False
    crime_suspected: bool = False
    repeat_after_conclusion: bool = False
    coerced_others: bool = False
    disrupted_election_or_selection: bool = False
    severe_means: bool = False
    typical_case: bool = False
    party_member: bool = False
    count: int = 1


@frozen
class FalseAccusationCase:
    """kind ``false_accusation`` (诬告陷害认定)."""

    jurisdiction: str
    as_of: date
    accuser: Accuser
    investigating_organ: OrganAtLevel
    case_id: str | None = None
    local: Mapping[str, Any] = local_facts()
    kind: CaseKind = CaseKind.FALSE_ACCUSATION


@frozen
class FilingFacts:
    private_gain: bool = False
    public_interest_motive: bool = False
    followed_decision_procedure: bool | None = False  # None: not stated (v1.1)
    corrected_promptly: bool = False
    adverse_impact: AdverseImpact = AdverseImpact.NONE
    violates_explicit_prohibition: bool = False
    fraud: bool = False
    safety_or_environment_accident: bool = False
    abuse_of_power: bool = False
    repeated_same_error: bool = False
    refuses_rectification: bool = False
    obstruction_or_extortion: bool = False
    inaction: bool = False


@frozen
class FilingSubject:
    """Who files: a cadre (当事人) or a unit (相关单位)."""

    kind: SubjectKind
    name: str


@frozen
class Filing:
    timing: FilingTiming
    claimed_items: tuple[str, ...] = ()
    facts: FilingFacts = FilingFacts()
    subject: FilingSubject | None = None


@frozen
class FaultToleranceCase:
    """kind ``fault_tolerance`` (容错免责备案)."""

    jurisdiction: str
    as_of: date
    filing: Filing
    case_id: str | None = None
    local: Mapping[str, Any] = local_facts()
    kind: CaseKind = CaseKind.FAULT_TOLERANCE


# --- accountability (问责) -------------------------------------------------------------------


@frozen
class AccountableSubject:
    """被问责对象."""

    kind: SubjectKind
    name: str
    management_level: ManagementLevel
    position: SubjectPosition = SubjectPosition.STAFF


@frozen
class AccountableUnit:
    kind: UnitKind = UnitKind.OTHER


@frozen
class Shortfall:
    """What went wrong in carrying out the work: poor implementation, a criticism, a last ranking."""

    kind: ShortfallKind
    criticized_by: CriticizedBy | None = None
    ranking: Ranking | None = None
    consecutive_last: int = 0


@frozen
class AccountabilityFacts:
    adverse_impact: AdverseImpact = AdverseImpact.NONE
    within_authority: bool = True
    followed_instruction: bool = False
    complex_or_high_profile: bool = False


@frozen
class ProbationFacts:
    """考验期 as it stands: started by the reminder talk; ``rectified`` None while under way."""

    started_on: date | None = None
    rectified: bool | None = None


@frozen
class AccountabilityCase:
    """kind ``accountability`` (问责, 提醒式问责), contract v1.1."""

    jurisdiction: str
    as_of: date
    subject: AccountableSubject
    shortfall: Shortfall
    unit: AccountableUnit = AccountableUnit()
    facts: AccountabilityFacts = AccountabilityFacts()
    probation: ProbationFacts = ProbationFacts()
    case_id: str | None = None
    local: Mapping[str, Any] = local_facts()
    kind: CaseKind = CaseKind.ACCOUNTABILITY


# --- revisit education of disciplined cadres (受处分干部回访教育) ----------------------------


@frozen
class RevisitedSubject:
    kind: SubjectKind
    name: str
    management_level: ManagementLevel


@frozen
class Discipline:
    """The discipline, sanction or accountability the cadre received, and who imposed it."""

    kind: DisciplineKind
    decided_on: date
    organ: Organ | None = None
    level: Level | None = None


@frozen
class DisciplinedRevisitCase:
    """kind ``disciplined_revisit`` (受处分干部回访教育), contract v1.1."""

    jurisdiction: str
    as_of: date
    subject: RevisitedSubject
    discipline: Discipline
    case_id: str | None = None
    local: Mapping[str, Any] = local_facts()
    kind: CaseKind = CaseKind.DISCIPLINED_REVISIT


Case = ClarificationCase | FalseAccusationCase | FaultToleranceCase | AccountabilityCase | DisciplinedRevisitCase

CASE_CLASSES: dict[CaseKind, type] = {
    CaseKind.CLARIFICATION: ClarificationCase,
    CaseKind.FALSE_ACCUSATION: FalseAccusationCase,
    CaseKind.FAULT_TOLERANCE: FaultToleranceCase,
    CaseKind.ACCOUNTABILITY: AccountabilityCase,
    CaseKind.DISCIPLINED_REVISIT: DisciplinedRevisitCase,
}
