"""Why a decision came out as it did: for each hook the engine asked, which plugin of the chain
answered, who adjusted the answer, what it said, and its citations (a trace in Catala's manner).

``explain`` runs the engine itself with a record of its resolutions: the hooks shown are exactly the
ones the engine asked, resolved by the same plan, and a plugin error is the engine's
(:class:`~zhengming.errors.PluginError`, named as ``evaluate`` names it).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from .clock import office_today
from .engine import Engine
from .model import Decision, case_from_document, to_document
from .plugin.plan import Resolved
from .plugin.registry import JurisdictionRegistry
from .validation import check_case


@attrs.frozen
class Explanation:
    chain: tuple[str, ...]
    steps: tuple[Resolved, ...]
    decision: Decision


def explain(
    registry: JurisdictionRegistry, document: Any, *, as_of: date | None = None, today: date | None = None
) -> Explanation:
    """Evaluate ``document`` and return the chain, each hook's resolution in the order asked, and the decision.

    :raises InvalidDocument, UnknownJurisdiction, PluginError: as :meth:`Engine.evaluate_document`.
    """
    check_case(document)
    if as_of is not None:
        document = {**document, "as_of": as_of.isoformat()}
    case = case_from_document(document, today=today or office_today())
    steps: list[Resolved] = []
    decision = Engine(registry).evaluate(case, record=steps)
    return Explanation(chain=decision.chain, steps=tuple(steps), decision=decision)


def step_document(step: Resolved, lang: str = "zh") -> dict[str, Any]:
    """One hook's resolution as JSON: the answer is a list for sequence hooks, else an object."""
    return {
        "hook": step.hook,
        "answered_by": list(step.answered_by),
        "adjusted_by": list(step.adjusted_by),
        "answer": to_document(step.answer, lang),
    }
