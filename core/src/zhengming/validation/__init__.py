"""Checking documents against the interchange schemas.

Valid cases take a fast path (a validator generated from the schema); a rejected case is checked
again by jsonschema to list every problem with its JSON pointer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from importlib import import_module
from typing import Any

from ..boundary.problems import capped
from ..errors import InvalidDocument, Problem
from ..i18n import Message
from ..model import CaseKind, Text
from .schemas import DECISION_SCHEMA, schema_dir


def check_case(document: Any) -> None:
    """Raise :class:`InvalidDocument` listing every problem when ``document`` is not a valid case."""
    from fastjsonschema import JsonSchemaValueException

    kind = document.get("kind", "clarification") if isinstance(document, dict) else None
    # kind is checked before any lookup: a list or object (unhashable) or an unknown text never reaches the
    # cached validator table, so hostile kinds neither crash nor grow it; the full check explains them.
    fast = _fast_validator(kind) if isinstance(kind, str) and kind in CaseKind._value2member_map_ else None
    try:
        if fast is None:
            raise JsonSchemaValueException("not a known kind of case")
        fast(document)
    except JsonSchemaValueException:
        from .full import problems

        raise InvalidDocument(capped(problems(document)) or [Problem("", Message("invalid document"))]) from None
    duplicates = _duplicate_allegation_ids(document)
    if duplicates:
        raise InvalidDocument(capped(duplicates))


@cache
def _fast_validator(kind: object) -> Callable[[Any], Any] | None:
    """The generated validator of one case kind (``None`` for anything else: the full check explains)."""
    if kind not in CaseKind._value2member_map_:
        return None
    return import_module(f"{__name__}._fast_{kind}").validate


def check_decision(document: Any) -> None:
    """Raise :class:`InvalidDocument` when ``document`` is not a valid decision document."""
    from fastjsonschema import JsonSchemaValueException

    from ._fast_decision import validate

    try:
        validate(document)
    except JsonSchemaValueException:
        from .full import problems

        raise InvalidDocument(
            capped(problems(document, DECISION_SCHEMA)) or [Problem("", Message("invalid document"))]
        ) from None


def _duplicate_allegation_ids(document: Mapping[str, Any]) -> list[Problem]:
    seen: set[str] = set()
    found = []
    for index, allegation in enumerate(document.get("allegations", ())):
        if allegation["id"] in seen:
            found.append(
                Problem(
                    f"/allegations/{index}/id",
                    Message("duplicate allegation id {id!r}", id=allegation["id"]),
                )
            )
        seen.add(allegation["id"])
    return found


__all__ = ["check_case", "check_decision", "schema_dir"]
