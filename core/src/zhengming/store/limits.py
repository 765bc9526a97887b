"""Field lengths are part of the store's contract: the same limits on SQLite and PostgreSQL.

The limits are the column types of :mod:`zhengming.store.models` (``String(100)``: at most 100
characters). SQLite would store a longer text and PostgreSQL refuse it with a driver error; both
would store or choke on a NUL character differently. So every text is checked before it is written,
here, and a refusal names the column and its limit (never the value).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import String, Table, event
from sqlalchemy.orm import Session, sessionmaker

from ..errors import ZhengmingError
from ..i18n import Message
from ..model import Text


class FieldTooLong(ZhengmingError):
    """A text breaks the store's contract: longer than its column allows, or holding a NUL character."""

    def __init__(self, field: str, message: Text):
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message.en}")


def text_limits(table: Table) -> dict[str, int | None]:
    """``{column: maximum length or None}`` for every text column of ``table``."""
    return {c.name: c.type.length for c in table.columns if isinstance(c.type, String)}


def value_problem(value: Any, limit: int | None) -> Text | None:
    """What is wrong with ``value`` for a text column of ``limit`` characters (``None``: nothing)."""
    if not isinstance(value, str):
        return None
    if limit is not None and len(value) > limit:
        return Message("longer than {limit} characters (the store's limit)", limit=limit)
    if "\x00" in value:
        return Message("holds a NUL character, which cannot be stored")
    return None


def row_problems(table: Table, row: Mapping[str, Any]) -> list[tuple[str, Text]]:
    """``(column, problem)`` for each text of ``row`` that ``table`` cannot hold."""
    found = []
    limits = _limits(table)
    for column, value in row.items():  # the row's own values: an update names only what it changes
        if column in limits and isinstance(value, str):
            problem = value_problem(value, limits[column])
            if problem is not None:
                found.append((column, problem))
    return sorted(found, key=lambda each: _order(table)[each[0]]) if len(found) > 1 else found


def _order(table: Table) -> dict[str, int]:
    """The place of each column in ``table`` (problems are named in that order)."""
    return {name: index for index, name in enumerate(_limits(table))}


# Columns filled from an intake document are named by the document's JSON pointer.
DOCUMENT_FIELDS = {"cases.case_id": "/case_id", "cases.jurisdiction": "/jurisdiction", "cases.kind": "/kind"}


def field_name(table: Table, column: str) -> str:
    name = f"{table.name}.{column}"
    return DOCUMENT_FIELDS.get(name, name)


def document_problems(document: Mapping[str, Any]) -> list[tuple[str, Text]]:
    """``(JSON pointer, problem)`` for each field of an intake document stored in a text column that
    the column cannot hold (checked before anything is looked up or written)."""
    from .models import CaseRecord

    table = CaseRecord.__table__
    limits = _limits(table)
    found = []
    for name, pointer in DOCUMENT_FIELDS.items():
        column = name.split(".", 1)[1]
        problem = value_problem(document.get(pointer[1:]), limits[column])
        if problem is not None:
            found.append((pointer, problem))
    return found


def check_rows(table: Table, rows: Iterable[Mapping[str, Any]]) -> None:
    """Raise :class:`FieldTooLong` for the first text of ``rows`` that ``table`` cannot hold."""
    for row in rows:
        for column, problem in row_problems(table, row):
            raise FieldTooLong(field_name(table, column), problem)


def check_field(field: str, value: Any, limit: int | None) -> None:
    """Raise :class:`FieldTooLong` naming ``field`` (an option or pointer) when ``value`` cannot be stored."""
    problem = value_problem(value, limit)
    if problem is not None:
        raise FieldTooLong(field, problem)


_CACHE: dict[Table, dict[str, int | None]] = {}


def _limits(table: Table) -> dict[str, int | None]:
    found = _CACHE.get(table)
    if found is None:
        found = _CACHE[table] = text_limits(table)
    return found


def _check_flush(session: Session, _context: Any, _instances: Any) -> None:
    for instance in (*session.new, *session.dirty):
        table = getattr(type(instance), "__table__", None)
        if isinstance(table, Table):
            check_rows(table, [{c: getattr(instance, c, None) for c in _limits(table)}])


def guard(sessions: sessionmaker) -> None:
    """Check every text of every object before ``sessions`` flush it."""
    event.listen(sessions, "before_flush", _check_flush)
