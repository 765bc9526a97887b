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

from .model import (
    Approval,
    Case,
    ClarificationCase,
    ClarificationDecision,
    Decision,
    FalseAccusationCase,
    FalseAccusationDecision,
    FaultToleranceCase,
    FaultToleranceDecision,
    Revisit,
    Text,
    Trigger,
    case_from_document,
)
from .plugin.context import EvaluationContext
from .plugin.hooks import ChainHooks
from .plugin.plan import Resolved
from .plugin.registry import JurisdictionRegistry, Resolution
from .validation import check_case

TRIGGER_HOOK = "zhengming_clarification_trigger"


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
        return self.evaluate(case_from_document(document, today=today or date.today()))

    def evaluate(self, case: Case, *, record: list[Resolved] | None = None) -> Decision:
        """Evaluate a case; with ``record``, append each hook's :class:`Resolved` to it as it is asked
        (``explain`` shows exactly these)."""
        resolution = self.registry.resolve(case.jurisdiction, case.as_of)
        hooks = self.registry.hooks(resolution.chain, record)
        ctx = self.registry.context(resolution, case.as_of)
        if isinstance(case, ClarificationCase):
            return self._clarification(case, hooks, ctx, resolution)
        if isinstance(case, FalseAccusationCase):
            answer = hooks.false_accusation(case, ctx)
            self._cited(hooks, "zhengming_false_accusation", (answer,))
            return FalseAccusationDecision(**_head(case, ctx), **_fields(answer))
        if isinstance(case, FaultToleranceCase):
            answer = hooks.fault_tolerance(case, ctx)
            self._cited(hooks, "zhengming_fault_tolerance", (answer,))
            return FaultToleranceDecision(**_head(case, ctx), **_fields(answer))
        raise TypeError(f"not a case: {type(case).__name__}")

    def _clarification(
        self, case: ClarificationCase, hooks: ChainHooks, ctx: EvaluationContext, resolution: Resolution
    ) -> ClarificationDecision:
        trigger = hooks.trigger(case, ctx)
        fast_track = hooks.fast_track(case, ctx)
        deadline = hooks.deadline(case, trigger, ctx)
        if self.guard:
            _enforce_trigger(case, trigger, hooks)
            for hook, answer in (
                ("zhengming_clarification_trigger", trigger),
                ("zhengming_fast_track", fast_track),
                ("zhengming_clarification_deadline", deadline),
            ):
                self._cited(hooks, hook, (answer,))
        reasons = trigger.reasons + _fallback_reasons(resolution)
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
        return ClarificationDecision(
            **_head(case, ctx),
            trigger=Trigger(
                outcome=trigger.outcome, allegations=trigger.allegations, reasons=reasons, citations=citations
            ),
            deadline=deadline if deadline.due_on is not None else None,
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
    import attrs

    return attrs.asdict(answer, recurse=False)


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
