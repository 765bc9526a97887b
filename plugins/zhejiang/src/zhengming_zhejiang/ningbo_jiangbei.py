"""宁波市江北区 (``zhejiang.ningbo.jiangbei``): “双回访”, the person and the unit are revisited (浙江 report, 第十四段). Everything else is inherited."""

from __future__ import annotations

from zhengming import Jurisdiction, JurisdictionLevel, Revisit, Text, hookimpl

from . import local
from .source import ZHEJIANG_REPORT


@hookimpl
def zhengming_jurisdiction() -> Jurisdiction:
    return Jurisdiction(
        id="zhejiang.ningbo.jiangbei",
        parent="zhejiang.ningbo",
        names=Text("宁波市江北区", "Jiangbei District, Ningbo"),
        level=JurisdictionLevel.COUNTY,
        documents=(ZHEJIANG_REPORT,),
    )


@hookimpl(wrapper=True)
def zhengming_revisit_policy():
    inherited: Revisit = yield
    return local.double_revisit(inherited)
