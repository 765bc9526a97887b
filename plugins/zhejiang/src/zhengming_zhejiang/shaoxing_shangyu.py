"""绍兴市上虞区 (``zhejiang.shaoxing.shangyu``): real-name reports get “三见面三反馈” — the reporter is met
and answered at acceptance, investigation and reply (浙江 report, 第二十五段). Everything else is inherited."""

from __future__ import annotations

from zhengming import ClarificationCase, Jurisdiction, JurisdictionLevel, Notification, Text, Trigger, hookimpl

from . import local
from .source import ZHEJIANG_REPORT


@hookimpl
def zhengming_jurisdiction() -> Jurisdiction:
    return Jurisdiction(
        id="zhejiang.shaoxing.shangyu",
        parent="zhejiang.shaoxing",
        names=Text("绍兴市上虞区", "Shangyu District, Shaoxing"),
        level=JurisdictionLevel.COUNTY,
        documents=(ZHEJIANG_REPORT,),
    )


@hookimpl(wrapper=True)
def zhengming_clarification_trigger(case: ClarificationCase):
    inherited: Trigger = yield
    return local.three_meetings_trigger(case, inherited)


@hookimpl
def zhengming_notifications(case: ClarificationCase) -> tuple[Notification, ...]:
    return local.three_meetings_notifications(case)
