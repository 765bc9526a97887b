"""The 平顶山 plugin (entry point ``pingdingshan`` → :data:`PINGDINGSHAN`): its metadata and the hooks each
module of its articles marks. Hooks not implemented (deadline, approval route) fall back to the core: the
two documents set neither.
"""

from __future__ import annotations

from zhengming import Jurisdiction, JurisdictionLevel, Text
from zhengming.rules import declare

from . import accountability, clarification, false_accusation, fault_tolerance, revisit_education
from .source import DOCUMENTS

JURISDICTION = Jurisdiction(
    id="pingdingshan",
    parent="core",  # 河南省 has no plugin
    names=Text("平顶山市", "Pingdingshan"),
    level=JurisdictionLevel.CITY,
    documents=DOCUMENTS,
    list_items=fault_tolerance.LIST_ITEMS,
    local_facts=clarification.LOCAL_FACTS,
)

PINGDINGSHAN = declare(
    JURISDICTION,
    clarification.adjust_trigger,
    clarification.fast_track,
    clarification.adjust_methods,
    clarification.notifications,
    clarification.revisit,
    false_accusation.adjust,
    fault_tolerance.assess,
    accountability.assess,
    revisit_education.plan,
)
