"""《失实检举控告澄清正名工作实施办法》: when to clarify (the seven situations), deferral, entry, start.

经核查认定检举控告失实，同时又具备下列情形之一的，应当主动开展澄清 — the situations are a table; every
one that holds is named in the reasons. Mapping to the case fields:

====  =====================================================  ================================================
item  situation                                              case fields
====  =====================================================  ================================================
（一）  换届选举、选拔任用、评先评优等工作中受到或者可能受到影响   ``impact.on_election`` / ``on_selection`` /
                                                                  ``on_award``
（二）  人身、财产权利受到侵害或者正常工作、生活等受到不良影响     ``impact.rights_infringed``
（三）  失实检举控告在一定范围或者在社会上造成不良影响           ``impact.scope`` unit, region, society, online
（四）  核查的问题线索多数失实或主要问题失实造成不良影响         more than half of the allegations untrue, or
                                                                  one marked ``main`` untrue; and any negative
                                                                  impact
（五）  问题线索已有明确结论，因同一事项重复举报                 ``circumstances.repeat_after_conclusion``
（六）  被检举控告人受到诬告陷害                                 ``circumstances.false_accusation_found``
（七）  其他确有必要澄清的情形                                   ``handling.review_found_wrongful_treatment``, or
                                                                  ``circumstances.organ_deems_necessary`` (v1.1);
                                                                  the reason names the one that holds
====  =====================================================  ================================================

Untrue findings but none of the seven: the handling department may still clarify on the subject's written
application (入口程序), after its evaluation (启动条件) → ``may_clarify``; otherwise ``not_applicable``.
"""

from __future__ import annotations

from collections.abc import Callable

from zhengming import ClarificationCase, ImpactScope, SubjectKind, Text, Trigger, TriggerOutcome, hookimpl
from zhengming.rules.reasons import impact_reasons, not_clarified_reason

from .source import ENTRY, PRINCIPLES, SITUATIONS, START, UNITS_AND_SOES, clarification

Test = Callable[[ClarificationCase], bool]

WITHIN_A_RANGE = frozenset({ImpactScope.UNIT, ImpactScope.REGION, ImpactScope.SOCIETY, ImpactScope.ONLINE})


def _mostly_untrue(case: ClarificationCase) -> bool:
    """多数失实或主要问题失实 (v1.1 ``allegations[].main`` marks the principal issue), with a negative impact."""
    most = 2 * len(case.untrue_allegations) > len(case.allegations)
    main = any(a.main and a.id in case.untrue_allegations for a in case.allegations)
    return (most or main) and case.impact.negative


SEVEN_SITUATIONS: tuple[tuple[str, Test, Text], ...] = (
    (
        "（一）",
        lambda c: c.impact.on_election or c.impact.on_selection or c.impact.on_award,
        Text(
            "（一）被检举控告人在换届选举、选拔任用、评先评优等工作中受到或者可能受到影响",
            "(1) the subject's election, selection or award was or may be affected",
        ),
    ),
    (
        "（二）",
        lambda c: c.impact.rights_infringed,
        Text(
            "（二）被检举控告人人身、财产权利受到侵害或者正常工作、生活等受到不良影响",
            "(2) the subject's personal or property rights were infringed, or work and life disturbed",
        ),
    ),
    (
        "（三）",
        lambda c: c.impact.scope in WITHIN_A_RANGE,
        Text(
            "（三）失实检举控告在一定范围或者在社会上造成不良影响",
            "(3) the untrue report had a negative impact within a certain range or in society",
        ),
    ),
    (
        "（四）",
        _mostly_untrue,
        Text(
            "（四）核查的问题线索多数失实或主要问题失实造成不良影响",
            "(4) most of the verified issues were untrue and caused a negative impact",
        ),
    ),
    (
        "（五）",
        lambda c: c.circumstances.repeat_after_conclusion,
        Text(
            "（五）问题线索已有明确结论，因同一事项重复举报",
            "(5) the clue had a clear conclusion and the same matter was reported again",
        ),
    ),
    (
        "（六）",
        lambda c: c.circumstances.false_accusation_found,
        Text("（六）被检举控告人受到诬告陷害", "(6) the subject was falsely accused (诬告陷害)"),
    ),
    (
        "（七）",
        lambda c: c.handling.review_found_wrongful_treatment,
        Text(
            "（七）其他确有必要澄清的情形：经复审复核确实受到不公正对待或者错误处理",
            "(7) another situation that needs clarifying: review found unfair or wrongful treatment",
        ),
    ),
    (
        "（七）",
        lambda c: c.circumstances.organ_deems_necessary,
        Text(
            "（七）其他确有必要澄清的情形：纪检监察机关认定确有必要澄清",
            "(7) another situation that needs clarifying: the discipline organ deems it necessary",
        ),
    ),
)

MUST = Text(
    "经核查认定检举控告失实，同时又具备下列情形之一，应当主动开展澄清：",
    "The report was found untrue and one of the following situations holds; it must be clarified:",
)
EVALUATION = Text(
    "启动条件：承办部门结合被检举控告人政治品质、道德品行、作风表现、廉洁自律等日常表现以及造成的不良影响等因素进行评估，"
    "提出是否启动澄清程序的意见",
    "Start: the handling department weighs the subject's political quality, morals, conduct and integrity "
    "and the negative impact caused, and proposes whether to start",
)
ONLY_UNTRUE = Text(
    "只对失实检举控告的具体问题进行澄清，不对澄清对象作出全面评价；谁核实谁澄清",
    "Only the specific untrue issues are clarified, with no overall assessment of the subject; "
    "whoever verified clarifies",
)
BY_DEPARTMENT = Text(
    "入口程序：纪检监察机关承办部门核查认定检举控告失实且有必要澄清，开展澄清工作",
    "Entry: the handling department found the report untrue and clarification necessary",
)
BY_APPLICATION = Text(
    "入口程序：被检举控告人自行向纪检监察机关提出澄清书面申请",
    "Entry: the subject applied in writing to the discipline organ for clarification",
)
ORGANIZATION = Text(
    "对单位或者集体失实检举控告澄清工作，按照《实施办法》规定办理",
    "Untrue reports against a unit or collective are clarified under the same measures",
)
DEFERRED = Text(
    "经核查认定检举控告失实，但尚有被检举控告人其他问题线索拟进行核查，应当待其他问题线索查结后再研究决定澄清事宜",
    "The report was found untrue but other clues about the subject are still to be verified; "
    "clarification is decided once they are concluded",
)
NOTHING_UNTRUE = Text(
    "没有经核查认定失实的检举控告，无可澄清",
    "No allegation was found untrue; nothing to clarify",
)
NO_SITUATION = Text(
    "经核查失实，但不具备应当主动澄清的情形，被检举控告人也未书面申请澄清",
    "The report was found untrue, but none of the situations that require clarification holds and the "
    "subject has not applied",
)
ON_APPLICATION = Text(
    "经核查失实，虽不具备应当主动澄清的情形，被检举控告人书面申请的，承办部门评估后可以开展澄清",
    "The report was found untrue; none of the situations that require clarification holds, but on the "
    "subject's written application the handling department may clarify after its evaluation",
)


@hookimpl(specname="zhengming_clarification_trigger")
def trigger(case: ClarificationCase) -> Trigger:
    untrue = case.untrue_allegations
    if not untrue:
        return Trigger(
            outcome=TriggerOutcome.NOT_APPLICABLE, reasons=(NOTHING_UNTRUE,), citations=clarification(SITUATIONS)
        )
    if case.circumstances.pending_other_clues:
        return Trigger(
            outcome=TriggerOutcome.DEFERRED, reasons=(DEFERRED,), citations=clarification(f"{SITUATIONS}（末段）")
        )
    hits = [(item, reason) for item, test, reason in SEVEN_SITUATIONS if test(case)]
    applied = case.circumstances.subject_applied
    if hits:
        outcome, lead = TriggerOutcome.MUST_CLARIFY, [MUST, *(reason for _, reason in hits)]
        articles = list(dict.fromkeys(f"{SITUATIONS}{item}" for item, _ in hits))  # （七） once
    elif applied:
        # 入口程序 and 启动条件 (added below) are the basis; （七） is a situation that *requires* clarifying.
        outcome, lead, articles = TriggerOutcome.MAY_CLARIFY, [ON_APPLICATION], []
    else:
        return Trigger(
            outcome=TriggerOutcome.NOT_APPLICABLE, reasons=(NO_SITUATION,), citations=clarification(SITUATIONS, ENTRY)
        )
    reasons = [*lead, *impact_reasons(case), *not_clarified_reason(case)]
    reasons += [BY_APPLICATION if applied else BY_DEPARTMENT, EVALUATION, ONLY_UNTRUE]
    articles += [ENTRY, START, f"{PRINCIPLES}（一）", f"{PRINCIPLES}（三）"]
    if case.subject.kind is SubjectKind.ORGANIZATION:
        reasons.append(ORGANIZATION)
        articles.append(UNITS_AND_SOES)
    return Trigger(outcome=outcome, allegations=untrue, reasons=tuple(reasons), citations=clarification(*articles))
