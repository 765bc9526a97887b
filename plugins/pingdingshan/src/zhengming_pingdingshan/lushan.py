"""鲁山县 Lushan County (entry point ``pingdingshan.lushan`` → :data:`LUSHAN`): a county declared as data.

鲁纪发〔2023〕1号 forwards the city's 平纪发〔2022〕3号 and 4号 for implementation and adds no rule of
its own, so the county is only its metadata: every hook is answered by 平顶山 (or the core) through the
chain ``core → pingdingshan → pingdingshan.lushan``. Another county that adopts its city's rules is one
more :func:`~zhengming.rules.declare` like this one, registered under ``zhengming.jurisdictions``.
"""

from __future__ import annotations

from datetime import date

from zhengming import Jurisdiction, JurisdictionLevel, SourceDocument, Text
from zhengming.rules import declare

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

LUSHAN = declare(
    Jurisdiction(
        id="pingdingshan.lushan",
        parent="pingdingshan",
        names=Text("鲁山县", "Lushan County"),
        level=JurisdictionLevel.COUNTY,
        documents=(DOCUMENT,),
    )
)
