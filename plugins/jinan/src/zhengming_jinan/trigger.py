"""第二、四、五、九、十二、十四条: whether to clarify, and which allegations.

The measures' situations are an ordered table: the first rule whose test holds decides. 第十四条 takes
out single issues, not whole cases: a 一般问题 (``allegations[].minor``) found untrue without negative
impact, or neither verifiable nor excludable, is not clarified under these measures, while the case's
other untrue issues still are; and 第四条（三） (wrongful treatment found on review) is not subject to it.
第五条 reaches 市委管理的干部 and those below: a cadre managed by the province is outside the measures,
whose decision is then the parent's, with a reason saying so.
"""

from __future__ import annotations

from zhengming import ClarificationCase, Finding, ManagementLevel, Text, Trigger, TriggerOutcome, hookimpl
from zhengming.rules import Row, RuleTable, always, amend
from zhengming.rules.reasons import impact_reasons, not_clarified_reason

from .source import article

LIGHT_FORMS = frozenset({1, 2})  # 第一、二种形态


def _true_parts(case: ClarificationCase):
    return [a for a in case.allegations if a.finding in (Finding.TRUE, Finding.PARTIALLY_TRUE)]


def minor_excluded(case: ClarificationCase) -> tuple[str, ...]:
    """第十四条: ids of 一般问题 that are unverifiable, or untrue while the report caused no negative impact."""
    return tuple(
        a.id
        for a in case.allegations
        if a.minor and (a.finding is Finding.UNVERIFIABLE or (a.finding is Finding.UNTRUE and not case.impact.negative))
    )


def clarifiable(case: ClarificationCase) -> tuple[str, ...]:
    """The untrue allegations these measures may clarify: 第十四条's minor issues taken out."""
    excluded = set(minor_excluded(case))
    return tuple(a for a in case.untrue_allegations if a not in excluded)


def in_scope(case: ClarificationCase) -> bool:
    """第五条: 市委管理的干部 and those below (a province-managed cadre is outside the measures)."""
    return case.subject.management_level is not ManagementLevel.PROVINCE


def _handled_lightly(case: ClarificationCase) -> bool:
    parts = _true_parts(case)
    return bool(parts) and all(a.disposition_form in LIGHT_FORMS for a in parts)


# The first situation that holds decides: (outcome, condition, articles, reason, key).
SITUATIONS = RuleTable.first(
    Row(
        TriggerOutcome.NOT_APPLICABLE,
        lambda c: not c.untrue_allegations and not minor_excluded(c),
        article("第二条", "第四条"),
        Text(
            "第二条、第四条：经核查没有反映不实的问题，无可澄清",
            "Arts. 2 and 4: no allegation was found untrue; nothing to clarify",
        ),
        key="nothing_untrue",
    ),
    Row(
        TriggerOutcome.MUST_CLARIFY,  # before the 第十四条 rows: 第四条（三） is not subject to them
        lambda c: c.handling.review_found_wrongful_treatment and bool(c.untrue_allegations),
        article("第四条（三）"),
        Text(
            "第四条（三）：经复审复核，确实受到不公正对待或者错误处理，应当及时纠正并予以澄清",
            "Art. 4(3): review found unfair or wrongful treatment; it must be corrected and clarified",
        ),
        key="wrongful_treatment",
    ),
    Row(
        TriggerOutcome.NOT_APPLICABLE,
        lambda c: not clarifiable(c),
        article("第十四条"),
        Text(
            "第十四条：所反映的一般问题经核查确系反映不实但尚未造成不良影响，或难以查实又不能排除，不适用本实施办法",
            "Art. 14: the minor issues reported were untrue without negative impact, or unverifiable; "
            "the measures do not apply to them",
        ),
        key="only_minor_issues",
    ),
    Row(
        TriggerOutcome.NOT_APPLICABLE,
        lambda c: not c.impact.negative,
        article("第二条"),
        Text(
            "第二条：反映问题不实，但未造成不良影响，不属于需要澄清正名的情形",
            "Art. 2: the report was untrue but has caused no negative impact; nothing calls for clarification",
        ),
        key="no_negative_impact",
    ),
    Row(
        TriggerOutcome.MAY_CLARIFY,
        _handled_lightly,
        article("第四条（二）"),
        Text(
            "第四条（二）：部分问题属实、属第一、二种形态范畴内处理，可以对其中不属实问题予以澄清",
            "Art. 4(2): partly true and handled in the first or second form; the untrue issues may be clarified",
        ),
        key="partly_true_light_forms",
    ),
    Row(
        TriggerOutcome.NOT_APPLICABLE,
        lambda c: bool(_true_parts(c)),
        article("第四条（二）"),
        Text(
            "第四条（二）：属实问题未在第一、二种形态范畴内处理，不属于可以澄清的情形",
            "Art. 4(2): the true issues were not handled in the first or second form; no clarification",
        ),
        key="partly_true_other_forms",
    ),
    Row(
        TriggerOutcome.MUST_CLARIFY,
        always,
        article("第四条（一）"),
        Text(
            "第四条（一）：经核查，反映问题不属实，应当予以澄清，消除负面影响",
            "Art. 4(1): the allegations were found untrue; they must be clarified and the impact removed",
        ),
        key="untrue",
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
    "Art. 12: a cadre handled in the first form, or in the second form once its effect has lapsed and who "
    "performs well in every respect, is not held back in selection and appointment",
)


MINOR_LEFT_OUT = Text(
    "第十四条：所反映的一般问题难以查实又不能排除或未造成不良影响的，不在澄清之列",
    "Art. 14: minor issues that are unverifiable, or untrue without negative impact, are not clarified",
)
OUT_OF_SCOPE = Text(
    "第五条：本实施办法适用于市委管理的干部及市管以下干部；省管干部不在其列，依上级规则处理",
    "Art. 5: the measures reach cadres managed by the city or below; a province-managed cadre falls to the "
    "parent's rules",
)


@hookimpl(wrapper=True, specname="zhengming_clarification_trigger")
def trigger(case: ClarificationCase):
    """济南's answer, or the parent's with the reason why when the cadre is outside the measures."""
    inherited: Trigger = yield
    if not in_scope(case):
        return amend(inherited, reasons=(OUT_OF_SCOPE,), citations=article("第五条"))
    return own_trigger(case)


def own_trigger(case: ClarificationCase) -> Trigger:
    situation = SITUATIONS.hit(case)
    if situation.value is TriggerOutcome.NOT_APPLICABLE:
        return Trigger(outcome=situation.value, reasons=(situation.reason,), citations=situation.citations)
    reasons = [situation.reason, *impact_reasons(case), *not_clarified_reason(case)]
    articles = [c.article for c in situation.citations]
    if case.circumstances.false_accusation_found:
        reasons.append(FALSE_ACCUSATION)
        articles.append("第二条")
    if any(a.disposition_form in LIGHT_FORMS for a in case.allegations):
        reasons.append(USE_OF_RESULTS)
        articles.append("第十二条")
    if minor_excluded(case) and situation.key != "wrongful_treatment":
        reasons.append(MINOR_LEFT_OUT)
        articles.append("第十四条")
    reasons.append(HEARING)
    articles.append("第九条")
    wrongful = situation.key == "wrongful_treatment"
    return Trigger(
        outcome=situation.value,
        allegations=case.untrue_allegations if wrongful else clarifiable(case),
        reasons=tuple(reasons),
        citations=article(*articles),
    )
