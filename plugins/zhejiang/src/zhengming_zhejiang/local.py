"""What the cities and counties of 浙江 add to the province's rules: the hooks :mod:`.tree` declares them with.

Each child is declared with the hooks of its own source; everything else it inherits.
"""

from __future__ import annotations

from zhengming import (
    ClarificationCase,
    FastTrack,
    Notification,
    Recipient,
    Revisit,
    RevisitMethod,
    RevisitTarget,
    Text,
    Trigger,
    hookimpl,
)
from zhengming.rules import amend

from . import source
from .source import hangzhou, zhejiang

# --- 杭州 ------------------------------------------------------------------------------------

GREEN_CHANNEL = Text(
    "正处于换届选举、行政区划调整、干部选拔任用等重要节点：走快查快办绿色通道，第一时间公开澄清",
    "At a key juncture (election, redistricting, selection): green channel, clarified publicly at once",
)


@hookimpl(specname="zhengming_fast_track")
def hangzhou_fast_track(case: ClarificationCase) -> FastTrack:
    """第六段: 在换届选举、行政区划调整、干部选拔任用等重要节点，建立快查快办绿色通道。"""
    active = case.circumstances.key_juncture
    return FastTrack(
        active=active,
        reasons=(GREEN_CHANNEL,) if active else (),
        citations=hangzhou(source.GREEN_CHANNEL),
    )


@hookimpl(specname="zhengming_notifications")
def hangzhou_notifications(case: ClarificationCase) -> tuple[Notification, ...]:
    """第一段: 确认举报内容不实后，及时把核查结果反馈给组织人事部门，避免失实举报对提拔任用的负面影响 —
    when selection, an election or another key juncture is at stake."""
    impact = case.impact
    if impact.on_selection or impact.on_election or case.circumstances.key_juncture:
        return (Notification(recipient=Recipient.PERSONNEL_DEPARTMENT, citations=hangzhou(source.PERSONNEL)),)
    return ()


# --- revisits (第十四段) ------------------------------------------------------------------------


@hookimpl(wrapper=True, specname="zhengming_revisit_policy")
def double_revisit():
    """宁波市江北区“双回访”: 澄清正名后，根据纪检监察机关工作需要及被澄清人意愿，同时对党员干部本人及所在单位进行回访。"""
    inherited: Revisit = yield
    targets = (RevisitTarget.SUBJECT, RevisitTarget.UNIT)
    # consent_required: 根据……被澄清人意愿
    cited = zhejiang(source.DOUBLE_REVISIT)
    return amend(inherited, required=True, targets=targets, consent_required=True, citations=cited)


@hookimpl(wrapper=True, specname="zhengming_revisit_policy")
def one_person_one_plan():
    """温州市平阳县、绍兴市越城区: 按照“一人一策”量身定制回访方案，并形成“一人一档”回访台账.

    The plan is tailored to each person, so no method is fixed in advance (``methods`` stays as
    inherited: none prescribed); the revisit is of the person (一人), recorded in a ledger per person.
    """
    inherited: Revisit = yield
    targets = (RevisitTarget.SUBJECT,)
    return amend(inherited, required=True, targets=targets, citations=zhejiang(source.ONE_PERSON_PLAN))


PACKAGE_METHODS = (RevisitMethod.INDIVIDUAL_MEETING, RevisitMethod.SCHEDULED_VISIT, RevisitMethod.PHONE)


@hookimpl(wrapper=True, specname="zhengming_revisit_policy")
def revisit_package():
    """衢州市龙游县、丽水市缙云县 暖心回访“套餐”: 通过单独见面、定期约访、电话回访等方式开展跟踪回访。"""
    inherited: Revisit = yield
    return amend(inherited, required=True, methods=PACKAGE_METHODS, citations=zhejiang(source.REVISIT_PACKAGE))


# --- 绍兴市上虞区 “三见面三反馈” (第二十五段) ---------------------------------------------------------

THREE_MEETINGS = Text(
    "实名检举控告“三见面三反馈”：在受理、调查、答复环节与检举控告人见面并反馈",
    "Real-name report: the reporter is met and answered at acceptance, investigation and reply",
)


@hookimpl(wrapper=True, specname="zhengming_clarification_trigger")
def three_meetings_trigger(case: ClarificationCase):
    """For a real-name report, say that the reporter is met at each of the three stages."""
    inherited: Trigger = yield
    if not case.report.real_name:
        return inherited
    return amend(inherited, reasons=(THREE_MEETINGS,), citations=zhejiang(source.THREE_MEETINGS))


@hookimpl(specname="zhengming_notifications")
def three_meetings_notifications(case: ClarificationCase) -> tuple[Notification, ...]:
    """The reply stage (答复环节): a real-name reporter is told the result face to face."""
    if not case.report.real_name:
        return ()
    return (Notification(recipient=Recipient.REPORTER, citations=zhejiang(source.THREE_MEETINGS)),)
