"""Checking documents against the interchange schemas.

Valid cases take a fast path (a validator generated from the schema); a rejected case is checked
again by jsonschema to list every problem with its JSON pointer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import InvalidDocument, Problem
from ..model import Text
from .schemas import DECISION_SCHEMA, schema_dir


def check_case(document: Any) -> None:
    """Raise :class:`InvalidDocument` listing every problem when ``document`` is not a valid case."""
    from ._case_fast import JsonSchemaValueException, validate

    try:
        validate(document)
    except JsonSchemaValueException:
        from .full import problems

        raise InvalidDocument(problems(document) or [Problem("", Text("文档无效", "invalid document"))]) from None
    duplicates = _duplicate_allegation_ids(document)
    if duplicates:
        raise InvalidDocument(duplicates)


def check_decision(document: Any) -> None:
    """Raise :class:`InvalidDocument` when ``document`` is not a valid decision document."""
    from .full import problems

    found = problems(document, DECISION_SCHEMA)
    if found:
        raise InvalidDocument(found)


def _duplicate_allegation_ids(document: Mapping[str, Any]) -> list[Problem]:
    seen: set[str] = set()
    found = []
    for index, allegation in enumerate(document.get("allegations", ())):
        if allegation["id"] in seen:
            found.append(
                Problem(
                    f"/allegations/{index}/id",
                    Text(f"问题编号 {allegation['id']!r} 重复", f"duplicate allegation id {allegation['id']!r}"),
                )
            )
        seen.add(allegation["id"])
    return found


__all__ = ["check_case", "check_decision", "schema_dir"]
