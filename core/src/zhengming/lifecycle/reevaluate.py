"""``case reevaluate``: what the rules installed today would decide for a stored case, and what differs.

The stored decision, its chain, plugin versions and rules fingerprint are what the case was decided by
(its pin). The case document is evaluated again with the installed plugins — as of the case's own
date unless another is given — and every difference is listed by JSON pointer. Nothing is written.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..engine import Engine
from ..model import localized, to_document
from ..store import Store
from .actions import load_case
from .pinning import pin


def differences(old: Any, new: Any, at: str = "") -> list[dict[str, Any]]:
    """Every place where ``new`` differs from ``old``, as ``{pointer, before, after}``, in the order of
    ``new``'s fields (then those it no longer has): a stored document's keys may come back sorted."""
    if isinstance(old, dict) and isinstance(new, dict):
        found = []
        for key in list(new) + [k for k in old if k not in new]:
            pointer = f"{at}/{key}"
            if key not in new:
                found.append({"pointer": pointer, "before": old[key], "after": None})
            elif key not in old:
                found.append({"pointer": pointer, "before": None, "after": new[key]})
            else:
                found += differences(old[key], new[key], pointer)
        return found
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [d for n, (a, b) in enumerate(zip(old, new, strict=True)) for d in differences(a, b, f"{at}/{n}")]
    return [] if old == new else [{"pointer": at or "/", "before": old, "after": new}]


def reevaluate(
    store: Store, engine: Engine, case_id: str, *, as_of: date | None = None, lang: str = "zh"
) -> dict[str, Any]:
    with store.transaction() as session:
        case = load_case(session, case_id)
        document, stored = case.document, case.decision
        pinned = {
            "chain": case.chain,
            "plugin_versions": case.plugin_versions,
            "rules_fingerprint": case.rules_fingerprint,
        }
    decision = to_document(engine.evaluate_document(document, as_of=as_of), lang)
    stored = localized(stored, lang)  # kept in both languages (or, before that, in Chinese)
    now = pin(engine.registry, tuple(decision["chain"]))
    current = {"chain": list(now.chain), "plugin_versions": now.versions, "rules_fingerprint": now.fingerprint}
    changes = differences(stored, decision)
    return {
        "case_id": case_id,
        "as_of": decision["as_of"],
        "pinned": pinned,
        "current": current,
        "rules_changed": pinned != current,
        "decision_changed": bool(changes),
        "differences": changes,
        "decision": decision,
    }
