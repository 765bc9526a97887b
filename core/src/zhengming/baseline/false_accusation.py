"""National baseline for false accusations: malicious versus mistaken, measures, reporter tracing."""

from zhengming.model import (
    AccuserKind,
    Classification,
    FalseAccusationAssessment,
    FalseAccusationCase,
    Level,
    Measure,
    Organ,
    ReporterTracing,
)
from zhengming.plugin.markers import hookimpl

from . import sources

TRACING_ORGANS = frozenset({Organ.DISCIPLINE_COMMISSION})
TRACING_LEVELS = frozenset({Level.PROVINCE, Level.CITY, Level.COUNTY})
PARTY_DISCIPLINE_APPLIES = frozenset({AccuserKind.PARTY_MEMBER, AccuserKind.LEADING_CADRE})


def is_party_member(case: FalseAccusationCase) -> bool:
    """A 党员 by kind, or an accuser of another kind marked ``party_member`` (v1.1: a public official may be one)."""
    return case.accuser.kind in PARTY_DISCIPLINE_APPLIES or case.accuser.party_member


def classify(case: FalseAccusationCase) -> Classification:
    """No established intent: undetermined; no intent or nothing fabricated: mistaken (错告、检举失实)."""
    accuser = case.accuser
    if accuser.intent is None:
        return Classification.UNDETERMINED
    if not accuser.intent or not accuser.fabricated:
        return Classification.MISTAKEN
    return Classification.MALICIOUS if accuser.adverse_impact else Classification.UNDETERMINED


def may_trace_reporter(case: FalseAccusationCase) -> bool:
    organ = case.investigating_organ
    return organ.organ in TRACING_ORGANS and organ.level in TRACING_LEVELS


@hookimpl
def zhengming_reporter_tracing(case: FalseAccusationCase) -> ReporterTracing:
    return ReporterTracing(allowed=may_trace_reporter(case), citations=sources.TRACE_REPORTER)


@hookimpl
def zhengming_false_accusation(case: FalseAccusationCase) -> FalseAccusationAssessment:
    classification = classify(case)
    measures: list[Measure] = []
    if classification is Classification.MALICIOUS:
        if is_party_member(case):
            measures.append(Measure.PARTY_DISCIPLINE)
        if case.accuser.crime_suspected:
            measures.append(Measure.TRANSFER_TO_AUTHORITIES)
    return FalseAccusationAssessment(
        classification=classification,
        measures=tuple(measures),
        citations=sources.FALSE_ACCUSATION,
    )
