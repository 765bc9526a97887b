"""浙江 province rules for clarification (澄清正名): the hooks the province is declared with (:mod:`.tree`)."""

from __future__ import annotations

from zhengming import (
    Approval,
    ClarificationCase,
    Level,
    Method,
    MethodOption,
    Notification,
    Organ,
    OrganAtLevel,
    Recipient,
    Revisit,
    RevisitTarget,
    Role,
    Step,
    StepAction,
    Text,
    Trigger,
    hookimpl,
)
from zhengming.rules import amend

from . import source
from .source import zhejiang

# 第四段: 只对检举控告失实的具体问题进行澄清，不对失实的主观故意作全面评价；严禁以澄清为名搞纪律“松绑”。
SPECIFIC_ISSUES_ONLY = Text(
    "只对检举控告失实的具体问题进行澄清，不对失实的主观故意作全面评价；防止无原则偏袒，严禁以澄清为名搞纪律“松绑”",
    "Only the specific issues found untrue are clarified, with no overall judgement of the intent behind the "
    "untrue report; clarification must not become a way to relax discipline",
)


@hookimpl(wrapper=True, specname="zhengming_clarification_trigger")
def adjust_trigger():
    """第四段: the province clarifies those affected by untrue reports (as the core does), and only
    the specific untrue issues: say so, and cite the paragraph, whatever the outcome."""
    inherited: Trigger = yield
    reasons = (SPECIFIC_ISSUES_ONLY,) if inherited.clarifies else ()
    return amend(inherited, reasons=reasons, citations=zhejiang(source.RELATIONS))


# 第二段: 乡镇（街道）纪（工）委、监察办拟澄清失实检举控告的，经本机构主要负责人审核，
# 报县级纪检监察机构信访举报部门批准后实施。
TOWNSHIP_STEPS = (
    Step(role=Role.AGENCY_HEAD, action=StepAction.REVIEW),
    Step(role=Role.PETITION_DEPARTMENT, level=Level.COUNTY, action=StepAction.APPROVE),
)


@hookimpl(specname="zhengming_approval_route")
def approval(case: ClarificationCase) -> Approval | None:
    """The township route of 第二段; any other organ follows the inherited route (the text is silent)."""
    handling = case.handling
    if handling.organ is not Organ.TOWNSHIP_DISCIPLINE:
        return None
    return Approval(
        implementers=(OrganAtLevel(organ=handling.organ, level=handling.level),),
        steps=TOWNSHIP_STEPS,
        citations=zhejiang(source.APPROVAL),
    )


# 第三段: 书面澄清、当面澄清、会议澄清、通报澄清；采用会议澄清、通报澄清等方式在较大范围公开澄清的，
# 在实施前要征求澄清对象本人意见。
METHODS = tuple(
    MethodOption(method=method, consent_required=consent, citations=zhejiang(source.METHODS))
    for method, consent in (
        (Method.WRITTEN, False),
        (Method.FACE_TO_FACE, False),
        (Method.MEETING, True),
        (Method.NOTICE, True),
    )
)


@hookimpl(specname="zhengming_clarification_methods")
def methods() -> tuple[MethodOption, ...]:
    return METHODS


# 第二十一段: 承办部门将澄清工作相关情况材料录入检举举报平台，存入党员干部廉政档案备查。
NOTIFICATIONS = tuple(
    Notification(recipient=r, citations=zhejiang(source.RECORDS))
    for r in (Recipient.REPORT_PLATFORM, Recipient.INTEGRITY_ARCHIVE)
)


@hookimpl(specname="zhengming_notifications")
def notifications() -> tuple[Notification, ...]:
    return NOTIFICATIONS


# 第二十一段: 适时开展回访，了解澄清对象的工作表现、思想认识等情况 (no method is prescribed).
REVISIT = Revisit(required=True, targets=(RevisitTarget.SUBJECT,), citations=zhejiang(source.RECORDS))


@hookimpl(specname="zhengming_revisit_policy")
def revisit() -> Revisit:
    return REVISIT
