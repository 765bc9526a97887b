"""第二、四、九、十二、十四条: whether to clarify, and which allegations.

The measures' situations are an ordered table: the first rule whose test holds decides.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from zhengming import ClarificationCase, Finding, Text, Trigger, TriggerOutcome
from zhengming.rules.reasons import impact_reasons, not_clarified_reason

from .source import article

LIGHT_FORMS = frozenset({1, 2})  # 第一、二种形态


def _true_parts(case: ClarificationCase):
    return [a for a in case.allegations if a.finding in (Finding.TRUE, Finding.PARTIALLY_TRUE)]


def _handled_lightly(case: ClarificationCase) -> bool:
    parts = _true_parts(case)
    return bool(parts) and all(a.disposition_form in LIGHT_FORMS for a in parts)


@attrs.frozen
class Situation:
    id: str
    test: Callable[[ClarificationCase], bool]
    outcome: TriggerOutcome
    articles: tuple[str, ...]
    reason: Text


SITUATIONS: tuple[Situation, ...] = (
    Situation(
        "nothing_untrue",
        lambda c: not c.untrue_allegations,
        TriggerOutcome.NOT_APPLICABLE,
        ("第二条", "第四条"),
        Text(
            "第二条、第四条：经核查没有反映不实的问题，无可澄清",
            "Arts. 2 and 4: no allegation was found untrue; nothing to clarify",
        ),
    ),
    Situation(
        "unverifiable",
        lambda c: any(a.finding is Finding.UNVERIFIABLE for a in c.allegations),
        TriggerOutcome.NOT_APPLICABLE,
        ("第十四条",),
        Text(
            "第十四条：所反映问题难以查实又不能排除，不适用本实施办法",
            "Art. 14: an allegation can be neither verified nor excluded; the measures do not apply",
        ),
    ),
    Situation(
        "no_negative_impact",
        lambda c: not c.impact.negative,
        TriggerOutcome.NOT_APPLICABLE,
        ("第十四条", "第二条"),
        Text(
            "第十四条：经核查确系反映不实，但尚未造成不良影响，不适用本实施办法",
            "Art. 14: the report was untrue but has caused no negative impact; the measures do not apply",
        ),
    ),
    Situation(
        "wrongful_treatment",
        lambda c: c.handling.review_found_wrongful_treatment,
        TriggerOutcome.MUST_CLARIFY,
        ("第四条（三）",),
        Text(
            "第四条（三）：经复审复核，确实受到不公正对待或者错误处理，应当及时纠正并予以澄清",
            "Art. 4(3): review found unfair or wrongful treatment; it must be corrected and clarified",
        ),
    ),
    Situation(
        "partly_true_light_forms",
        _handled_lightly,
        TriggerOutcome.MAY_CLARIFY,
        ("第四条（二）",),
        Text(
            "第四条（二）：部分问题属实、属第一、二种形态范畴内处理，可以对其中不属实问题予以澄清",
            "Art. 4(2): partly true and handled in the first or second form; the untrue issues may be clarified",
        ),
    ),
    Situation(
        "partly_true_other_forms",
        lambda c: bool(_true_parts(c)),
        TriggerOutcome.NOT_APPLICABLE,
        ("第四条（二）",),
        Text(
            "第四条（二）：属实问题未在第一、二种形态范畴内处理，不属于可以澄清的情形",
            "Art. 4(2): the true issues were not handled in the first or second form; no clarification",
        ),
    ),
    Situation(
        "untrue",
        lambda c: True,
        TriggerOutcome.MUST_CLARIFY,
        ("第四条（一）",),
        Text(
            "第四条（一）：经核查，反映问题不属实，应当予以澄清，消除负面影响",
            "Art. 4(1): the allegations were found untrue; they must be clarified and the impact removed",
        ),
    ),
)

HEARING = Text(
    "第九条：可以提前听取被举报干部意见，征求被举报干部意愿",
    "Art. 9: the subject may be heard and their wishes sought beforehand",
)
FALSE_ACCUSATION = Text(
    "第二条：干部被诬告陷害，可以按照管理权限和规定程序予以澄清正名",
    "Art. 2: the cadre was falsely accused; clarification follows management authority",
)
USE_OF_RESULTS = Text(
    "第十二条：按照第一种形态处理的，或者按照第二种形态处理影响期满、各方面表现优秀的，在干部选拔任用等方面不受影响",
    "Art. 12: a cadre handled in the first form, or in the second form once its effect has lapsed, "
    "is not held back in selection",
)


def situation_of(case: ClarificationCase) -> Situation:
    return next(s for s in SITUATIONS if s.test(case))


def trigger(case: ClarificationCase) -> Trigger:
    situation = situation_of(case)
    if situation.outcome is TriggerOutcome.NOT_APPLICABLE:
        return Trigger(outcome=situation.outcome, reasons=(situation.reason,), citations=article(*situation.articles))
    reasons = [situation.reason, *impact_reasons(case), *not_clarified_reason(case)]
    articles = list(situation.articles)
    if case.circumstances.false_accusation_found:
        reasons.append(FALSE_ACCUSATION)
        articles.append("第二条")
    if any(a.disposition_form in LIGHT_FORMS for a in case.allegations):
        reasons.append(USE_OF_RESULTS)
        articles.append("第十二条")
    reasons.append(HEARING)
    articles.append("第九条")
    return Trigger(
        outcome=situation.outcome,
        allegations=case.untrue_allegations,
        reasons=tuple(reasons),
        citations=article(*articles),
    )
