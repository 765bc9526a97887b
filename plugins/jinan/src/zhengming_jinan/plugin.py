"""The 济南 hook implementations (entry point ``jinan``). Each delegates to the module of its articles."""

from __future__ import annotations

from zhengming import (
    Approval,
    ClarificationCase,
    FalseAccusationCase,
    Jurisdiction,
    JurisdictionLevel,
    MethodOption,
    Notification,
    Text,
    Trigger,
    hookimpl,
)

from . import approval, false_accusation, methods, trigger
from .source import DOCUMENT


@hookimpl
def zhengming_jurisdiction() -> Jurisdiction:
    return Jurisdiction(
        id="jinan",
        parent="core",
        names=Text("济南市", "Jinan"),
        level=JurisdictionLevel.CITY,
        documents=(DOCUMENT,),
    )


@hookimpl(wrapper=True)
def zhengming_clarification_trigger(case: ClarificationCase):
    inherited: Trigger = yield
    return trigger.trigger(case, inherited)


# Outside 第五条's scope (a province-managed cadre) the hooks below let the parent answer.


@hookimpl
def zhengming_approval_route(case: ClarificationCase) -> Approval | None:
    return approval.approval(case) if trigger.in_scope(case) else None


@hookimpl
def zhengming_clarification_methods(case: ClarificationCase) -> tuple[MethodOption, ...] | None:
    return methods.methods(case) if trigger.in_scope(case) else None


@hookimpl
def zhengming_notifications(case: ClarificationCase) -> tuple[Notification, ...] | None:
    return methods.notifications(case) if trigger.in_scope(case) else None


@hookimpl(wrapper=True)
def zhengming_false_accusation(case: FalseAccusationCase):
    inherited = yield
    return false_accusation.adjust(case, inherited)
