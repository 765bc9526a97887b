"""平纪发〔2022〕3号 三、精准稳慎追责问责（六）（七）（八）: who is not held accountable, the 三室会商 of hard
matters, and 提醒式问责 (a reminder talk and a rectification period before any accountability).

The rules are an ordered table: the first row whose test holds answers; （六）'s consultation joins any
answer for a 重大复杂、社会关注度高、定性处理难度大 matter.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from zhengming import (
    AccountabilityAssessment,
    AccountabilityCase,
    AccountabilityMeasure,
    AccountabilityOutcome,
    AdverseImpact,
    Probation,
    Role,
    ShortfallKind,
    Step,
    StepAction,
    Talk,
    Text,
    hookimpl,
)

from .source import measure

Test = Callable[[AccountabilityCase], bool]

# （六）: 党风政风监督室、案件审理室、承办部门“三室”集中会商研判, in the text's order.
THREE_OFFICES = tuple(
    Step(role=role, action=StepAction.CONSULT)
    for role in (Role.STYLE_SUPERVISION_OFFICE, Role.CASE_TRIAL_OFFICE, Role.HANDLING_DEPARTMENT)
)
CONSULTATION_REASON = Text(
    "（六）：重大复杂、社会关注度高、定性处理难度大的问责事项，由党风政风监督室、案件审理室、承办部门“三室”集中会商研判后再作决定",
    "(6): a major, complex or high-profile matter is first discussed by the three offices, then decided",
)

# （八）: 工作落实不力、进展缓慢、成效不佳，但未造成不良影响或影响较小.
REMINDER_IMPACTS = frozenset({AdverseImpact.NONE, AdverseImpact.MINOR})


def _reminder_applies(case: AccountabilityCase) -> bool:
    return case.shortfall.kind is ShortfallKind.POOR_IMPLEMENTATION and case.facts.adverse_impact in REMINDER_IMPACTS


# (test, outcome, reason, article) — first hit wins.
RULES: tuple[tuple[Test, AccountabilityOutcome, Text, str], ...] = (
    (
        lambda c: not c.facts.within_authority,
        AccountabilityOutcome.NO_ACCOUNTABILITY,
        Text(
            "（七）：凡不在基层权责范围内的事项，一律不准对基层干部进行追责问责",
            "(7): no accountability for a matter outside the cadre's authority",
        ),
        "（七）",
    ),
    (
        lambda c: c.facts.followed_instruction,
        AccountabilityOutcome.NO_ACCOUNTABILITY,
        Text(
            "（七）：因严格落实领导批示、会议纪要、单位领导班子会决定导致失误或偏差的，个人不承担责任",
            "(7): the error came from strictly following a leader's instruction, meeting minutes or a "
            "leadership decision: the cadre bears no personal responsibility",
        ),
        "（七）",
    ),
    (
        lambda c: (
            _reminder_applies(c) and c.probation.rectified is True and c.facts.adverse_impact is AdverseImpact.NONE
        ),
        AccountabilityOutcome.EXEMPT,
        Text(
            "（八）：在规定时限内高质量完成整改，且未造成不良影响，依规依纪依法免予问责",
            "(8): rectified in time with no adverse impact: exempt from accountability",
        ),
        "（八）",
    ),
    (
        lambda c: _reminder_applies(c) and c.probation.rectified is True,
        AccountabilityOutcome.REDUCED,
        Text(
            "（八）：在规定时限内高质量完成整改，影响较小，依规依纪依法从轻减轻问责",
            "(8): rectified in time, the impact was minor: reduced accountability",
        ),
        "（八）",
    ),
    (
        lambda c: _reminder_applies(c) and c.probation.rectified is False,
        AccountabilityOutcome.PROCEED,
        Text(
            "（八）：未能在规定时限内完成整改，依规依纪依法问责",
            "(8): not rectified in time: accountability proceeds",
        ),
        "（八）",
    ),
    (
        _reminder_applies,
        AccountabilityOutcome.REMINDER,
        Text(
            "（八）：工作落实不力、进展缓慢、成效不佳，但未造成不良影响或影响较小，实施问责前先约谈提醒、明确整改时限",
            "(8): poor implementation without adverse impact or with a minor one: a reminder talk and a "
            "rectification period come before any accountability",
        ),
        "（八）",
    ),
)


@hookimpl(specname="zhengming_accountability")
def assess(case: AccountabilityCase) -> AccountabilityAssessment | None:
    """The first rule that holds; ``None`` (the parent decides) when none does and no consultation is due."""
    consult = case.facts.complex_or_high_profile
    for test, outcome, reason, article in RULES:
        if test(case):
            answer = _answer(case, outcome, reason, article)
            break
    else:
        if not consult:
            return None
        answer = AccountabilityAssessment(
            outcome=AccountabilityOutcome.NEEDS_REVIEW, reasons=(), citations=measure("（六）")
        )
    if consult and answer.outcome is not AccountabilityOutcome.NO_ACCOUNTABILITY:
        answer = attrs.evolve(
            answer,
            consultation=THREE_OFFICES,
            reasons=(*answer.reasons, CONSULTATION_REASON),
            citations=answer.citations + tuple(c for c in measure("（六）") if c not in answer.citations),
        )
    return answer


def _answer(case: AccountabilityCase, outcome: AccountabilityOutcome, reason: Text, article: str):
    cited = measure(article)
    if outcome is not AccountabilityOutcome.REMINDER:
        return AccountabilityAssessment(outcome=outcome, reasons=(reason,), citations=cited)
    return AccountabilityAssessment(
        outcome=outcome,
        # 约谈提醒: the text names no one to hold the talk, and sets a 整改时限 without a length.
        talk=Talk(by=None, with_=case.subject.position, citations=cited),
        probation=Probation(citations=cited),
        measures=(AccountabilityMeasure.TALK_REMINDER,),
        reasons=(reason,),
        citations=cited,
    )
