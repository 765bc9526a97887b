"""《许昌市纪委监委服务保障市委中心工作高质量推进办法》答记者问: who holds the talk (约谈) for each kind of
criticism or last ranking in the 市委中心工作, and for negligence without serious consequences a talk or
criticism with a one-to-three-month probation, then lighter, reduced or exempt if rectified.

The interview lists the situations as 一、二、三; each row of ``TALKS`` is one of them, in its order, with the
unit it concerns, the shortfall, who talks and with whom.

The measures govern the 市委中心工作 only; the contract has no field for that, so 许昌 publishes a local
fact (``local.xuchang.central_work``, default true: an accountability case handled here is about it).
Outside the central work the parent's rules decide.
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
    CriticizedBy,
    Probation,
    Ranking,
    Role,
    ShortfallKind,
    SubjectPosition,
    Talk,
    Text,
    UnitKind,
    hookimpl,
)
from zhengming.rules import LocalFacts

from .source import ACCOUNTABLE_WHEN, LIGHTER_WHEN
from .source import central_work as cite_central_work

Test = Callable[[AccountabilityCase], bool]

# The one local fact (v1.1 ``local.xuchang``) this jurisdiction publishes.
LOCAL = LocalFacts(
    "xuchang",
    central_work={
        "type": "boolean",
        "default": True,
        "description": "市委中心工作：问责事项属于《服务保障市委中心工作高质量推进办法》所称的中心工作",
    },
)
LOCAL_FACTS = LOCAL.schema


def central_work(case: AccountabilityCase) -> bool:
    return bool(LOCAL.get(case, "central_work", True))


COUNTY_OR_DEPARTMENT = frozenset({UnitKind.COUNTY, UnitKind.CITY_DEPARTMENT})


def _criticized(case: AccountabilityCase, *by: CriticizedBy) -> bool:
    return case.shortfall.kind is ShortfallKind.NAMED_CRITICISM and case.shortfall.criticized_by in by


def _last(case: AccountabilityCase, ranking: Ranking, times: int = 1) -> bool:
    return (
        case.shortfall.kind is ShortfallKind.RANKED_LAST
        and case.shortfall.ranking is ranking
        and max(case.shortfall.consecutive_last, 1) >= times
    )


@attrs.frozen
class TalkRule:
    item: str  # 一、二、三 of the interview's answer
    test: Test
    by: Role
    with_: SubjectPosition
    text: str


SECRETARY, STANDING = Role.COMMISSION_SECRETARY, Role.COMMISSION_STANDING_MEMBER
TALKS: tuple[TalkRule, ...] = (
    TalkRule(
        "（一）",
        lambda c: (
            c.unit.kind is UnitKind.TASK_FORCE
            and _criticized(
                c, CriticizedBy.CITY_LEADER, CriticizedBy.CITY_PRINCIPAL_LEADER, CriticizedBy.PROVINCIAL_NOTICE
            )
        ),
        SECRETARY,
        SubjectPosition.RESPONSIBLE_LEADER,
        "牵头单位或工作专班被市级领导点名批评或被省级单位通报批评，由市纪委书记或副书记约谈其相关责任领导",
    ),
    TalkRule(
        "（二）",
        lambda c: (
            c.unit.kind in COUNTY_OR_DEPARTMENT
            and _criticized(
                c, CriticizedBy.CITY_PRINCIPAL_LEADER, CriticizedBy.PROVINCIAL_LEADER, CriticizedBy.PROVINCIAL_NOTICE
            )
        ),
        SECRETARY,
        SubjectPosition.PRINCIPAL,
        "被市委、市政府主要领导或省级以上领导点名批评、被省级以上单位通报批评，由市纪委书记或副书记约谈其主要领导",
    ),
    TalkRule(
        "（二）",
        lambda c: (
            c.unit.kind in COUNTY_OR_DEPARTMENT and _criticized(c, CriticizedBy.CITY_LEADER, CriticizedBy.CITY_NOTICE)
        ),
        STANDING,
        SubjectPosition.LEADER_IN_CHARGE,
        "被市领导点名批评或被市级通报批评，由市纪委常委或市监委委员约谈其分管领导",
    ),
    TalkRule(
        "（三）",
        lambda c: c.unit.kind in COUNTY_OR_DEPARTMENT and _last(c, Ranking.MONTHLY_REVIEW, times=2),
        STANDING,
        SubjectPosition.LEADER_IN_CHARGE,
        "市政府“月讲评”连续2次排名末位，由市纪委常委或市监委委员约谈其分管领导",
    ),
    TalkRule(
        "（三）",
        lambda c: c.unit.kind in COUNTY_OR_DEPARTMENT and _last(c, Ranking.CITY_ASSESSMENT),
        STANDING,
        SubjectPosition.LEADER_IN_CHARGE,
        "全市评比考核排名末位，由市纪委常委或市监委委员约谈其分管领导",
    ),
    TalkRule(
        "（三）",
        lambda c: (
            c.unit.kind in (UnitKind.CITY_DEPARTMENT, UnitKind.TASK_FORCE) and _last(c, Ranking.PROVINCIAL_ASSESSMENT)
        ),
        SECRETARY,
        SubjectPosition.RESPONSIBLE_LEADER,
        "牵头负责的市委中心工作在全省评比考核中排名末位，由市纪委书记或副书记约谈其相关责任领导",
    ),
)

# 因工作落实不力、进展缓慢、成效不佳但未造成严重后果的过失行为 → 谈话提醒、批评教育, 1至3个月考验期.
NEGLIGENCE_MEASURES = (AccountabilityMeasure.TALK_REMINDER, AccountabilityMeasure.CRITICISM_EDUCATION)
AFTER_PROBATION = {
    True: (
        AccountabilityOutcome.LIGHTER,
        Text(
            "考验期内主动整改、成效明显，从轻、减轻或免予问责",
            "rectified within the probation with clear results: lighter, reduced or exempt",
        ),
    ),
    False: (
        AccountabilityOutcome.PROCEED,
        Text("考验期内未能主动整改，依规依纪依法问责", "not rectified within the probation: accountability proceeds"),
    ),
}


# The shortfalls the clause speaks of: 工作落实不力、进展缓慢、成效不佳, and the criticism or last ranking it earns
# (问责情形一至三); a shortfall of another kind is not put on probation under it.
NEGLIGENT_SHORTFALLS = frozenset(
    {ShortfallKind.POOR_IMPLEMENTATION, ShortfallKind.NAMED_CRITICISM, ShortfallKind.RANKED_LAST}
)


def _negligence(case: AccountabilityCase) -> bool:
    return case.shortfall.kind in NEGLIGENT_SHORTFALLS and case.facts.adverse_impact is not AdverseImpact.MAJOR


@hookimpl(specname="zhengming_accountability")
def assess(case: AccountabilityCase) -> AccountabilityAssessment | None:
    """The talk the interview names, then either the probation route or accountability as circumstances warrant."""
    if not central_work(case):
        return None
    rule = next((r for r in TALKS if r.test(case)), None)
    talk = None
    reasons: list[Text] = []
    citations = ()
    if rule:
        cited = cite_central_work(ACCOUNTABLE_WHEN + rule.item)
        talk = Talk(by=rule.by, with_=rule.with_, citations=cited)
        reasons.append(Text(f"{rule.item}：{rule.text}，并根据实际情况对相关人员追责", f"{rule.item}: {rule.text}"))
        citations += cited
    if not _negligence(case):
        if rule is None:
            return None
        return AccountabilityAssessment(
            outcome=AccountabilityOutcome.PROCEED, talk=talk, reasons=tuple(reasons), citations=citations
        )
    lighter = cite_central_work(LIGHTER_WHEN)
    citations += lighter
    if case.probation.rectified is not None:
        outcome, reason = AFTER_PROBATION[case.probation.rectified]
        return AccountabilityAssessment(outcome=outcome, talk=talk, reasons=(*reasons, reason), citations=citations)
    reasons.append(
        Text(
            "工作落实不力、进展缓慢、成效不佳但未造成严重后果的过失行为，运用谈话提醒、批评教育等措施处理，并设置1至3个月考验期",
            "negligence without serious consequences: a reminder talk or criticism, and a one-to-three-month probation",
        )
    )
    return AccountabilityAssessment(
        outcome=AccountabilityOutcome.REMINDER,
        talk=talk or Talk(by=None, with_=case.subject.position, citations=lighter),
        probation=Probation(min_months=1, max_months=3, citations=lighter),
        measures=NEGLIGENCE_MEASURES,
        reasons=tuple(reasons),
        citations=citations,
    )
