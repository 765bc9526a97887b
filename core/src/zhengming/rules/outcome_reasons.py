"""The outcome said in words, for an answer that gives no reason of its own.

Contract v1.1: every decision of every kind carries ``reasons`` that say why. A hook may answer with its
outcome and citations alone (the core's baseline and several plugins do for a plain case); the engine then
states the outcome from the answer's own fields, so a decision never comes back with nothing said.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..labels import label
from ..model import (
    AccountabilityAssessment,
    Case,
    DisciplinedRevisitPlan,
    FalseAccusationAssessment,
    FaultToleranceAssessment,
    FaultToleranceCase,
    Text,
    Trigger,
)


def _names(values, lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(label(v).render(lang) for v in values)


def _false_accusation(_case: Case, answer: FalseAccusationAssessment) -> Text:
    zh, en = f"认定结果：{label(answer.classification).zh}", f"Classification: {label(answer.classification).en}"
    if answer.aggravated:
        zh, en = zh + "，从严从重处理", en + ", dealt with more severely"
    if answer.measures:
        zh, en = (
            zh + f"；处理措施：{_names(answer.measures, 'zh')}",
            en + f"; measures: {_names(answer.measures, 'en')}",
        )
    return Text(zh, en)


def _fault_tolerance(case: Case, answer: FaultToleranceAssessment) -> Text:
    zh, en = label(answer.outcome).zh, label(answer.outcome).en
    claimed = case.filing.claimed_items if isinstance(case, FaultToleranceCase) else ()
    if answer.matched_negative:
        items = "、".join(answer.matched_negative)
        zh, en = zh + f"：触及负面清单 {items}", en + f": negative-list items hit: {items.replace('、', ', ')}"
    elif answer.matched_positive:
        items = "、".join(answer.matched_positive)
        zh, en = zh + f"：符合正面清单 {items}", en + f": positive-list items met: {items.replace('、', ', ')}"
    elif claimed:
        items = "、".join(claimed)
        zh, en = (
            zh + f"：申报的正面清单事项 {items} 条件未满足",
            en + f": the claimed items {items.replace('、', ', ')} are not met",
        )
    else:
        zh, en = zh + "：未申报正面清单事项", en + ": no positive-list item claimed"
    if answer.relief is not None:
        zh, en = zh + f"；{label(answer.relief).zh}", en + f"; {label(answer.relief).en}"
    return Text(zh, en)


def _accountability(_case: Case, answer: AccountabilityAssessment) -> Text:
    zh, en = f"处理结果：{label(answer.outcome).zh}", f"Outcome: {label(answer.outcome).en}"
    if answer.measures:
        zh, en = zh + f"；措施：{_names(answer.measures, 'zh')}", en + f"; measures: {_names(answer.measures, 'en')}"
    return Text(zh, en)


def _disciplined_revisit(_case: Case, answer: DisciplinedRevisitPlan) -> Text:
    if answer.required:
        return Text("适用的规则要求对受处分干部开展回访教育", "the applicable rules require a revisit")
    return Text("适用的规则未要求对受处分干部开展回访教育", "the applicable rules require no revisit")


def _trigger(_case: Case, answer: Trigger) -> Text:
    return Text(f"澄清结论：{label(answer.outcome).zh}", f"Clarification: {label(answer.outcome).en}")


OUTCOME_REASONS: dict[type, Callable[[Case, Any], Text]] = {
    FalseAccusationAssessment: _false_accusation,
    FaultToleranceAssessment: _fault_tolerance,
    AccountabilityAssessment: _accountability,
    DisciplinedRevisitPlan: _disciplined_revisit,
    Trigger: _trigger,
}


def own_reasons(case: Case, answer: Any) -> tuple[Text, ...]:
    """``answer.reasons``, or one sentence stating its outcome when it gives none."""
    if answer.reasons:
        return answer.reasons
    state = next(say for kind, say in OUTCOME_REASONS.items() if isinstance(answer, kind))
    return (state(case, answer),)
