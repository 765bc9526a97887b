"""Case documents (input): the three kinds of the interchange contract as frozen attrs classes.

Defaults follow the contract: booleans false, lists empty, optional dates null.
"""

from __future__ import annotations

from datetime import date

import attrs

from .enums import (
    AccuserKind,
    AdverseImpact,
    CaseKind,
    Channel,
    FilingTiming,
    Finding,
    ImpactScope,
    Level,
    ManagementLevel,
    Organ,
    SubjectKind,
)

frozen = attrs.frozen(kw_only=True)


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


# Any of these flags, or a scope other than "none", is a negative impact (不良影响).
_IMPACT_FLAGS = ("on_selection", "on_election", "on_award", "rights_infringed")


@frozen
class Impact:
    on_selection: bool = False
    on_election: bool = False
    on_award: bool = False
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


@frozen
class FalseAccusationCase:
    """kind ``false_accusation`` (诬告陷害认定)."""

    jurisdiction: str
    as_of: date
    accuser: Accuser
    investigating_organ: OrganAtLevel
    case_id: str | None = None
    kind: CaseKind = CaseKind.FALSE_ACCUSATION


@frozen
class FilingFacts:
    private_gain: bool = False
    public_interest_motive: bool = False
    followed_decision_procedure: bool = False
    corrected_promptly: bool = False
    adverse_impact: AdverseImpact = AdverseImpact.NONE
    violates_explicit_prohibition: bool = False
    fraud: bool = False
    safety_or_environment_accident: bool = False
    abuse_of_power: bool = False
    repeated_same_error: bool = False
    refuses_rectification: bool = False


@frozen
class Filing:
    timing: FilingTiming
    claimed_items: tuple[str, ...] = ()
    facts: FilingFacts = FilingFacts()


@frozen
class FaultToleranceCase:
    """kind ``fault_tolerance`` (容错免责备案)."""

    jurisdiction: str
    as_of: date
    filing: Filing
    case_id: str | None = None
    kind: CaseKind = CaseKind.FAULT_TOLERANCE


Case = ClarificationCase | FalseAccusationCase | FaultToleranceCase

CASE_CLASSES: dict[CaseKind, type] = {
    CaseKind.CLARIFICATION: ClarificationCase,
    CaseKind.FALSE_ACCUSATION: FalseAccusationCase,
    CaseKind.FAULT_TOLERANCE: FaultToleranceCase,
}
