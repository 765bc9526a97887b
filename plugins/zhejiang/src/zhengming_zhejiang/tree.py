"""浙江's cities and counties, declared as data: each is its metadata plus the hooks its own source sets.

宁波, 温州, 绍兴, 衢州 and 丽水 have no text of their own: they exist so that their counties' chains pass
through them, and inherit every rule of the province. Each county cites the 浙江 report (第十四段,
第二十五段), which describes its practice; 杭州 has its own report. The rules themselves are plain
functions in :mod:`.local` and :mod:`.false_accusation`; the hooks below only say where each applies.
"""

from __future__ import annotations

from zhengming import Jurisdiction, JurisdictionLevel, Text, hookimpl
from zhengming.rules import declare

from . import false_accusation, local
from .source import HANGZHOU_FIGURES, HANGZHOU_REPORT, ZHEJIANG_REPORT

# --- the hooks the children set (杭州 第一、五、六段; 浙江 report 第十四、二十五段) ------------------------


@hookimpl(specname="zhengming_fast_track")
def green_channel(case):
    return local.hangzhou_fast_track(case)  # 快查快办绿色通道 at key junctures


@hookimpl(specname="zhengming_notifications")
def results_to_personnel(case):
    return local.hangzhou_notifications(case)  # 核查结果反馈给组织人事部门


@hookimpl(wrapper=True, specname="zhengming_false_accusation")
def hangzhou_false_accusers(case):
    return false_accusation.adjust_for_hangzhou(case, (yield))  # 通报曝光; 与公安、司法机关衔接


@hookimpl(wrapper=True, specname="zhengming_revisit_policy")
def double_revisit():
    return local.double_revisit((yield))  # “双回访”: the person and the unit


@hookimpl(wrapper=True, specname="zhengming_revisit_policy")
def one_person_one_plan():
    return local.one_person_one_plan((yield))  # “一人一策” plan, “一人一档” ledger


@hookimpl(wrapper=True, specname="zhengming_revisit_policy")
def revisit_package():
    return local.revisit_package((yield))  # 回访“套餐”: individual meeting, scheduled visit, phone


@hookimpl(wrapper=True, specname="zhengming_clarification_trigger")
def three_meetings_trigger(case):
    return local.three_meetings_trigger(case, (yield))  # “三见面三反馈” for real-name reports


@hookimpl(specname="zhengming_notifications")
def three_meetings_notifications(case):
    return local.three_meetings_notifications(case)


# --- the tree --------------------------------------------------------------------------------


def city(key: str, zh: str, en: str, *hooks, **info):
    names, level = Text(zh, en), JurisdictionLevel.CITY
    return declare(Jurisdiction(id=f"zhejiang.{key}", parent="zhejiang", names=names, level=level, **info), *hooks)


def county(key: str, zh: str, en: str, *hooks):
    parent, names, level = f"zhejiang.{key.partition('.')[0]}", Text(zh, en), JurisdictionLevel.COUNTY
    info = Jurisdiction(id=f"zhejiang.{key}", parent=parent, names=names, level=level, documents=(ZHEJIANG_REPORT,))
    return declare(info, *hooks)


HANGZHOU = city(
    "hangzhou", "杭州市", "Hangzhou", green_channel, results_to_personnel, hangzhou_false_accusers,
    documents=(HANGZHOU_REPORT,), figures=HANGZHOU_FIGURES,
)  # fmt: skip
NINGBO = city("ningbo", "宁波市", "Ningbo")
WENZHOU = city("wenzhou", "温州市", "Wenzhou")
SHAOXING = city("shaoxing", "绍兴市", "Shaoxing")
QUZHOU = city("quzhou", "衢州市", "Quzhou")
LISHUI = city("lishui", "丽水市", "Lishui")

JIANGBEI = county("ningbo.jiangbei", "宁波市江北区", "Jiangbei District, Ningbo", double_revisit)
PINGYANG = county("wenzhou.pingyang", "温州市平阳县", "Pingyang County, Wenzhou", one_person_one_plan)
YUECHENG = county("shaoxing.yuecheng", "绍兴市越城区", "Yuecheng District, Shaoxing", one_person_one_plan)
SHANGYU = county(
    "shaoxing.shangyu",
    "绍兴市上虞区",
    "Shangyu District, Shaoxing",
    three_meetings_trigger,
    three_meetings_notifications,
)
LONGYOU = county("quzhou.longyou", "衢州市龙游县", "Longyou County, Quzhou", revisit_package)
JINYUN = county("lishui.jinyun", "丽水市缙云县", "Jinyun County, Lishui", revisit_package)
