"""衢州市龙游县 (``zhejiang.quzhou.longyou``): the revisit “套餐” (individual meeting, scheduled visit, phone) (浙江 report, 第十四段). Everything else is inherited."""

from __future__ import annotations

from zhengming import Jurisdiction, JurisdictionLevel, Revisit, Text, hookimpl

from . import local
from .source import ZHEJIANG_REPORT


@hookimpl
def zhengming_jurisdiction() -> Jurisdiction:
    return Jurisdiction(
        id="zhejiang.quzhou.longyou",
        parent="zhejiang.quzhou",
        names=Text("衢州市龙游县", "Longyou County, Quzhou"),
        level=JurisdictionLevel.COUNTY,
        documents=(ZHEJIANG_REPORT,),
    )


@hookimpl(wrapper=True)
def zhengming_revisit_policy():
    inherited: Revisit = yield
    return local.revisit_package(inherited)
