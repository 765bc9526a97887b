"""The evaluation engine: a case document in, a decision out, every block cited.

The engine asks the jurisdiction chain's hooks through :class:`zhengming.plugin.hooks.ChainHooks`, guards
what no plugin may break (every answer cited; only untrue allegations clarified; nothing clarified
when the outcome does not clarify), and says in the reasons when rules fell back to a parent. The
conformance suite turns the guard off to report such answers as failed invariants instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import attrs

from .clock import office_today
from .errors import InvalidDocument
from .model import (
    AccountabilityCase,
    AccountabilityDecision,
    Approval,
    Case,
    ClarificationCase,
    ClarificationDecision,
    DeadlineAction,
    Decision,
    DisciplinedRevisitCase,
    DisciplinedRevisitDecision,
    FalseAccusationCase,
    FalseAccusationDecision,
    FaultToleranceCase,
    FaultToleranceDecision,
    Probation,
    Revisit,
    Text,
    Trigger,
    case_from_document,
)
from .plugin.context import EvaluationContext
from .plugin.hooks import ChainHooks
from .plugin.plan import Resolved
from .plugin.registry import JurisdictionRegistry, Resolution
from .rules.dates import add_months
from .rules.outcome_reasons import own_reasons
from .rules.unused_facts import unused_fact_reasons
from .validation import check_case
from .validation.claims import claimed_item_problems
from .validation.local import local_problems

TRIGGER_HOOK = "zhengming_clarification_trigger"


# The kinds one hook answers whole: (hook, decision class). The facade method is the hook's name
# without its prefix.
WHOLE_KIND_HOOKS: dict[type, tuple[str, type]] = {
    FaultToleranceCase: ("zhengming_fault_tolerance", FaultToleranceDecision),
    AccountabilityCase: ("zhengming_accountability", AccountabilityDecision),
    DisciplinedRevisitCase: ("zhengming_disciplined_revisit", DisciplinedRevisitDecision),
}


class Engine:
    """Evaluates cases against the jurisdictions of one registry (build once, reuse)."""

    def __init__(self, registry: JurisdictionRegistry, *, guard: bool = True):
        self.registry = registry
        self.guard = guard

    def evaluate_document(self, document: Any, *, as_of: date | None = None, today: date | None = None) -> Decision:
        """Validate an interchange case document and evaluate it.

        :param as_of: overrides the document's ``as_of``.
        :param today: the default ``as_of`` when the document has none (defaults to today).
        :raises InvalidDocument: the document breaks the contract (nothing is evaluated).
        :raises UnknownJurisdiction: the jurisdiction is not installed.
        :raises PluginError: a plugin raised or answered against the contract.
        """
        check_case(document)
        if as_of is not None:
            document = {**document, "as_of": as_of.isoformat()}
        return self.evaluate(case_from_document(document, today=today or office_today()))

    def evaluate(self, case: Case, *, record: list[Resolved] | None = None) -> Decision:
        """Evaluate a case; with ``record``, append each hook's :class:`Resolved` to it as it is asked
        (``explain`` shows exactly these). Raises :class:`InvalidDocument` when its ``local`` facts break the
        chain's schemas, or a filing claims an item its jurisdiction's positive list does not have."""
        resolution = self.registry.resolve(case.jurisdiction, case.as_of)
        self._check_against_jurisdiction(case)
        hooks = self.registry.hooks(resolution.chain, record)
        ctx = self.registry.context(resolution, case.as_of)
        if isinstance(case, ClarificationCase):
            return self._clarification(case, hooks, ctx, resolution)
        fallback = _fallback_reasons(resolution)
        if isinstance(case, FalseAccusationCase):
            answer = hooks.false_accusation(case, ctx)
            self._cited(hooks, "zhengming_false_accusation", (answer,))
            tracing = hooks.reporter_tracing(case, answer, ctx)
            self._cited(hooks, "zhengming_reporter_tracing", (tracing,))
            fields = _fields(answer)
            fields["reasons"] = own_reasons(case, answer) + tracing.reasons + fallback
            fields["citations"] = _joined(answer.citations, tracing.citations)
            return FalseAccusationDecision(**_head(case, ctx), may_trace_reporter=tracing.allowed, **fields)
        whole = WHOLE_KIND_HOOKS.get(type(case))
        if whole is not None:  # one hook answers the whole decision
            hook, decision_class = whole
            answer = getattr(hooks, hook.removeprefix("zhengming_"))(case, ctx)
            self._cited(hooks, hook, (answer,))
            fields = _fields(answer)
            fields["reasons"] = own_reasons(case, answer) + fallback
            if isinstance(case, AccountabilityCase):
                fields["probation"] = _probation_ending(answer.probation, case)
            return decision_class(**_head(case, ctx), **fields)
        raise TypeError(f"not a case: {type(case).__name__}")

    def _check_against_jurisdiction(self, case: Case) -> None:
        """The parts of a case only its jurisdiction can judge: ``local`` facts and claimed list items."""
        registry = self.registry
        found = local_problems(case.local, registry.local_schemas(case.jurisdiction)) if case.local else []
        if isinstance(case, FaultToleranceCase):
            items = registry.list_items(registry.lineage(case.jurisdiction))
            found += claimed_item_problems(case.filing.claimed_items, items, case.jurisdiction)
        if found:
            raise InvalidDocument(sorted(found, key=lambda p: p.pointer))

    def _clarification(
        self, case: ClarificationCase, hooks: ChainHooks, ctx: EvaluationContext, resolution: Resolution
    ) -> ClarificationDecision:
        trigger = hooks.trigger(case, ctx)
        fast_track = hooks.fast_track(case, ctx)
        deadline = hooks.deadline(case, trigger, ctx)
        more_deadlines = hooks.deadlines(case, trigger, ctx)
        if self.guard:
            _enforce_trigger(case, trigger, hooks)
            for hook, answer in (
                ("zhengming_clarification_trigger", trigger),
                ("zhengming_fast_track", fast_track),
                ("zhengming_clarification_deadline", deadline),
            ):
                self._cited(hooks, hook, (answer,))
            self._cited(hooks, "zhengming_clarification_deadlines", more_deadlines)
            for item in more_deadlines:
                if item.action == DeadlineAction.DECIDE_WHETHER_TO_START:
                    hooks.fail(
                        "zhengming_clarification_deadlines",
                        "answered decide_whether_to_start, which is zhengming_clarification_deadline's",
                        item=item,
                    )
        reasons = own_reasons(case, trigger) + _fallback_reasons(resolution)
        citations = trigger.citations
        if fast_track.active:  # the decision's fast_track is a bare bool: its reasons and basis join the trigger's
            reasons += fast_track.reasons
            citations += tuple(c for c in fast_track.citations if c not in citations)
        if trigger.clarifies:
            approval = hooks.approval(case, trigger, ctx)
            methods = hooks.methods(case, trigger, ctx)
            notifications = hooks.notifications(case, trigger, ctx)
            revisit = hooks.revisit(case, trigger, ctx)
            for hook, answers in (
                ("zhengming_approval_route", (approval,)),
                ("zhengming_clarification_methods", methods),
                ("zhengming_notifications", notifications),
                ("zhengming_revisit_policy", (revisit,)),
            ):
                self._cited(hooks, hook, answers)
        else:  # nothing to carry out: the blocks are empty and cite why
            approval = Approval(implementers=(), steps=(), citations=trigger.citations)
            methods, notifications = (), ()
            revisit = Revisit(required=False, citations=trigger.citations)
        deadline_set = deadline if deadline.due_on is not None else None
        return ClarificationDecision(
            **_head(case, ctx),
            reasons=reasons + unused_fact_reasons(case, trigger.outcome, fast_track.active),
            trigger=Trigger(
                outcome=trigger.outcome, allegations=trigger.allegations, reasons=reasons, citations=citations
            ),
            deadline=deadline_set,
            deadlines=((deadline_set,) if deadline_set else ()) + more_deadlines,
            fast_track=fast_track.active,
            approval=approval,
            methods=methods,
            notifications=notifications,
            revisit=revisit,
        )

    def _cited(self, hooks: ChainHooks, hook: str, answers: Any) -> None:
        for answer in answers if self.guard else ():
            if not answer.citations:
                hooks.fail(hook, f"answered {answer!r} without a citation", item=answer)


def _head(case: Case, ctx: EvaluationContext) -> dict[str, Any]:
    return {"jurisdiction": case.jurisdiction, "as_of": case.as_of, "case_id": case.case_id, "chain": ctx.chain}


def _fields(answer: Any) -> Mapping[str, Any]:
    return attrs.asdict(answer, recurse=False)


def _joined(first: tuple, second: tuple) -> tuple:
    return first + tuple(c for c in second if c not in first)


def _probation_ending(probation: Probation | None, case: AccountabilityCase) -> Probation | None:
    """``ends_on`` = the probation's start + ``max_months`` calendar months, when both are known."""
    started = case.probation.started_on
    if probation is None or started is None or probation.max_months is None:
        return probation
    return attrs.evolve(probation, ends_on=add_months(started, probation.max_months))


def _enforce_trigger(case: ClarificationCase, trigger: Trigger, hooks: ChainHooks) -> None:
    """Only untrue allegations are ever clarified, and only when the outcome clarifies."""
    untrue = set(case.untrue_allegations)
    wrong = [a for a in trigger.allegations if a not in untrue]
    if wrong:
        hooks.fail(TRIGGER_HOOK, f"would clarify allegations not found untrue: {', '.join(wrong)}")
    if trigger.allegations and not trigger.clarifies:
        hooks.fail(TRIGGER_HOOK, f"outcome {trigger.outcome} must not list allegations to clarify")


def _fallback_reasons(resolution: Resolution) -> tuple[Text, ...]:
    return tuple(
        Text(
            f"{info.names.zh}的规则自{info.effective_from.isoformat()}起施行，本案适用日期早于此，依上级规则处理",
            f"{info.names.en}'s rules apply from {info.effective_from.isoformat()}; this case is dated earlier, "
            "so the parent's rules apply",
        )
        for info in resolution.not_in_force
    )
