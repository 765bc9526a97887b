"""National baseline for clarification (CCDI 2020 opinion): trigger, approval, methods, defaults."""

from zhengming.labels import label
from zhengming.model import (
    Approval,
    ClarificationCase,
    Deadline,
    FastTrack,
    Method,
    MethodOption,
    Notification,
    Organ,
    OrganAtLevel,
    Recipient,
    Revisit,
    Role,
    Step,
    StepAction,
    Text,
    Trigger,
    TriggerOutcome,
)
from zhengming.plugin.markers import hookimpl
from zhengming.rules.reasons import impact_reasons, not_clarified_reason

from . import sources

# Who approves, by the organ that verified the report (谁核实谁澄清, with approval).
HEAD_STEP: dict[Organ, Step] = {
    Organ.PARTY_COMMITTEE: Step(role=Role.PARTY_COMMITTEE_MEETING, action=StepAction.DECIDE),
    Organ.DISCIPLINE_COMMISSION: Step(role=Role.COMMISSION_HEAD, action=StepAction.APPROVE),
}
AGENCY_HEAD_APPROVES = Step(role=Role.AGENCY_HEAD, action=StepAction.APPROVE)
# 使用当面、会议、通报方式澄清的，同时使用书面澄清 (CCDI 2020, 主要方式).
WRITTEN_ALONGSIDE = {m: (Method.WRITTEN,) for m in (Method.FACE_TO_FACE, Method.MEETING, Method.NOTICE)}
BASELINE_METHODS = tuple(
    MethodOption(method=m, accompanied_by=WRITTEN_ALONGSIDE.get(m, ()), citations=sources.METHODS)
    for m in (Method.WRITTEN, Method.FACE_TO_FACE, Method.MEETING, Method.NOTICE)
)


@hookimpl
def zhengming_clarification_trigger(case: ClarificationCase) -> Trigger:
    untrue = case.untrue_allegations
    if not untrue:
        return Trigger(
            outcome=TriggerOutcome.NOT_APPLICABLE,
            reasons=(Text("没有经核查失实的问题，无可澄清", "No allegation was found untrue; nothing to clarify"),),
            citations=sources.TRIGGER,
        )
    if not case.impact.negative:
        return Trigger(
            outcome=TriggerOutcome.NOT_APPLICABLE,
            reasons=(label(case.impact.scope),),
            citations=sources.TRIGGER,
        )
    reasons = (*impact_reasons(case), *not_clarified_reason(case))
    return Trigger(outcome=TriggerOutcome.MUST_CLARIFY, allegations=untrue, reasons=reasons, citations=sources.TRIGGER)


@hookimpl
def zhengming_clarification_deadline() -> Deadline:
    return Deadline(due_on=None, citations=sources.NO_DEADLINE)


@hookimpl
def zhengming_clarification_deadlines() -> tuple[Deadline, ...]:
    # The CCDI 2020 opinion sets no limit to complete, give feedback or revisit: nothing to add.
    return ()


@hookimpl
def zhengming_fast_track() -> FastTrack:
    return FastTrack(active=False, citations=sources.NO_FAST_TRACK)


@hookimpl
def zhengming_approval_route(case: ClarificationCase) -> Approval:
    handling = case.handling
    return Approval(
        implementers=(OrganAtLevel(organ=handling.organ, level=handling.level),),
        steps=(
            Step(role=Role.HANDLING_DEPARTMENT, action=StepAction.PROPOSE),
            HEAD_STEP.get(handling.organ, AGENCY_HEAD_APPROVES),
        ),
        citations=sources.PRINCIPLES,
    )


@hookimpl
def zhengming_clarification_methods() -> tuple[MethodOption, ...]:
    return BASELINE_METHODS


@hookimpl
def zhengming_notifications() -> tuple[Notification, ...]:
    # The written clarification (书面澄清) is delivered to the person cleared.
    return (Notification(recipient=Recipient.SUBJECT, citations=sources.METHODS),)


@hookimpl
def zhengming_revisit_policy() -> Revisit:
    return Revisit(required=False, citations=sources.NO_REVISIT)
