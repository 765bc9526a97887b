"""The figures of one case that the statistics count (one ``case_figures`` row per case).

A case concerns its subject; the intake-only ``concerns`` field (a list of ``{"kind": "person" |
"organization", "name": …}``) names anyone else the same case concerns — several cadres of one
fault-tolerance filing, a unit and its head clarified together. Only the counts are kept.
A false-accusation case counts its accusers (``accuser.count``, v1.1).

The report counts a case on one day (``counted_on``): a clarification case on its first clarification,
under each method it was clarified by (``methods``), any other case on its decision. The clarification
action keeps both up to date (:func:`with_clarification`) in the transaction that records it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from ..errors import InvalidDocument, Problem
from ..i18n import Message

CONCERNS_FIELD = "concerns"


def split_concerns(intake: Any) -> tuple[Any, list[dict[str, Any]]]:
    """The intake document without ``concerns``, and the concerns (checked: kind and name)."""
    if not isinstance(intake, dict) or CONCERNS_FIELD not in intake:
        return intake, []
    concerns = intake[CONCERNS_FIELD] or []
    problems = []
    if not isinstance(concerns, list):
        problems.append(Problem("/concerns", Message("must be an array")))
    else:
        for n, item in enumerate(concerns):
            if not isinstance(item, dict) or item.get("kind") not in ("person", "organization"):
                problems.append(Problem(f"/concerns/{n}/kind", Message("must be person or organization")))
    if problems:
        raise InvalidDocument(problems)
    return {k: v for k, v in intake.items() if k != CONCERNS_FIELD}, concerns


def _subject(kind: str, document: Mapping[str, Any]) -> Mapping[str, Any] | None:
    if kind == "fault_tolerance":
        return (document.get("filing") or {}).get("subject")
    return document.get("subject")


def figures_of(
    kind: str,
    jurisdiction: str,
    as_of: date,
    outcome: str,
    document: Mapping[str, Any],
    decision: Mapping[str, Any],
    concerns: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """The ``case_figures`` columns (all but ``case_pk``) of a case."""
    if isinstance(as_of, str):
        as_of = date.fromisoformat(as_of)
    parties = [p for p in (_subject(kind, document), *concerns) if p]
    persons = sum(1 for p in parties if p.get("kind", "person") == "person")
    units = sum(1 for p in parties if p.get("kind") == "organization")
    if kind == "false_accusation":
        persons, units = int((document.get("accuser") or {}).get("count", 1)), 0
    return {
        "kind": kind,
        "jurisdiction": jurisdiction,
        "decided_on": as_of,
        "outcome": outcome,
        "classification": decision.get("classification") if kind == "false_accusation" else None,
        "persons": persons,
        "units": units,
        "counted_on": None if kind == "clarification" else as_of,  # a clarification counts once carried out
        "methods": None,
    }


METHOD_SEPARATOR = ","


def method_list(methods: str | None) -> list[str]:
    """The methods of a ``methods`` column (sorted; empty for ``None``)."""
    return methods.split(METHOD_SEPARATOR) if methods else []


def with_clarification(counted_on: date | None, methods: str | None, method: str, on: date) -> tuple[date, str]:
    """``counted_on`` and ``methods`` of a case once it is (also) clarified by ``method`` on ``on``: the
    first clarification's day, and every method it was clarified by."""
    first = on if counted_on is None else min(counted_on, on)
    return first, METHOD_SEPARATOR.join(sorted({*method_list(methods), method}))
