"""Row digests: what the audit chain says each tracked row holds, so a row edited, inserted or deleted
behind the application's back is found (``zhengming audit verify``) and refused before anyone acts on it.

Each event that writes a row records, in ``after.rows``, keyed digests of the row as written
(HMAC-SHA256 under the audit key, over the SHA-256 of each column's canonical JSON) and one digest of the
whole row (``"_"``). A new row's event records every column; an update may record only the columns whose
digest it changed, with the whole row's: what the chain says of a row's columns is then its events' maps
laid over one another in order (:func:`recorded_digests`). A row is named ``<table>/<key>``: cases by
``case_id``, every other table by ``id``. The digests reveal nothing without the key, and cannot be
forged without it.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from .models import (
    ApiToken,
    Approval,
    CaseRecord,
    Clarification,
    Consent,
    NotificationRecord,
    ReporterFeedback,
    RevealRequest,
    RevisitRecord,
    User,
)

TRACKED: dict[str, Table] = {
    model.__tablename__: model.__table__
    for model in (
        CaseRecord,
        Approval,
        Consent,
        Clarification,
        NotificationRecord,
        RevisitRecord,
        User,
        ApiToken,
        RevealRequest,
        ReporterFeedback,
    )
}
WHOLE = "_"  # the digest of the whole row
DIGEST_HEX = 20
# Columns added after rows were first digested: left out of a row's digests while NULL, so rows
# recorded before they existed still verify; once set, they are digested like any other column.
LATE_COLUMNS: dict[str, frozenset[str]] = {"approvals": frozenset({"given_on", "superseded_at"})}


def plain(value: Any) -> Any:
    """A column value as digested: times as naive UTC ISO text, dates as ISO text, bytes by SHA-256."""
    return _plain(value)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    return value


# One encoder for every digest (json.dumps with options builds a new one per call).
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain)


def prehash(value: Any) -> str:
    """SHA-256 of a column value's canonical JSON (no key needed: import workers compute it)."""
    return hashlib.sha256(canonical_text(value).encode()).hexdigest()


def canonical_text(value: Any) -> str:
    """A value's canonical JSON (sorted keys, no spaces, not ASCII-escaped), as digests hash it."""
    kind = type(value)
    if kind is datetime or kind is date:  # ISO text needs no escaping: what the encoder would write
        return f'"{_plain(value)}"'
    if kind is int:
        return str(value)
    if value is None:
        return "null"
    return _CANONICAL.encode(_plain(value))


def prehash_canonical(text: str, value: Any = None) -> str:
    """:func:`prehash` of the value whose :func:`canonical_text` is ``text``."""
    return hashlib.sha256(text.encode()).hexdigest()


def _mac(key: bytes, text: str) -> str:
    mac = _keyed(key).copy()  # the key's HMAC state set up once, copied: half the time of hmac.digest
    mac.update(text.encode())
    return mac.hexdigest()[:DIGEST_HEX]


@functools.lru_cache(maxsize=16)
def _keyed(key: bytes) -> hmac.HMAC:
    return hmac.new(key, digestmod=hashlib.sha256)


def row_name(table: str, values: Mapping[str, Any]) -> str:
    return f"{table}/{values['case_id'] if table == 'cases' else values['id']}"


def table_of(name: str) -> str:
    """The table of a row named by :func:`row_name`."""
    return name.split("/", 1)[0]


def columns(table: str, values: Mapping[str, Any] | None = None) -> list[str]:
    """The digested columns (a case's surrogate ``id`` is not: cases are named by ``case_id``); with
    ``values``, without the :data:`LATE_COLUMNS` that are NULL in them."""
    found = _COLUMNS.get(table)
    if found is None:
        found = _COLUMNS[table] = [c.name for c in TRACKED[table].columns if not (table == "cases" and c.name == "id")]
    late = LATE_COLUMNS.get(table) if values is not None else None
    if late:
        return [name for name in found if not (name in late and values.get(name) is None)]
    return found


_COLUMNS: dict[str, list[str]] = {}


def row_digests(
    key: bytes,
    table: str,
    values: Mapping[str, Any],
    prehashed: Mapping[str, str] | None = None,
    known: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The digest of each column and of the whole row (``"_"``); ``known``: column digests computed
    already under ``key`` for the same values (a row digested before a change that left them)."""
    prehashed = prehashed or {}
    names = columns(table, values)
    if known:  # most columns unchanged: computed only for the others
        digests = {name: known[name] for name in known.keys() & names}
        missing = [name for name in names if name not in digests]
    else:
        digests, missing = {}, names
    for name in missing:
        ready = prehashed.get(name)
        digests[name] = (
            _mac(key, f"{table}.{name}:{ready}") if ready else _column_digest(key, table, name, values[name])
        )
    order = _sorted(table) if len(names) == len(columns(table)) else sorted(names)
    digests[WHOLE] = _mac(key, table + ":" + ",".join(digests[name] for name in order))
    return digests


_SIMPLE = frozenset({str, int, bool, type(None)})
_BY_VALUE: dict[tuple[Any, ...], str] = {}
_BY_VALUE_LIMIT = 16384


def _column_digest(key: bytes, table: str, name: str, value: Any) -> str:
    """The digest of one column's value; short plain values (a role, a state, a step index, a name)
    recur from row to row, and their digests are remembered by key, column, type and value."""
    kind = type(value)
    if kind not in _SIMPLE or (kind is str and len(value) > 200):
        return _mac(key, f"{table}.{name}:{prehash(value)}")
    remembered = (key, table, name, kind, value)
    found = _BY_VALUE.get(remembered)
    if found is None:
        if len(_BY_VALUE) >= _BY_VALUE_LIMIT:
            _BY_VALUE.clear()
        found = _BY_VALUE[remembered] = _mac(key, f"{table}.{name}:{prehash(value)}")
    return found


_SORTED: dict[str, list[str]] = {}


def _sorted(table: str) -> list[str]:
    """The digested columns of ``table`` in the order the whole row's digest takes them."""
    found = _SORTED.get(table)
    if found is None:
        found = _SORTED[table] = sorted(columns(table))
    return found


def orm_values(obj: Any) -> tuple[str, dict[str, Any]]:
    table = obj.__table__.name
    return table, {c.name: getattr(obj, c.key) for c in obj.__table__.columns}


def tracked(obj: Any) -> bool:
    return getattr(getattr(obj, "__table__", None), "name", None) in TRACKED


CACHE = "_zhengming_prehash"


def object_digests(key: bytes, obj: Any) -> tuple[str, dict[str, str]]:
    """The row name and digests of an ORM object. The SHA-256 of a JSON column (a case's document and
    decision are large) is remembered on the object for as long as the column holds the same value
    object: a case is digested when checked and again after the action, which rarely replaces them."""
    table, values = orm_values(obj)
    cache = obj.__dict__.setdefault(CACHE, {})
    prehashed = {}
    for name, value in values.items():
        if isinstance(value, dict | list):
            hit = cache.get(name)
            if hit is None or hit[0] is not value:
                hit = cache[name] = (value, prehash(value))
            prehashed[name] = hit[1]
    return row_name(table, values), row_digests(key, table, values, prehashed)


def digests_of(key: bytes, objects: Iterable[Any]) -> dict[str, dict[str, str]]:
    """``after.rows`` for ORM objects just flushed."""
    return dict(object_digests(key, obj) for obj in objects)


def current_rows(session: Session, batch: int = 2000) -> Iterable[tuple[str, str, dict[str, Any]]]:
    """(table, row name, values) of every tracked row in the database."""
    for table_name, table in TRACKED.items():
        result = session.execute(select(table).execution_options(yield_per=batch)).mappings()
        for values in result:
            yield table_name, row_name(table_name, values), dict(values)


def recorded_digests(table: str, maps: Iterable[tuple[str | None, Mapping[str, str]]]) -> dict[str, str]:
    """The column digests the chain records for one row of ``table``: the ``(key id, digests)`` of the
    events naming it, in chain order, each laid over the ones before. A map naming every column, or one
    under another key than the map before it (a writer records every column then), starts afresh."""
    found: dict[str, str] = {}
    key_id: str | None = None
    for event_key, digests in maps:
        if event_key != key_id or complete(table, digests):
            found = {}
        found.update(digests)
        key_id = event_key
    return found


def complete(table: str, digests: Mapping[str, str]) -> bool:
    """Whether ``digests`` names every column of a row of ``table`` (the :data:`LATE_COLUMNS` aside)."""
    late = LATE_COLUMNS.get(table, frozenset())
    return all(name in digests for name in columns(table) if name not in late)


def differing_columns(
    key: bytes, table: str, values: Mapping[str, Any], recorded: Mapping[str, str], now: Mapping[str, str] | None = None
) -> list[str]:
    """The columns of a row whose digest differs from the recorded one (``now``: its digests, if known)."""
    now = now or row_digests(key, table, values)
    names = [name for name in columns(table) if name in now or name in recorded]
    return [name for name in names if recorded.get(name) != now.get(name)]


_BY_TEXT: dict[str, str] = {}
_BY_TEXT_LIMIT = 1024


def prehash_text(text: str, value: Any) -> str:
    """:func:`prehash` of ``value``, the JSON document ``text`` as stored, remembered by that text: a
    case's document and decision are digested whenever it is acted on and rarely change. Keyed by the
    stored text itself, so a row edited in the database is digested afresh."""
    found = _BY_TEXT.get(text)
    if found is None:
        if len(_BY_TEXT) >= _BY_TEXT_LIMIT:
            _BY_TEXT.clear()
        found = _BY_TEXT[text] = prehash(value)
    return found
