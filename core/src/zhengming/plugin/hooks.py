"""The typed facade the engine calls hooks through.

Core code never calls ``pm.hook.x(...)``: each hook has one typed method here, and every method goes
through :meth:`ChainHooks.ask`, which resolves the hook with the chain's
:class:`~zhengming.plugin.plan.ResolutionPlan` and keeps the :class:`~zhengming.plugin.plan.Resolved`
record. One facade serves one evaluation (cheap to build); the plan behind it is built once per chain.
The records give exact blame to the guard and to errors, and are what ``explain`` shows: the engine
and ``explain`` run the same plan.
"""

from __future__ import annotations

from typing import Any

from ..errors import PluginError
from ..model import (
    AccountabilityAssessment,
    AccountabilityCase,
    Approval,
    ClarificationCase,
    Deadline,
    DisciplinedRevisitCase,
    DisciplinedRevisitPlan,
    FalseAccusationAssessment,
    FalseAccusationCase,
    FastTrack,
    FaultToleranceAssessment,
    FaultToleranceCase,
    LetterTemplate,
    MethodOption,
    Notification,
    ReporterTracing,
    Revisit,
    Trigger,
)
from .context import EvaluationContext
from .markers import Combine
from .plan import Implementation, ResolutionPlan, Resolved, new_plugin_manager
from .specs import CHAIN_HOOKS, SPECS

HOOK_SPECS = {name: spec.function for name, spec in SPECS.items()}

__all__ = [
    "CHAIN_HOOKS",
    "HOOK_SPECS",
    "ChainHooks",
    "Implementation",
    "ResolutionPlan",
    "Resolved",
    "combine_mode",
    "new_plugin_manager",
]


def combine_mode(hook: str) -> Combine:
    return SPECS[hook].combine


class ChainHooks:
    """Typed calls into one chain's plugins for one evaluation, remembering every resolution.

    :param plan: the chain's resolution plan.
    :param record: a list to append each :class:`Resolved` to, in the order asked (for ``explain``).
    """

    def __init__(self, plan: ResolutionPlan, record: list[Resolved] | None = None):
        self.plan = plan
        self.chain = plan.chain
        self.resolved: dict[str, Resolved] = {}
        self._record = record

    def implementations(self, hook: str) -> tuple[Implementation, ...]:
        """Who implements ``hook`` in this chain, most specific first."""
        return self.plan.implementations(hook)

    def ask(self, hook: str, **arguments: Any) -> Resolved:
        """Resolve ``hook`` along the chain; the one way every typed method calls plugins."""
        resolved = self.plan.resolve(hook, arguments)
        self.resolved[hook] = resolved
        if self._record is not None:
            self._record.append(resolved)
        return resolved

    # --- clarification --------------------------------------------------------------------

    def trigger(self, case: ClarificationCase, ctx: EvaluationContext) -> Trigger:
        return self.ask("zhengming_clarification_trigger", case=case, ctx=ctx).answer

    def deadline(self, case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext) -> Deadline:
        return self.ask("zhengming_clarification_deadline", case=case, trigger=trigger, ctx=ctx).answer

    def deadlines(self, case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext) -> tuple[Deadline, ...]:
        return self.ask("zhengming_clarification_deadlines", case=case, trigger=trigger, ctx=ctx).answer

    def fast_track(self, case: ClarificationCase, ctx: EvaluationContext) -> FastTrack:
        return self.ask("zhengming_fast_track", case=case, ctx=ctx).answer

    def approval(self, case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext) -> Approval:
        return self.ask("zhengming_approval_route", case=case, trigger=trigger, ctx=ctx).answer

    def methods(self, case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext) -> tuple[MethodOption, ...]:
        return self.ask("zhengming_clarification_methods", case=case, trigger=trigger, ctx=ctx).answer

    def notifications(
        self, case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext
    ) -> tuple[Notification, ...]:
        return self.ask("zhengming_notifications", case=case, trigger=trigger, ctx=ctx).answer

    def revisit(self, case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext) -> Revisit:
        return self.ask("zhengming_revisit_policy", case=case, trigger=trigger, ctx=ctx).answer

    # --- false accusation and fault tolerance -------------------------------------------------

    def false_accusation(self, case: FalseAccusationCase, ctx: EvaluationContext) -> FalseAccusationAssessment:
        return self.ask("zhengming_false_accusation", case=case, ctx=ctx).answer

    def reporter_tracing(
        self, case: FalseAccusationCase, assessment: FalseAccusationAssessment, ctx: EvaluationContext
    ) -> ReporterTracing:
        return self.ask("zhengming_reporter_tracing", case=case, assessment=assessment, ctx=ctx).answer

    def fault_tolerance(self, case: FaultToleranceCase, ctx: EvaluationContext) -> FaultToleranceAssessment:
        return self.ask("zhengming_fault_tolerance", case=case, ctx=ctx).answer

    # --- accountability and revisit education (v1.1) ------------------------------------------

    def accountability(self, case: AccountabilityCase, ctx: EvaluationContext) -> AccountabilityAssessment:
        return self.ask("zhengming_accountability", case=case, ctx=ctx).answer

    def disciplined_revisit(self, case: DisciplinedRevisitCase, ctx: EvaluationContext) -> DisciplinedRevisitPlan:
        return self.ask("zhengming_disciplined_revisit", case=case, ctx=ctx).answer

    # --- blame ------------------------------------------------------------------------------

    def blame(self, hook: str, item: Any = None) -> str:
        """The plugin whose answer (or adjustment, or merged ``item``) to ``hook`` stands."""
        resolved = self.resolved.get(hook)
        found = resolved.blame(item) if resolved else None
        return found or " or ".join(i.plugin for i in self.implementations(hook)) or "(none)"

    def fail(self, hook: str, message: str, item: Any = None) -> None:
        """Raise a :class:`PluginError` for an answer of ``hook`` that breaks the contract, naming the
        plugin whose answer stands."""
        raise PluginError(self.blame(hook, item), hook, message)

    def letter_template(self, kind: str, ctx: EvaluationContext) -> LetterTemplate | None:
        return self.ask("zhengming_letter_template", kind=kind, ctx=ctx).answer
