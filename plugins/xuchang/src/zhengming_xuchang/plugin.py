"""The 许昌 hook implementations (entry point ``xuchang``). Each delegates to the module of its texts.

Fast track is left to the core: the interview names a 《问题线索快速办理规定》 but states none of its rules.
"""

from __future__ import annotations

from zhengming import (
    AccountabilityAssessment,
    AccountabilityCase,
    Approval,
    ClarificationCase,
    Deadline,
    DisciplinedRevisitCase,
    DisciplinedRevisitPlan,
    FalseAccusationCase,
    FaultToleranceAssessment,
    FaultToleranceCase,
    Jurisdiction,
    JurisdictionLevel,
    Notification,
    Revisit,
    Text,
    Trigger,
    hookimpl,
)

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


@hookimpl
def zhengming_jurisdiction() -> Jurisdiction:
    return JURISDICTION


@hookimpl
def zhengming_clarification_trigger(case: ClarificationCase) -> Trigger:
    return trigger.trigger(case)


@hookimpl
def zhengming_clarification_deadline(case: ClarificationCase, trigger: Trigger) -> Deadline | None:
    return procedure.deadline(case, trigger)


@hookimpl
def zhengming_approval_route(case: ClarificationCase) -> Approval | None:
    return procedure.approval(case)


@hookimpl(wrapper=True)
def zhengming_clarification_methods(case: ClarificationCase):
    inherited = yield
    return methods.methods(case, inherited)


@hookimpl
def zhengming_notifications(case: ClarificationCase) -> tuple[Notification, ...]:
    return methods.notifications(case)


@hookimpl
def zhengming_revisit_policy(case: ClarificationCase) -> Revisit | None:
    return aftercare.revisit(case)


@hookimpl(wrapper=True)
def zhengming_false_accusation(case: FalseAccusationCase):
    inherited = yield
    return aftercare.adjust_false_accusation(case, inherited)


@hookimpl
def zhengming_fault_tolerance(case: FaultToleranceCase) -> FaultToleranceAssessment:
    return fault_tolerance.assess(case)


@hookimpl
def zhengming_accountability(case: AccountabilityCase) -> AccountabilityAssessment | None:
    return accountability.assess(case)


@hookimpl
def zhengming_disciplined_revisit(case: DisciplinedRevisitCase) -> DisciplinedRevisitPlan:
    return aftercare.disciplined_revisit(case)
