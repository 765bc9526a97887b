"""第十一条: measures against reporters who made malicious or false accusations.

The classification itself is inherited (core); 济南 adds the measures its article lists.
"""

from __future__ import annotations

import attrs

from zhengming import AccuserKind, Classification, FalseAccusationAssessment, FalseAccusationCase, Measure, hookimpl

from .source import article

CADRES = frozenset({AccuserKind.PUBLIC_OFFICIAL, AccuserKind.LEADING_CADRE})
PARTY_MEMBERS = frozenset({AccuserKind.PARTY_MEMBER, AccuserKind.LEADING_CADRE})

# 视情给予通报、诫勉及责令辞职、免职、降职等组织处理或者纪律处分；对典型案件予以通报曝光。
# (measure, who it applies to: accuser kinds, or None for anyone; typical cases only)
MEASURES: tuple[tuple[Measure, frozenset[AccuserKind] | None, bool], ...] = (
    (Measure.NOTIFICATION, None, False),
    (Measure.ADMONISHMENT, CADRES, False),
    (Measure.ORDERED_RESIGNATION, CADRES, False),
    (Measure.REMOVAL, CADRES, False),
    (Measure.DEMOTION, CADRES, False),
    (Measure.PARTY_DISCIPLINE, PARTY_MEMBERS, False),
    (Measure.PUBLIC_EXPOSURE, None, True),
)


@hookimpl(wrapper=True, specname="zhengming_false_accusation")
def adjust(case: FalseAccusationCase):
    """Measures for a malicious accuser; none otherwise (第十一条 reaches only malicious acts)."""
    inherited: FalseAccusationAssessment = yield
    citations = inherited.citations + article("第十一条")
    if inherited.classification is not Classification.MALICIOUS:
        return attrs.evolve(inherited, measures=(), citations=citations)
    kind = case.accuser.kind
    typical = case.accuser.typical_case
    measures = [
        m for m, kinds, typical_only in MEASURES if (kinds is None or kind in kinds) and (typical or not typical_only)
    ]
    if case.accuser.crime_suspected:  # 涉嫌违法犯罪的，移交有关国家机关依法处理
        measures.append(Measure.TRANSFER_TO_AUTHORITIES)
    return attrs.evolve(inherited, measures=tuple(measures), citations=citations)
