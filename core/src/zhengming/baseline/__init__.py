"""The core's own plugin: the national baseline every jurisdiction refines (id ``core``).

Registered first in every chain, so any hook a locality leaves unanswered still gets a correct,
cited answer.
"""

from datetime import date

from zhengming.model import CORE_ID, Jurisdiction, JurisdictionLevel, SourceDocument, Text
from zhengming.plugin.markers import hookimpl

from .accountability import zhengming_accountability, zhengming_disciplined_revisit
from .clarification import (
    zhengming_approval_route,
    zhengming_clarification_deadline,
    zhengming_clarification_deadlines,
    zhengming_clarification_methods,
    zhengming_clarification_trigger,
    zhengming_fast_track,
    zhengming_notifications,
    zhengming_revisit_policy,
)
from .false_accusation import zhengming_false_accusation, zhengming_reporter_tracing
from .fault_tolerance import zhengming_fault_tolerance
from .letters import zhengming_letter_template

JURISDICTION = Jurisdiction(
    id=CORE_ID,
    parent=None,
    names=Text("全国基线（核心默认）", "National baseline (core defaults)"),
    level=JurisdictionLevel.NATIONAL,
    documents=(
        SourceDocument(
            title="关于做好失实检举控告澄清工作的意见",
            issuer="中央纪委国家监委",
            in_force_from=date(2020, 4, 1),
        ),
    ),
)


@hookimpl
def zhengming_jurisdiction() -> Jurisdiction:
    return JURISDICTION


__all__ = [
    "JURISDICTION",
    "zhengming_approval_route",
    "zhengming_clarification_deadline",
    "zhengming_clarification_deadlines",
    "zhengming_clarification_methods",
    "zhengming_clarification_trigger",
    "zhengming_false_accusation",
    "zhengming_fast_track",
    "zhengming_fault_tolerance",
    "zhengming_jurisdiction",
    "zhengming_letter_template",
    "zhengming_notifications",
    "zhengming_revisit_policy",
]
