"""浙江, its cities and its counties, declared as data: each is its metadata plus the hooks its own source sets.

The province's hooks are in :mod:`.clarification` and :mod:`.false_accusation`; what the cities and
counties add is in :mod:`.local`. 宁波, 温州, 绍兴, 衢州 and 丽水 have no text of their own: they exist so
that their counties' chains pass through them, and inherit every rule of the province. Each county cites
the 浙江 report (第十四段, 第二十五段), which describes its practice; 杭州 has its own report.
"""

from __future__ import annotations

from zhengming import Jurisdiction, JurisdictionLevel, Text
from zhengming.rules import declare

from . import clarification, false_accusation, local
from .local import double_revisit, one_person_one_plan, revisit_package
from .source import HANGZHOU_FIGURES, HANGZHOU_REPORT, ZHEJIANG_FIGURES, ZHEJIANG_REPORT

# --- the tree --------------------------------------------------------------------------------

ZHEJIANG = declare(
    Jurisdiction(
        id="zhejiang",
        names=Text("浙江省", "Zhejiang Province"),
        level=JurisdictionLevel.PROVINCE,
        documents=(ZHEJIANG_REPORT,),
        figures=ZHEJIANG_FIGURES,
    ),
    clarification.adjust_trigger,
    clarification.approval,
    clarification.methods,
    clarification.notifications,
    clarification.revisit,
    false_accusation.assess,
    false_accusation.tracing,
)


def city(key: str, zh: str, en: str, *hooks, **info):
    names, level = Text(zh, en), JurisdictionLevel.CITY
    return declare(Jurisdiction(id=f"zhejiang.{key}", parent="zhejiang", names=names, level=level, **info), *hooks)


def county(key: str, zh: str, en: str, *hooks):
    parent, names, level = f"zhejiang.{key.partition('.')[0]}", Text(zh, en), JurisdictionLevel.COUNTY
    info = Jurisdiction(id=f"zhejiang.{key}", parent=parent, names=names, level=level, documents=(ZHEJIANG_REPORT,))
    return declare(info, *hooks)


HANGZHOU = city(
    "hangzhou", "杭州市", "Hangzhou", local.hangzhou_fast_track, local.hangzhou_notifications,
    false_accusation.adjust_for_hangzhou, documents=(HANGZHOU_REPORT,), figures=HANGZHOU_FIGURES,
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
    local.three_meetings_trigger,
    local.three_meetings_notifications,
)
LONGYOU = county("quzhou.longyou", "衢州市龙游县", "Longyou County, Quzhou", revisit_package)
JINYUN = county("lishui.jinyun", "丽水市缙云县", "Jinyun County, Lishui", revisit_package)
