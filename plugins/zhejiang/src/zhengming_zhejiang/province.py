"""浙江省 (``zhejiang``): the province's rules, per the report 浙江健全澄清正名工作规范构建良好政治生态."""

from __future__ import annotations

from zhengming import (
    Approval,
    ClarificationCase,
    FalseAccusationAssessment,
    FalseAccusationCase,
    Jurisdiction,
    JurisdictionLevel,
    MethodOption,
    Notification,
    ReporterTracing,
    Revisit,
    Text,
    Trigger,
    hookimpl,
)

from . import clarification, false_accusation
from .source import ZHEJIANG_FIGURES, ZHEJIANG_REPORT


@hookimpl
def zhengming_jurisdiction() -> Jurisdiction:
    return Jurisdiction(
        id="zhejiang",
        parent="core",
        names=Text("浙江省", "Zhejiang Province"),
        level=JurisdictionLevel.PROVINCE,
        documents=(ZHEJIANG_REPORT,),
        figures=ZHEJIANG_FIGURES,
    )


@hookimpl(wrapper=True)
def zhengming_clarification_trigger():
    inherited: Trigger = yield
    return clarification.adjust_trigger(inherited)


@hookimpl
def zhengming_approval_route(case: ClarificationCase) -> Approval | None:
    return clarification.approval(case)


@hookimpl
def zhengming_clarification_methods() -> tuple[MethodOption, ...]:
    return clarification.methods()


@hookimpl
def zhengming_notifications() -> tuple[Notification, ...]:
    return clarification.notifications()


@hookimpl
def zhengming_revisit_policy() -> Revisit:
    return clarification.revisit()


@hookimpl
def zhengming_false_accusation(case: FalseAccusationCase) -> FalseAccusationAssessment:
    return false_accusation.assess(case)


@hookimpl
def zhengming_reporter_tracing(case: FalseAccusationCase, assessment: FalseAccusationAssessment) -> ReporterTracing:
    return false_accusation.tracing(case, assessment)
