"""鲁山县 Lushan County (entry point ``pingdingshan.lushan``): the smallest possible county plugin.

鲁纪发〔2023〕1号 forwards the city's 平纪发〔2022〕3号 and 4号 for implementation and adds no rule of
its own, so this module only describes the county: every hook is answered by 平顶山 (or the core)
through the chain ``core → pingdingshan → pingdingshan.lushan``.

To write another county that adopts its city's rules, copy this module: change the id, parent, names
and document, and register it under ``zhengming.jurisdictions``. Do not import the parent's hook
functions here — they would be registered twice in the chain.
"""

from __future__ import annotations

from datetime import date

from zhengming import Jurisdiction, JurisdictionLevel, SourceDocument, Text, hookimpl

DOCUMENT = SourceDocument(
    title=(
        "关于转发《中共平顶山市纪律检查委员会关于印发〈充分发挥纪检监察职能作用激励干部担当作为的若干措施〉的通知》"
        "《中共平顶山市纪律检查委员会关于印发〈容错免责备案适用情形正负面清单〉的通知》的通知"
    ),
    issuer="中共鲁山县纪律检查委员会",
    number="鲁纪发〔2023〕1号",
    # The copy is undated: its number places it in 2023 and it asks for reports by 2023-01-16, so it was
    # issued in the first half of January 2023; the county's chain applies from the start of 2023.
    in_force_from=date(2023, 1, 1),
)


@hookimpl
def zhengming_jurisdiction() -> Jurisdiction:
    return Jurisdiction(
        id="pingdingshan.lushan",
        parent="pingdingshan",
        names=Text("鲁山县", "Lushan County"),
        level=JurisdictionLevel.COUNTY,
        documents=(DOCUMENT,),
    )
