"""Plugin managers and the typed facade the engine calls hooks through.

One :class:`ChainHooks` per jurisdiction chain (``core → … → leaf``), built once by the registry and
reused. Core code never calls ``pm.hook.x(...)`` directly: each hook has one typed method here,
which also checks the answer against the contract and names the plugin when something goes wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType
from typing import Any, TypeVar

import attrs
import pluggy

from ..errors import PluginError
from ..model import (
    AccountabilityAssessment,
    AccountabilityCase,
    Approval,
    Citation,
    ClarificationCase,
    Deadline,
    DisciplinedRevisitCase,
    DisciplinedRevisitPlan,
    FalseAccusationAssessment,
    FalseAccusationCase,
    FastTrack,
    FaultToleranceAssessment,
    FaultToleranceCase,
    MethodOption,
    Notification,
    Recipient,
    ReporterTracing,
    Revisit,
    Trigger,
)
from . import hookspecs
from .context import EvaluationContext
from .markers import PROJECT, Combine

HOOK_SPECS = {name: fn for name, fn in vars(hookspecs).items() if name.startswith("zhengming_") and callable(fn)}
CHAIN_HOOKS = tuple(name for name, fn in HOOK_SPECS.items() if fn.zhengming_combine is not Combine.OWN)

A = TypeVar("A")


def combine_mode(hook: str) -> Combine:
    return HOOK_SPECS[hook].zhengming_combine


def new_plugin_manager() -> pluggy.PluginManager:
    """A manager with zhengming's hook specs and no plugins (a factory: never a shared global)."""
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    return pm


@attrs.frozen
class Trace:
    """One hook's answer for one case: who answered, who adjusted it, and the answer."""

    hook: str
    answered_by: tuple[str, ...]
    adjusted_by: tuple[str, ...]
    answer: Any


@attrs.frozen
class Implementation:
    plugin: str
    wrapper: bool


class ChainHooks:
    """Typed calls into one chain's plugins.

    :param plugins: ``(id, plugin object)`` pairs, most general first (core first).
    """

    def __init__(self, plugins: Sequence[tuple[str, object]]):
        pm = new_plugin_manager()
        for name, plugin in plugins:
            pm.register(plugin, name=name)
        pm.check_pending()
        self.chain = tuple(name for name, _ in plugins)
        self._hook = pm.hook
        self._owners = {
            impl.function.__code__: impl.plugin_name
            for name in HOOK_SPECS
            for impl in getattr(pm.hook, name).get_hookimpls()
        }

    # --- introspection -------------------------------------------------------------------

    def implementations(self, hook: str) -> tuple[Implementation, ...]:
        """Who implements ``hook`` in this chain, in call order (most specific first)."""
        impls = getattr(self._hook, hook).get_hookimpls()
        return tuple(Implementation(i.plugin_name, bool(i.wrapper or i.hookwrapper)) for i in reversed(impls))

    def trace(self, hook: str, **kwargs: Any) -> Trace:
        """Who answered ``hook`` for these arguments, and who adjusted the answer (slow: for explain).

        Calls each implementation on its own, most specific first, as pluggy would; then the whole
        hook, so that wrappers that changed the answer are named.
        """
        caller = getattr(self._hook, hook)
        answered: list[tuple[str, Any]] = []
        for impl in reversed(caller.get_hookimpls()):
            if impl.wrapper or impl.hookwrapper:
                continue
            answer = impl.function(*(kwargs[name] for name in impl.argnames))
            if answer is not None:
                answered.append((impl.plugin_name, answer))
                if combine_mode(hook) is Combine.MOST_SPECIFIC:
                    break
        final = self._call(hook, **kwargs)
        inner = answered[0][1] if answered and combine_mode(hook) is Combine.MOST_SPECIFIC else final
        wrappers = tuple(i.plugin for i in self.implementations(hook) if i.wrapper)
        return Trace(
            hook=hook,
            answered_by=tuple(name for name, _ in answered),
            adjusted_by=wrappers if final != inner else (),
            answer=final,
        )

    # --- clarification --------------------------------------------------------------------

    def trigger(self, case: ClarificationCase, ctx: EvaluationContext) -> Trigger:
        return self._most_specific("zhengming_clarification_trigger", Trigger, case=case, ctx=ctx)

    def deadline(self, case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext) -> Deadline:
        return self._most_specific("zhengming_clarification_deadline", Deadline, case=case, trigger=trigger, ctx=ctx)

    def fast_track(self, case: ClarificationCase, ctx: EvaluationContext) -> FastTrack:
        return self._most_specific("zhengming_fast_track", FastTrack, case=case, ctx=ctx)

    def approval(self, case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext) -> Approval:
        return self._most_specific("zhengming_approval_route", Approval, case=case, trigger=trigger, ctx=ctx)

    def methods(self, case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext) -> tuple[MethodOption, ...]:
        hook = "zhengming_clarification_methods"
        answer = self._call(hook, case=case, trigger=trigger, ctx=ctx)
        return self._sequence_of(hook, MethodOption, answer)

    def notifications(
        self, case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext
    ) -> tuple[Notification, ...]:
        hook = "zhengming_notifications"
        cited: dict[Recipient, list[Citation]] = {}
        for answer in self._call(hook, case=case, trigger=trigger, ctx=ctx):  # most specific first
            for item in self._sequence_of(hook, Notification, answer):
                bucket = cited.setdefault(item.recipient, [])
                for citation in item.citations:
                    if citation not in bucket:
                        bucket.append(citation)
        return tuple(Notification(recipient=r, citations=tuple(cited[r])) for r in Recipient if r in cited)

    def revisit(self, case: ClarificationCase, trigger: Trigger, ctx: EvaluationContext) -> Revisit:
        return self._most_specific("zhengming_revisit_policy", Revisit, case=case, trigger=trigger, ctx=ctx)

    # --- false accusation and fault tolerance -------------------------------------------------

    def false_accusation(self, case: FalseAccusationCase, ctx: EvaluationContext) -> FalseAccusationAssessment:
        return self._most_specific("zhengming_false_accusation", FalseAccusationAssessment, case=case, ctx=ctx)

    def reporter_tracing(
        self, case: FalseAccusationCase, assessment: FalseAccusationAssessment, ctx: EvaluationContext
    ) -> ReporterTracing:
        return self._most_specific(
            "zhengming_reporter_tracing", ReporterTracing, case=case, assessment=assessment, ctx=ctx
        )

    def fault_tolerance(self, case: FaultToleranceCase, ctx: EvaluationContext) -> FaultToleranceAssessment:
        return self._most_specific("zhengming_fault_tolerance", FaultToleranceAssessment, case=case, ctx=ctx)

    # --- accountability and revisit education (v1.1) ------------------------------------------

    def accountability(self, case: AccountabilityCase, ctx: EvaluationContext) -> AccountabilityAssessment:
        return self._most_specific("zhengming_accountability", AccountabilityAssessment, case=case, ctx=ctx)

    def disciplined_revisit(self, case: DisciplinedRevisitCase, ctx: EvaluationContext) -> DisciplinedRevisitPlan:
        return self._most_specific("zhengming_disciplined_revisit", DisciplinedRevisitPlan, case=case, ctx=ctx)

    # --- machinery ------------------------------------------------------------------------

    def _call(self, hook: str, **kwargs: Any) -> Any:
        try:
            return getattr(self._hook, hook)(**kwargs)
        except Exception as exc:
            raise PluginError(self._blame(exc.__traceback__, hook), hook, f"{type(exc).__name__}: {exc}") from exc

    def _most_specific(self, hook: str, expected: type[A], **kwargs: Any) -> A:
        answer = self._call(hook, **kwargs)
        self._check(hook, expected, answer)
        return answer

    def _sequence_of(self, hook: str, expected: type[A], answer: Any) -> tuple[A, ...]:
        if answer is None:
            return ()
        if not isinstance(answer, (list, tuple)):
            self.fail(hook, f"answered {type(answer).__name__}, expected a sequence of {expected.__name__}")
        for item in answer:
            self._check(hook, expected, item)
        return tuple(answer)

    def _check(self, hook: str, expected: type, answer: Any) -> None:
        if not isinstance(answer, expected):
            self.fail(hook, f"answered {type(answer).__name__}, expected {expected.__name__}")

    def fail(self, hook: str, message: str) -> None:
        """Raise a :class:`PluginError` for an answer of ``hook`` that breaks the contract."""
        # Without a traceback we cannot tell which implementation answered: name the candidates.
        names = [i.plugin for i in self.implementations(hook)]
        raise PluginError(" or ".join(names) or "(none)", hook, message)

    def _blame(self, tb: TracebackType | None, hook: str) -> str:
        """The innermost hook implementation on the traceback: the plugin that raised."""
        culprit = None
        while tb is not None:
            culprit = self._owners.get(tb.tb_frame.f_code, culprit)
            tb = tb.tb_next
        return culprit or " or ".join(i.plugin for i in self.implementations(hook))
