"""平纪发〔2022〕3号（十）做实受处分干部回访教育.

回访前应与受处分干部所在党组织沟通，并征求党员干部本人意见，商定回访地点、方式、方法等，必要时可委托所在单位
党组织回访；回访坚持“一人一策、以人为本”，做到违纪事实和组织关爱两必谈. It covers 受处分和被问责党员干部:
every kind of discipline the contract names.
"""

from __future__ import annotations

from zhengming import (
    DisciplinedRevisitCase,
    DisciplinedRevisitPlan,
    RevisitMethod,
    RevisitTopic,
    Role,
    Step,
    StepAction,
    Text,
    hookimpl,
)

from .source import measure

# 所在党组织沟通 comes first; the cadre's own view is then sought (consent_required).
CONSULT = (Step(role=Role.UNIT_PARTY_ORGANIZATION, action=StepAction.CONSULT),)
# 商定回访地点、方式、方法 (an individual meeting), 必要时委托所在单位党组织回访.
METHODS = (RevisitMethod.INDIVIDUAL_MEETING, RevisitMethod.ENTRUSTED_UNIT)
TOPICS = (RevisitTopic.VIOLATION_FACTS, RevisitTopic.ORGANIZATIONAL_CARE)  # 两必谈
REASON = Text(
    "（十）：对受处分和被问责党员干部开展回访教育：先与所在党组织沟通、征求本人意见，一人一策，违纪事实和组织关爱两必谈",
    "(10): disciplined and held-accountable cadres are revisited: consult their party organization and "
    "their own view first; one person, one plan; both the violation and the organization's care are discussed",
)


@hookimpl(specname="zhengming_disciplined_revisit")
def plan(case: DisciplinedRevisitCase) -> DisciplinedRevisitPlan:
    return DisciplinedRevisitPlan(
        required=True,
        consult=CONSULT,
        consent_required=True,
        methods=METHODS,
        topics=TOPICS,
        one_person_one_plan=True,
        reasons=(REASON,),
        citations=measure("（十）"),
    )
