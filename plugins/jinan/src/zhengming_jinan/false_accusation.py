"""第十一条: measures against reporters who made malicious or false accusations.

The classification itself is inherited (core); 济南 adds the measures its article lists.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from zhengming import (
    Accuser,
    AccuserKind,
    Classification,
    FalseAccusationAssessment,
    FalseAccusationCase,
    Measure,
    hookimpl,
)

from .source import article

CADRES = frozenset({AccuserKind.PUBLIC_OFFICIAL, AccuserKind.LEADING_CADRE})
PARTY_MEMBERS = frozenset({AccuserKind.PARTY_MEMBER, AccuserKind.LEADING_CADRE})


def anyone(accuser: Accuser) -> bool:
    return True


def cadre(accuser: Accuser) -> bool:
    return accuser.kind in CADRES


def party_member(accuser: Accuser) -> bool:
    """A 党员 by kind, or a public official marked ``party_member`` (v1.1)."""
    return accuser.kind in PARTY_MEMBERS or accuser.party_member


# 视情给予通报、诫勉及责令辞职、免职、降职等组织处理或者纪律处分；对典型案件予以通报曝光。
# (measure, whom it applies to, typical cases only)
MEASURES: tuple[tuple[Measure, Callable[[Accuser], bool], bool], ...] = (
    (Measure.NOTIFICATION, anyone, False),
    (Measure.ADMONISHMENT, cadre, False),
    (Measure.ORDERED_RESIGNATION, cadre, False),
    (Measure.REMOVAL, cadre, False),
    (Measure.DEMOTION, cadre, False),
    (Measure.PARTY_DISCIPLINE, party_member, False),
    (Measure.PUBLIC_EXPOSURE, anyone, True),
)


@hookimpl(wrapper=True, specname="zhengming_false_accusation")
def adjust(case: FalseAccusationCase):
    """Measures for a malicious accuser; none otherwise (第十一条 reaches only malicious acts)."""
    inherited: FalseAccusationAssessment = yield
    citations = inherited.citations + article("第十一条")
    if inherited.classification is not Classification.MALICIOUS:
        return attrs.evolve(inherited, measures=(), citations=citations)
    typical = case.accuser.typical_case
    measures = [m for m, applies, typical_only in MEASURES if applies(case.accuser) and (typical or not typical_only)]
    if case.accuser.crime_suspected:  # 涉嫌违法犯罪的，移交有关国家机关依法处理
        measures.append(Measure.TRANSFER_TO_AUTHORITIES)
    return attrs.evolve(inherited, measures=tuple(measures), citations=citations)
