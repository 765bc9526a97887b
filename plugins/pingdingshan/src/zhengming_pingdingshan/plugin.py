"""The 平顶山 hook implementations (entry point ``pingdingshan``). Each delegates to the module of its articles.

Hooks not implemented here (deadline, approval route) fall back to the core: the two documents set
neither.
"""

from __future__ import annotations

from zhengming import (
    AccountabilityAssessment,
    AccountabilityCase,
    ClarificationCase,
    DisciplinedRevisitCase,
    DisciplinedRevisitPlan,
    FalseAccusationCase,
    FastTrack,
    FaultToleranceAssessment,
    FaultToleranceCase,
    Jurisdiction,
    JurisdictionLevel,
    Notification,
    Revisit,
    Text,
    hookimpl,
)

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


@hookimpl
def zhengming_jurisdiction() -> Jurisdiction:
    return JURISDICTION


@hookimpl(wrapper=True)
def zhengming_clarification_trigger(case: ClarificationCase):
    inherited = yield
    return clarification.adjust_trigger(case, inherited)


@hookimpl
def zhengming_fast_track(case: ClarificationCase) -> FastTrack:
    return clarification.fast_track(case)


@hookimpl(wrapper=True)
def zhengming_clarification_methods():
    inherited = yield
    return clarification.adjust_methods(inherited)


@hookimpl
def zhengming_notifications() -> tuple[Notification, ...]:
    return clarification.notifications()


@hookimpl
def zhengming_revisit_policy(case: ClarificationCase) -> Revisit | None:
    return clarification.revisit(case)


@hookimpl(wrapper=True)
def zhengming_false_accusation(case: FalseAccusationCase):
    inherited = yield
    return false_accusation.adjust(case, inherited)


@hookimpl
def zhengming_fault_tolerance(case: FaultToleranceCase) -> FaultToleranceAssessment:
    return fault_tolerance.assess(case)


@hookimpl
def zhengming_accountability(case: AccountabilityCase) -> AccountabilityAssessment | None:
    return accountability.assess(case)


@hookimpl
def zhengming_disciplined_revisit(case: DisciplinedRevisitCase) -> DisciplinedRevisitPlan:
    return revisit_education.plan(case)
