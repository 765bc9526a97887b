"""平纪发〔2022〕3号（二）: measures against false accusers, and when they are aggravated.

The classification (malicious, mistaken, undetermined) and reporter tracing are inherited from the core.
"""

from __future__ import annotations

import attrs

from zhengming import (
    AccuserKind,
    Classification,
    FalseAccusationAssessment,
    FalseAccusationCase,
    Measure,
    hookimpl,
)

from .source import measure

# 从严从重处理: 手段恶劣、造成不良影响，严重干扰换届选举或者干部选拔任用工作，经调查已有明确结论仍诬告陷害他人，
# 强迫、唆使他人诬告陷害 (malicious already requires an adverse impact).
PUBLIC_OFFICIALS = frozenset({AccuserKind.PUBLIC_OFFICIAL, AccuserKind.LEADING_CADRE})
AGGRAVATING = ("severe_means", "disrupted_election_or_selection", "repeat_after_conclusion", "coerced_others")


@hookimpl(wrapper=True, specname="zhengming_false_accusation")
def adjust(case: FalseAccusationCase):
    inherited: FalseAccusationAssessment = yield
    if inherited.classification is not Classification.MALICIOUS:
        return inherited
    accuser = case.accuser
    measures = list(inherited.measures)  # 按诬告陷害行为人身份和管理权限，依规依纪依法严肃处理 (core)
    # 或者移交有关机关依法处理: a citizen is outside the discipline organs' authority; a crime goes to the
    # authorities in any case (already in the core's answer).
    if accuser.kind is AccuserKind.CITIZEN or accuser.crime_suspected:
        measures.append(Measure.TRANSFER_TO_AUTHORITIES)
    # 按诬告陷害行为人身份和管理权限: a public official is subject to 政务处分 whether or not a party member;
    # the core already gives party discipline to party members (by kind or ``party_member``) and leading cadres.
    if accuser.kind in PUBLIC_OFFICIALS:
        measures.append(Measure.GOVERNMENT_SANCTION)
    # 加强与组织人事、政法、信访等部门的协同联动……形成联合惩戒机制
    measures.append(Measure.POLICE_COOPERATION)
    # 选取……典型性、代表性的案件，采取适当形式通报曝光: only a typical case is exposed
    if accuser.typical_case:
        measures.append(Measure.PUBLIC_EXPOSURE)
    return attrs.evolve(
        inherited,
        aggravated=any(getattr(accuser, flag) for flag in AGGRAVATING),
        measures=tuple(dict.fromkeys(measures)),
        citations=inherited.citations + measure("（二）"),
    )
