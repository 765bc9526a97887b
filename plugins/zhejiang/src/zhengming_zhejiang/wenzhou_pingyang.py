"""温州市平阳县 (``zhejiang.wenzhou.pingyang``): “一人一策” revisit plan and “一人一档” ledger (浙江 report, 第十四段). Everything else is inherited."""

from __future__ import annotations

from zhengming import Jurisdiction, JurisdictionLevel, Revisit, Text, hookimpl

from . import local
from .source import ZHEJIANG_REPORT


@hookimpl
def zhengming_jurisdiction() -> Jurisdiction:
    return Jurisdiction(
        id="zhejiang.wenzhou.pingyang",
        parent="zhejiang.wenzhou",
        names=Text("温州市平阳县", "Pingyang County, Wenzhou"),
        level=JurisdictionLevel.COUNTY,
        documents=(ZHEJIANG_REPORT,),
    )


@hookimpl(wrapper=True)
def zhengming_revisit_policy():
    inherited: Revisit = yield
    return local.one_person_one_plan(inherited)
