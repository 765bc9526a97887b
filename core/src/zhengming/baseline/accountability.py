"""National baseline for accountability and the revisit education of disciplined cadres.

The national texts the core encodes set neither a 提醒式问责 procedure nor a revisit plan: core says so
and leaves the decision to the case (``needs_review``) or to the locality's rules. Once a probation's
result is known, the 问责条例's general rule applies: remedied in time → lighter (从轻), not → proceed.
"""

from zhengming.model import (
    AccountabilityAssessment,
    AccountabilityCase,
    AccountabilityOutcome,
    DisciplinedRevisitPlan,
    Text,
)
from zhengming.plugin.markers import hookimpl

from . import sources

AFTER_PROBATION = {
    True: (
        AccountabilityOutcome.LIGHTER,
        Text("已在考验期内整改到位，及时补救的可以从轻问责", "rectified within the probation: lighter accountability"),
        sources.REMEDIED,
    ),
    False: (
        AccountabilityOutcome.PROCEED,
        Text("考验期内未整改到位，依规依纪依法问责", "not rectified within the probation: accountability proceeds"),
        sources.ACCOUNTABILITY,
    ),
}


@hookimpl
def zhengming_accountability(case: AccountabilityCase) -> AccountabilityAssessment:
    if case.probation.rectified is not None:
        outcome, reason, citations = AFTER_PROBATION[case.probation.rectified]
        return AccountabilityAssessment(outcome=outcome, reasons=(reason,), citations=citations)
    return AccountabilityAssessment(
        outcome=AccountabilityOutcome.NEEDS_REVIEW,
        reasons=(
            Text(
                "核心规则未规定提醒式问责程序，须依《中国共产党问责条例》个案研判",
                "the core rules set no reminder-accountability procedure: decide case by case",
            ),
        ),
        citations=sources.ACCOUNTABILITY,
    )


@hookimpl
def zhengming_disciplined_revisit() -> DisciplinedRevisitPlan:
    return DisciplinedRevisitPlan(
        required=False,
        reasons=(
            Text(
                "核心规则未规定受处分干部回访教育的方案，依所在地规定",
                "the core rules set no revisit-education plan for disciplined cadres: the locality's rules apply",
            ),
        ),
        citations=sources.NO_DISCIPLINED_REVISIT,
    )
