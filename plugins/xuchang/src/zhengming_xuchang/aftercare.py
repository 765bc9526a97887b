"""《关于深入推进激励干部担当作为的实施意见》 as the interview explains it: false accusers, and revisits.

* 强化主动作为（三）: 对于构成诬告的，依规依纪依法严肃追究检举控告人的纪律、法律责任。与公安机关加强协作配合，
  形成打击诬告陷害行为合力。对于因被诬告错告受到影响的党员干部，督促有关部门及时纠正、给予补偿。
* 坚持问题导向（三）: 做细做实回访教育 — 定期与受处理处分党员干部开展谈心谈话……定期开展监督检查.
"""

from __future__ import annotations

import attrs

from zhengming import (
    AccuserKind,
    ClarificationCase,
    Classification,
    DisciplinedRevisitCase,
    DisciplinedRevisitPlan,
    FalseAccusationAssessment,
    FalseAccusationCase,
    Measure,
    Revisit,
    RevisitMethod,
    RevisitTarget,
    Text,
    hookimpl,
)

from .source import ACTIVE, PROBLEMS, opinion

LIABILITY_BY_KIND = {
    AccuserKind.PUBLIC_OFFICIAL: (Measure.GOVERNMENT_SANCTION,),
    AccuserKind.LEADING_CADRE: (Measure.GOVERNMENT_SANCTION,),
    AccuserKind.CITIZEN: (Measure.TRANSFER_TO_AUTHORITIES,),
}


@hookimpl(wrapper=True, specname="zhengming_false_accusation")
def adjust_false_accusation(case: FalseAccusationCase):
    inherited: FalseAccusationAssessment = yield
    measures = list(inherited.measures)  # 纪律、法律责任 (the core's party discipline and transfer)
    if inherited.classification is Classification.MALICIOUS:
        # 依规依纪依法严肃追究检举控告人的纪律、法律责任: a public official answers under the law (政务处分)
        # whether or not a party member; a citizen is outside the commission's discipline: the authorities.
        measures.extend(LIABILITY_BY_KIND.get(case.accuser.kind, ()))
        measures.append(Measure.POLICE_COOPERATION)  # 与公安机关加强协作配合
    if inherited.classification is not Classification.UNDETERMINED and case.accuser.adverse_impact:
        measures.append(Measure.COMPENSATE_VICTIM)  # 因被诬告错告受到影响的：督促及时纠正、给予补偿
    if measures == list(inherited.measures):
        return inherited
    return attrs.evolve(
        inherited, measures=tuple(dict.fromkeys(measures)), citations=inherited.citations + opinion(f"{ACTIVE}（三）")
    )


@hookimpl(specname="zhengming_revisit_policy")
def revisit(case: ClarificationCase) -> Revisit | None:
    """A clarified subject handled or disciplined for what was true (受处理处分, any of the four forms)
    is revisited: periodic talks (谈心谈话) and periodic checks. Otherwise the parent answers."""
    if not any(a.disposition_form is not None for a in case.allegations):
        return None
    return Revisit(
        required=True,
        targets=(RevisitTarget.SUBJECT,),
        methods=(RevisitMethod.INDIVIDUAL_MEETING, RevisitMethod.SCHEDULED_VISIT),
        citations=opinion(f"{PROBLEMS}（三）"),
    )


@hookimpl(specname="zhengming_disciplined_revisit")
def disciplined_revisit(case: DisciplinedRevisitCase) -> DisciplinedRevisitPlan:
    """坚持问题导向（三）: 定期与受处理处分党员干部开展谈心谈话 — a regular visit; the text names no
    consultation, consent, topics or individual plan."""
    return DisciplinedRevisitPlan(
        required=True,
        methods=(RevisitMethod.INDIVIDUAL_MEETING, RevisitMethod.SCHEDULED_VISIT),
        reasons=(
            Text(
                "坚持问题导向（三）：做细做实回访教育，定期与受处理处分党员干部开展谈心谈话",
                "problem orientation (3): disciplined cadres are visited regularly for a heart-to-heart talk",
            ),
        ),
        citations=opinion(f"{PROBLEMS}（三）"),
    )
