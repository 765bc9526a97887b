"""第五条 (who implements, by management authority) and 第七条 (the three approval paths)."""

from __future__ import annotations

from zhengming import (
    Approval,
    ClarificationCase,
    ImpactScope,
    Level,
    ManagementLevel,
    Organ,
    OrganAtLevel,
    Role,
    Step,
    StepAction,
    hookimpl,
)

from .source import article
from .trigger import in_scope

# 第五条: 市委管理的干部由市纪委市监委会同市委组织部实施；市管以下由相应的纪检监察机关、组织人事部门实施。
DISCIPLINE_ORGAN_AT = {
    Level.PROVINCE: Organ.DISCIPLINE_COMMISSION,
    Level.CITY: Organ.DISCIPLINE_COMMISSION,
    Level.COUNTY: Organ.DISCIPLINE_COMMISSION,
    Level.TOWNSHIP: Organ.TOWNSHIP_DISCIPLINE,
}

# 第七条: the path follows the organ that received the clue.
PROPOSED_BY_DEPARTMENT = Step(role=Role.HANDLING_DEPARTMENT, action=StepAction.PROPOSE)
PARTY_COMMITTEE_PATH = ("第七条（一）", (
    Step(role=Role.VERIFICATION_TEAM, action=StepAction.PROPOSE),
    Step(role=Role.PARTY_COMMITTEE_MEETING, action=StepAction.DECIDE),
))  # fmt: skip
COMMISSION_PATH = ("第七条（二）", (PROPOSED_BY_DEPARTMENT, Step(role=Role.COMMISSION_HEAD, action=StepAction.APPROVE)))
# 各级派出派驻纪检监察机构参照此项程序实施 (and the SOE discipline bodies, likewise discipline organs)
AGENCY_PATH = ("第七条（二）", (PROPOSED_BY_DEPARTMENT, Step(role=Role.AGENCY_HEAD, action=StepAction.APPROVE)))
ORGANIZATION_PATH = ("第七条（三）", (PROPOSED_BY_DEPARTMENT, Step(role=Role.AGENCY_HEAD, action=StepAction.DECIDE)))
PATHS: dict[Organ, tuple[str, tuple[Step, ...]]] = {
    Organ.PARTY_COMMITTEE: PARTY_COMMITTEE_PATH,
    Organ.DISCIPLINE_COMMISSION: COMMISSION_PATH,
    Organ.TOWNSHIP_DISCIPLINE: COMMISSION_PATH,
    Organ.DISPATCHED_AGENCY: AGENCY_PATH,
    Organ.SOE_DISCIPLINE: AGENCY_PATH,
    Organ.ORGANIZATION_DEPARTMENT: ORGANIZATION_PATH,
}

# "必要时向同级党委主要负责人报告" (第七条（二）（三）): read here as an impact beyond the subject's own unit.
WIDE_IMPACT = frozenset({ImpactScope.REGION, ImpactScope.SOCIETY, ImpactScope.ONLINE})


def implementers(case: ClarificationCase) -> tuple[OrganAtLevel, ...]:
    managed = case.subject.management_level
    if managed is ManagementLevel.UNIT:  # managed inside the unit: the unit's own organs
        level = case.handling.level
        return (
            OrganAtLevel(organ=case.handling.organ, level=level),
            OrganAtLevel(organ=Organ.ORGANIZATION_DEPARTMENT, level=level),
        )
    level = Level(managed.value)
    return (
        OrganAtLevel(organ=DISCIPLINE_ORGAN_AT[level], level=level),
        OrganAtLevel(organ=Organ.ORGANIZATION_DEPARTMENT, level=level),
    )


@hookimpl(specname="zhengming_approval_route")
def approval(case: ClarificationCase) -> Approval | None:
    if not in_scope(case):
        return None
    path, steps = PATHS[case.handling.organ]
    if case.handling.organ is not Organ.PARTY_COMMITTEE and case.impact.scope in WIDE_IMPACT:
        steps += (Step(role=Role.PARTY_COMMITTEE_HEAD, level=case.handling.level, action=StepAction.REPORT),)
    return Approval(implementers=implementers(case), steps=steps, citations=article("第五条", path))
