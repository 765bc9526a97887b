"""《失实检举控告澄清正名工作实施办法》: the one-month start deadline and the approval routes.

Routes by the organ that verified the report (谁核实谁澄清):

* 派驻（出）机构: 集体研判 → 本机构主要负责人审核 → 派出机关对口联系的监督检查部门分管领导批准 → 实施，并及时通报
  澄清对象所在部门党组（党委）主要负责人; a department principal or a clarification that may have a large
  social impact / is to be public → that head is told and heard before it is carried out.
* 乡（镇、街道）纪检监察机构: 集体研判 → 本机构主要负责人审核 → 县级纪委监委对口联系的监督检查部门分管领导批准;
  a public clarification that may have a large local impact → the township party committee head is told
  and heard before it is carried out.
* 国有企事业单位纪检监察机构: 参照《实施办法》 — read as the dispatched agencies' route (a discipline body
  inside the unit it supervises, reporting to the commission's supervising department).
* 单位或者集体 as the subject: the same routes (按照《实施办法》规定办理).
* Other organs (the commission itself, party committees, organization departments): the text sets no
  route of its own, so the core's answer stands.
"""

from __future__ import annotations

from zhengming import (
    Approval,
    ClarificationCase,
    Deadline,
    ImpactScope,
    Level,
    Organ,
    OrganAtLevel,
    Role,
    Step,
    StepAction,
    SubjectKind,
    Trigger,
    TriggerOutcome,
    add_months,
    hookimpl,
)

from .source import DISPATCHED, PRINCIPLES, SITUATIONS, START, TOWNSHIP, UNITS_AND_SOES, clarification

# --- 启动条件: 自收到澄清申请材料之日起或核查结束之日起1个月内，提出是否启动澄清程序的意见 ------------------


@hookimpl(specname="zhengming_clarification_deadline")
def deadline(case: ClarificationCase, trigger: Trigger) -> Deadline | None:
    """One calendar month from the end of verification or from receipt of the written application.

    When both dates are known the month runs from the later one: the department can evaluate neither
    before the verification ends nor before the application arrives. A deferred case waits for the other
    clues (no date yet); with neither date known the rule applies but no date can be given; with nothing
    found untrue there is nothing to decide on, so no date either.
    """
    if trigger.outcome is TriggerOutcome.DEFERRED:
        return Deadline(due_on=None, citations=clarification(f"{SITUATIONS}（末段）"))
    if not case.untrue_allegations:  # the month is for deciding whether to clarify what was found untrue
        return Deadline(due_on=None, citations=clarification(START))
    starts = [case.handling.verification_concluded_on]
    if case.circumstances.subject_applied:
        starts.append(case.circumstances.application_received_on)
    known = [d for d in starts if d is not None]
    return Deadline(due_on=add_months(max(known), 1) if known else None, citations=clarification(START))


# --- approval routes -------------------------------------------------------------------------

PUBLIC = frozenset({ImpactScope.REGION, ImpactScope.SOCIETY, ImpactScope.ONLINE})  # 较大社会影响、拟公开澄清

DELIBERATE = Step(role=Role.HANDLING_DEPARTMENT, action=StepAction.DELIBERATE)  # 集体研判
HEAD_REVIEWS = Step(role=Role.AGENCY_HEAD, action=StepAction.REVIEW)  # 本机构主要负责人审核


def _dispatched(case: ClarificationCase, articles: list[str]) -> tuple[Step, ...]:
    level = case.handling.level  # the dispatching commission, and the department it is stationed in
    steps = [
        DELIBERATE,
        HEAD_REVIEWS,
        Step(role=Role.SUPERVISING_DEPARTMENT_LEADER, level=level, action=StepAction.APPROVE),
    ]
    if case.subject.is_unit_principal or case.impact.scope in PUBLIC:  # 实施前通报情况，听取意见
        steps.append(Step(role=Role.UNIT_PARTY_GROUP_HEAD, level=level, action=StepAction.CONSULT))
    steps.append(Step(role=Role.UNIT_PARTY_GROUP_HEAD, level=level, action=StepAction.NOTIFY))  # 及时通报
    articles.append(DISPATCHED)
    return tuple(steps)


def _township(case: ClarificationCase, articles: list[str]) -> tuple[Step, ...]:
    steps = [
        DELIBERATE,
        HEAD_REVIEWS,
        Step(role=Role.SUPERVISING_DEPARTMENT_LEADER, level=Level.COUNTY, action=StepAction.APPROVE),
    ]
    if case.impact.scope in PUBLIC:  # 在当地可能造成较大社会影响、拟公开澄清: 实施前通报情况，听取意见
        steps.append(Step(role=Role.TOWNSHIP_PARTY_COMMITTEE_HEAD, level=Level.TOWNSHIP, action=StepAction.CONSULT))
    articles.append(TOWNSHIP)
    return tuple(steps)


def _soe(case: ClarificationCase, articles: list[str]) -> tuple[Step, ...]:
    articles.append(UNITS_AND_SOES)  # 参照《实施办法》规定执行
    return _dispatched(case, articles)


ROUTES = {
    Organ.DISPATCHED_AGENCY: _dispatched,
    Organ.TOWNSHIP_DISCIPLINE: _township,
    Organ.SOE_DISCIPLINE: _soe,
}


@hookimpl(specname="zhengming_approval_route")
def approval(case: ClarificationCase) -> Approval | None:
    route = ROUTES.get(case.handling.organ)
    if route is None:
        return None  # the text sets no route of its own for this organ: the core's answer stands
    articles = [f"{PRINCIPLES}（三）"]  # 分级负责、谁核实谁澄清，由处置检举控告的承办部门负责具体实施
    steps = route(case, articles)
    if case.subject.kind is SubjectKind.ORGANIZATION:
        articles.append(UNITS_AND_SOES)
    return Approval(
        implementers=(OrganAtLevel(organ=case.handling.organ, level=case.handling.level),),
        steps=steps,
        citations=clarification(*dict.fromkeys(articles)),
    )
