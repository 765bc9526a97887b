"""The 许昌 plugin (entry point ``xuchang`` → :data:`XUCHANG`): its metadata and the hooks each module of its
texts marks. Fast track is left to the core: the interview names a 《问题线索快速办理规定》 but states none of
its rules.
"""

from __future__ import annotations

from zhengming import Jurisdiction, JurisdictionLevel, Text
from zhengming.rules import declare

from . import accountability, aftercare, fault_tolerance, methods, procedure, trigger
from .source import DOCUMENTS

JURISDICTION = Jurisdiction(
    id="xuchang",
    parent="core",  # 河南省 has no plugin
    names=Text("许昌市", "Xuchang"),
    level=JurisdictionLevel.CITY,
    documents=DOCUMENTS,
    list_items=fault_tolerance.LIST_ITEMS,
    local_facts=accountability.LOCAL_FACTS,
)

XUCHANG = declare(
    JURISDICTION,
    trigger.trigger,
    procedure.deadline,
    procedure.approval,
    methods.methods,
    methods.notifications,
    aftercare.revisit,
    aftercare.adjust_false_accusation,
    aftercare.disciplined_revisit,
    fault_tolerance.assess,
    accountability.assess,
)
