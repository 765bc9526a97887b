"""Why a decision came out as it did: for each hook asked, which plugin of the chain answered,
what it said, and its citation (a trace in the manner of Catala's)."""

from __future__ import annotations

from datetime import date
from typing import Any

from .model import CaseKind, ClarificationCase, FalseAccusationCase, case_from_document, to_document
from .plugin.hooks import Trace
from .plugin.registry import JurisdictionRegistry
from .validation import check_case
from .validation.local import check_local

# The one hook that answers each kind of case other than clarification and false accusation.
KIND_HOOK = {
    CaseKind.FAULT_TOLERANCE: "zhengming_fault_tolerance",
    CaseKind.ACCOUNTABILITY: "zhengming_accountability",
    CaseKind.DISCIPLINED_REVISIT: "zhengming_disciplined_revisit",
}


def explain(
    registry: JurisdictionRegistry, document: Any, *, as_of: date | None = None, today: date | None = None
) -> tuple[tuple[str, ...], list[Trace]]:
    """The chain consulted and one :class:`Trace` per hook the engine asks for this case."""
    check_case(document)
    if as_of is not None:
        document = {**document, "as_of": as_of.isoformat()}
    case = case_from_document(document, today=today or date.today())
    resolution = registry.resolve(case.jurisdiction, case.as_of)
    check_local(case.local, registry.local_schemas(case.jurisdiction))
    hooks = registry.hooks(resolution.chain)
    ctx = registry.context(resolution, case.as_of)
    if isinstance(case, FalseAccusationCase):
        assessment = hooks.trace("zhengming_false_accusation", case=case, ctx=ctx)
        tracing = hooks.trace("zhengming_reporter_tracing", case=case, assessment=assessment.answer, ctx=ctx)
        return resolution.chain, [assessment, tracing]
    if not isinstance(case, ClarificationCase):
        return resolution.chain, [hooks.trace(KIND_HOOK[case.kind], case=case, ctx=ctx)]
    trigger = hooks.trace("zhengming_clarification_trigger", case=case, ctx=ctx)
    asked = ["zhengming_fast_track", "zhengming_clarification_deadline"]
    if trigger.answer.clarifies:
        asked += [
            "zhengming_approval_route",
            "zhengming_clarification_methods",
            "zhengming_notifications",
            "zhengming_revisit_policy",
        ]
    arguments = {"case": case, "ctx": ctx, "trigger": trigger.answer}
    return resolution.chain, [trigger, *(hooks.trace(h, **arguments) for h in asked)]


def trace_document(trace: Trace, lang: str = "zh") -> dict[str, Any]:
    return {
        "hook": trace.hook,
        "answered_by": list(trace.answered_by),
        "adjusted_by": list(trace.adjusted_by),
        "answer": to_document(trace.answer, lang),
    }
