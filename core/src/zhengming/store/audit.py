"""The append-only audit log, chained with a key kept outside the database.

Every event stores the hash of the one before it; its own ``hash`` is HMAC-SHA256, under the audit key
derived from the key (:mod:`.crypto`), over that previous hash and the event's canonical JSON, and it
records which key (``key_id``, the key's fingerprint). Whoever can write the database but does not hold
the key cannot forge, insert, reorder or re-chain events: a re-computed chain does not verify.

Events that write rows carry their keyed digests (:mod:`.integrity`), so :func:`verify` also checks the
current tables against the chain, and :func:`case_unexplained` lets an action refuse a case whose row
the chain does not explain. The ``key_binding`` row names the key's fingerprint: a different key is
refused with a clear message (:class:`KeyMismatch`) before anything is written.

Writers take the lock on the single ``audit_head`` row (an UPDATE, so it also locks on SQLite and
PostgreSQL alike) after their state change has been flushed, which keeps the chain linear.
Events written before this scheme (migration 0002) are plain SHA-256 and are named as such.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import attrs
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from ..i18n import Message
from . import integrity
from .crypto import Keyring, SealingKeyError
from .limits import check_rows
from .models import AuditEvent, AuditHead, KeyBinding
from .prepared import JSONText, Prepared

GENESIS = "0" * 64
HEAD_ID = 1
BINDING_ID = 1


class KeyMismatch(SealingKeyError):
    """The database is bound to another key than the one given."""

    def __init__(self, bound: str, given: str, source: str):
        self.bound, self.given = bound, given
        super().__init__(
            Message(
                "this database is bound to the key with fingerprint {bound}, but the key from {source} has "
                "fingerprint {given}: use the key this database was created with (ZHENGMING_KEY_FILE); "
                "nothing was written",
                bound=bound,
                source=source,
                given=given,
            )
        )


def now_text() -> str:
    """The current UTC time as stored in ``audit_events.at``."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def event_payload(event: dict[str, Any]) -> bytes:
    """The canonical bytes chained for one event (everything but the hashes themselves)."""
    names = ("seq", "at", "actor", "action", "case_id", "before", "after")
    if event.get("key_id"):
        names += ("key_id",)
    fields = {k: event[k] for k in names}
    return _CANONICAL.encode(fields).encode()


_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
# An event's value as canonical JSON text. Unlike integrity.canonical_text (a column's value, which may be
# a time or bytes), an event holds plain JSON only: anything else is an error, not converted.
event_text = _CANONICAL.encode


def payload_of_texts(event: dict[str, Any], before_text: str, after_text: str) -> bytes:
    """:func:`event_payload`, byte for byte, from the canonical texts of ``before`` and ``after``
    (:data:`event_text`), which are also what the event stores: each is encoded once. The keys
    are written in the order ``sort_keys`` puts them (action, actor, after, at, before, case_id,
    key_id, seq)."""
    text = event_text
    key_id = f',"key_id":{text(event["key_id"])}' if event.get("key_id") else ""
    return (
        f'{{"action":{text(event["action"])},"actor":{text(event["actor"])},"after":{after_text},'
        f'"at":{text(event["at"])},"before":{before_text},"case_id":{text(event["case_id"])}'
        f'{key_id},"seq":{text(event["seq"])}}}'
    ).encode()


def chain_hash(prev_hash: str, event: dict[str, Any], key: bytes | None = None, payload: bytes | None = None) -> str:
    """The hash of an event: keyed when ``key`` is given, plain SHA-256 for events from before keying.
    ``payload``: the event's :func:`event_payload`, when the caller has it already."""
    data = prev_hash.encode() + (payload if payload is not None else event_payload(event))
    if key is None:
        return hashlib.sha256(data).hexdigest()
    return hmac.digest(key, data, "sha256").hex()


def keyring_of(session: Session) -> Keyring:
    return session.info["store"].keyring


def _binding_mac(keyring: Keyring, row: Any, key_id: str | None = None) -> str:
    key = keyring.audit_key(key_id)
    text = f"binding:{row.fingerprint}:{row.legacy_upto}:{row.legacy_head}:{row.bound_at}"
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def ensure_binding(session: Session) -> None:
    """Bind the database to the key on first use; refuse a different key (:class:`KeyMismatch`)."""
    store = session.info["store"]
    if store.bound:
        return
    keyring = store.keyring
    row = session.get(KeyBinding, BINDING_ID)
    if row is None:
        head = session.get(AuditHead, HEAD_ID)
        row = KeyBinding(
            id=BINDING_ID,
            fingerprint=keyring.fingerprint,
            legacy_upto=head.last_seq,
            legacy_head=head.last_hash,
            bound_at=now_text(),
            mac="",
        )
        row.mac = _binding_mac(keyring, row)
        session.add(row)
        session.flush()
    elif row.fingerprint != keyring.fingerprint:
        raise KeyMismatch(row.fingerprint, keyring.fingerprint, keyring.source)
    elif not hmac.compare_digest(row.mac, _binding_mac(keyring, row)):
        raise SealingKeyError(Message("the key binding of this database was altered (zhengming audit verify)"))
    store.bound = True


def check_key(store: Any) -> None:
    """Refuse, before anything else, a key other than the one the database is bound to."""
    with store.transaction() as session:
        row = session.get(KeyBinding, BINDING_ID)
    if row is not None and row.fingerprint != store.keyring.fingerprint:
        raise KeyMismatch(row.fingerprint, store.keyring.fingerprint, store.keyring.source)


def rebind(session: Session, old: Keyring, new: Keyring) -> None:
    """After a key rotation: the binding names the new key (its legacy part unchanged)."""
    row = session.get(KeyBinding, BINDING_ID)
    if row.fingerprint != old.fingerprint:
        raise KeyMismatch(row.fingerprint, old.fingerprint, old.source)
    row.fingerprint = new.fingerprint
    row.mac = _binding_mac(new, row)
    session.flush()
    session.info["store"].keyring = new
    session.info["store"].bound = True


def append(
    session: Session,
    *,
    actor: str,
    action: str,
    case_id: str | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    at: str | None = None,
    rows: Sequence[Any] = (),
) -> dict[str, Any]:
    """Append one event in the session's transaction (flush the state change first); ``rows``: the ORM
    objects it wrote, whose digests the event records."""
    event = {"at": at or now_text(), "actor": actor, "action": action, "case_id": case_id}
    return append_many(session, [event | {"before": before, "after": after, "rows": rows}])[0]


def append_many(session: Session, events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Append ``events`` (dicts with at, actor, action, case_id, before, after, and optionally ``rows``:
    ORM objects, or ``row_digests``: digests computed already) in order, in one go."""
    if not events:
        return []
    ensure_binding(session)
    return append_events(session, keyring_of(session), events)


def append_events(
    conn: Any, keyring: Keyring, events: Sequence[dict[str, Any]], *, head: tuple[int, str] | None = None
) -> list[dict[str, Any]]:
    """:func:`append_many` on a session or a Core connection whose store is bound to ``keyring``
    already (:func:`ensure_binding`).

    ``head``: the chain's head ``(last_seq, last_hash)`` as the caller read it earlier in its work. The
    events are then chained onto it and the head moved on in one statement that applies only if the
    head is still that one (which locks it, as the UPDATE below does); if another writer appended in
    between, the chain is extended from the head as it now is."""
    count = len(events)
    if head is not None:
        stored_rows = _chained(keyring, events, *head)
        moved = HEAD_MOVE.execute(
            conn,
            {
                "seen_seq": head[0],
                "seen_hash": head[1],
                "new_seq": head[0] + count,
                "new_hash": stored_rows[-1]["hash"],
            },
        ).rowcount
        if moved == 1:
            _insert_events(conn, stored_rows)
            return stored_rows
    row = HEAD_ADVANCE.first(conn, {"count": count})
    stored_rows = _chained(keyring, events, row["last_seq"] - count, row["last_hash"])
    _insert_events(conn, stored_rows)
    HEAD_SET.execute(conn, {"new_hash": stored_rows[-1]["hash"]})
    return stored_rows


def _insert_events(conn: Any, rows: list[dict[str, Any]]) -> None:
    _remember(rows)
    if len(rows) == 1:
        EVENT_INSERT.execute(conn, _bound(rows[0]))
    else:
        conn.execute(EVENT_INSERT.statement, [_bound(row) for row in rows])


def _bound(row: dict[str, Any]) -> dict[str, Any]:
    """An event's values as :data:`EVENT_INSERT` binds them: ``before`` and ``after`` as their text."""
    texts = row[STORED_TEXT]
    return {name: row[name] for name in _INSERTED} | {"before_text": texts[0], "after_text": texts[1]}


def _chained(keyring: Keyring, events: Sequence[dict[str, Any]], seq: int, prev: str) -> list[dict[str, Any]]:
    """The rows of ``events`` chained after the event ``seq`` whose hash is ``prev``."""
    key, key_id = keyring.audit_key(), keyring.key_id
    stored_rows = []
    for event in events:
        seq += 1
        written = event.get("rows")
        digests = dict(event.get("row_digests") or {})
        if written:
            digests |= integrity.digests_of(key, written)
        after = event.get("after")
        if digests:
            after = dict(after or {}) | {"rows": digests}
        stored = {k: event[k] for k in ("at", "actor", "action", "case_id", "before")}
        stored |= {"after": after, "seq": seq, "prev_hash": prev, "key_id": key_id}
        texts = stored[STORED_TEXT] = (event_text(stored["before"]), event_text(after))
        stored["hash"] = prev = chain_hash(prev, stored, key, payload_of_texts(stored, *texts))
        stored_rows.append(stored)
    check_rows(AuditEvent.__table__, stored_rows)
    return stored_rows


_WRITTEN: dict[int, tuple[Any, ...]] = {}
_WRITTEN_LIMIT = 4096
_SCALAR_FIELDS = ("at", "actor", "action", "case_id", "prev_hash", "key_id", "hash")
STORED_TEXT = "texts"  # in an event's values: its before and after as the database holds them


def _remember(rows: Sequence[dict[str, Any]]) -> None:
    """The events this process chained (and so computed the hash of), by sequence number: every column,
    the JSON ones as the text they are stored as (their canonical text), and the value of ``after``."""
    if len(_WRITTEN) >= _WRITTEN_LIMIT:
        _WRITTEN.clear()
    for row in rows:
        _WRITTEN[row["seq"]] = ((*(row[name] for name in _SCALAR_FIELDS), *row[STORED_TEXT]), row["after"])


def remembered(event: dict[str, Any]) -> bool:
    """Whether ``event`` (column values, ``before`` and ``after`` as the stored texts in
    ``event[STORED_TEXT]``) is one this process chained, the same in every column. Its hash was then
    computed here, and its ``after`` is filled in from memory when it was not read."""
    texts = event.get(STORED_TEXT)
    written = _WRITTEN.get(event["seq"]) if texts is not None else None
    if written is None or written[0] != (*(event[name] for name in _SCALAR_FIELDS), *texts):
        return False
    event.setdefault("after", written[1])
    return True


def _verified(event: dict[str, Any], key: bytes) -> bool:
    """Whether ``event``'s hash is its keyed hash: it is one this process chained (:func:`remembered`),
    or its hash is computed again (from ``before`` and ``after`` parsed from their text when not read)."""
    if remembered(event):
        return True
    texts = event.get(STORED_TEXT)
    if texts is not None:
        for name, text in zip(("before", "after"), texts, strict=True):
            if name not in event:
                event[name] = json.loads(text) if text is not None else None
    return hmac.compare_digest(chain_hash(event["prev_hash"], event, key), event["hash"])


_HEAD = AuditHead.__table__
HEAD_ADVANCE = Prepared(
    update(_HEAD)
    .where(_HEAD.c.id == HEAD_ID)
    .values(last_seq=_HEAD.c.last_seq + bindparam("count"))
    .returning(_HEAD.c.last_seq, _HEAD.c.last_hash)
)
HEAD_SET = Prepared(update(_HEAD).where(_HEAD.c.id == HEAD_ID).values(last_hash=bindparam("new_hash")))
# before and after are bound as the text they are stored as (computed once, with the hash)
_EVENTS = AuditEvent.__table__
_INSERTED = tuple(c.name for c in _EVENTS.columns if c.name not in ("id", "before", "after"))
EVENT_INSERT = Prepared(
    _EVENTS.insert().values(
        before=bindparam("before_text", type_=JSONText()), after=bindparam("after_text", type_=JSONText())
    )
)
HEAD_MOVE = Prepared(
    update(_HEAD)
    .where(
        _HEAD.c.id == HEAD_ID, _HEAD.c.last_seq == bindparam("seen_seq"), _HEAD.c.last_hash == bindparam("seen_hash")
    )
    .values(last_seq=bindparam("new_seq"), last_hash=bindparam("new_hash"))
)


@attrs.frozen
class AuditProblem:
    """What is wrong, in English identifiers: ``hash``, ``prev_hash``, ``gap``, ``head``, ``unkeyed``,
    ``unknown_key``, ``binding``, ``row_changed``, ``row_deleted``, ``row_unrecorded``."""

    seq: int | None
    problem: str
    row: str | None = None  # "<table>/<key>"
    columns: tuple[str, ...] = ()


@attrs.frozen
class Verification:
    events: int
    problems: tuple[AuditProblem, ...]
    legacy: int = 0  # events from before keying (plain SHA-256)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session, *, batch: int = 5000, tables: bool = True) -> Verification:
    """Recompute the keyed chain, then (``tables``) check every tracked row against its last event."""
    keyring = keyring_of(session)
    problems: list[AuditProblem] = []
    binding = session.get(KeyBinding, BINDING_ID)
    legacy_upto = 0
    if binding is not None:
        if binding.fingerprint != keyring.fingerprint:
            raise KeyMismatch(binding.fingerprint, keyring.fingerprint, keyring.source)
        legacy_upto = binding.legacy_upto
        if not hmac.compare_digest(binding.mac, _binding_mac(keyring, binding)):
            problems.append(AuditProblem(None, "binding"))
    expected: dict[str, tuple[int, str]] = {}  # row name -> (seq of its last event, key id)
    prev, expected_seq, count = GENESIS, 1, 0
    columns = AuditEvent.__table__.c
    result = session.execute(
        select(AuditEvent.__table__).order_by(columns.seq).execution_options(yield_per=batch)
    ).mappings()
    for row in result:
        count += 1
        seq = row["seq"]
        if seq != expected_seq:
            problems.append(AuditProblem(seq, "gap"))
        if row["prev_hash"] != prev:
            problems.append(AuditProblem(seq, "prev_hash"))
        key_id = row["key_id"]
        key = keyring.audit_key(key_id) if key_id else None
        if key_id is None and seq > legacy_upto:
            problems.append(AuditProblem(seq, "unkeyed"))
        elif key_id is not None and key is None:
            problems.append(AuditProblem(seq, "unknown_key"))
        elif not hmac.compare_digest(chain_hash(row["prev_hash"], dict(row), key), row["hash"]):
            problems.append(AuditProblem(seq, "hash"))
        elif key is not None:
            for name in ((row["after"] or {}).get("rows") or {}) if isinstance(row["after"], dict) else ():
                expected[name] = (seq, key_id)
        prev, expected_seq = row["hash"], seq + 1
    if count and binding is None:
        problems.append(AuditProblem(None, "binding"))
    head = session.get(AuditHead, HEAD_ID)
    if head is None or head.last_seq != expected_seq - 1 or head.last_hash != prev:
        problems.append(AuditProblem(None, "head"))
    if tables:
        problems.extend(_check_tables(session, keyring, expected, tolerate_unrecorded=legacy_upto > 0))
    return Verification(count, tuple(problems), min(legacy_upto, count))


def verify_store(store: Any) -> dict[str, Any]:
    """:func:`verify` over a whole store, as plain data (``audit verify --json`` and the HTTP API)."""
    with store.transaction() as session:
        result = verify(session)
    return {
        "ok": result.ok,
        "events": result.events,
        "legacy_events": result.legacy,
        "key": store.keyring.fingerprint,
        "problems": [
            {"seq": p.seq, "problem": p.problem, "row": p.row, "columns": list(p.columns)} for p in result.problems
        ],
    }


def _recorded(session: Session, seq: int, name: str) -> dict[str, str]:
    event = session.get(AuditEvent, seq)
    return ((event.after or {}).get("rows") or {}).get(name, {})


def _check_tables(
    session: Session, keyring: Keyring, expected: dict[str, tuple[int, str]], *, tolerate_unrecorded: bool
) -> Iterable[AuditProblem]:
    """Each tracked row as its last verified event recorded it; rows the chain never wrote; rows gone."""
    seen = set()
    found = []
    changed: dict[str, tuple[str, dict[str, Any], bytes]] = {}  # row name -> (table, values, key)
    for table, name, values in list(integrity.current_rows(session)):
        seen.add(name)
        if name not in expected:
            if not tolerate_unrecorded:
                found.append(AuditProblem(None, "row_unrecorded", name))
            continue
        seq, key_id = expected[name]
        key = keyring.audit_key(key_id)
        if integrity.row_digests(key, table, values)[integrity.WHOLE] != _recorded(session, seq, name).get(
            integrity.WHOLE
        ):
            changed[name] = (table, values, key)
    recorded = _recorded_columns(session, set(changed)) if changed else {}
    for name, (table, values, key) in changed.items():
        columns = tuple(integrity.differing_columns(key, table, values, recorded[name]))
        found.append(AuditProblem(expected[name][0], "row_changed", name, columns))
    found.extend(AuditProblem(expected[name][0], "row_deleted", name) for name in expected if name not in seen)
    return found


_KEYED_AFTER = select(_EVENTS.c.key_id, _EVENTS.c.after).order_by(_EVENTS.c.seq)


def _recorded_columns(session: Session, names: set[str], batch: int = 5000) -> dict[str, dict[str, str]]:
    """The column digests the chain records for each row in ``names`` (one pass over the events)."""
    return _folded(session.execute(_KEYED_AFTER.execution_options(yield_per=batch)), names)


def recorded_for_case(conn: Any, case_id: str, name: str) -> dict[str, str]:
    """The column digests the chain records for the row ``name`` written by the events of a case."""
    return _folded(conn.execute(_KEYED_AFTER.where(_EVENTS.c.case_id == case_id)), {name})[name]


def _folded(events: Iterable[tuple[str | None, Any]], names: set[str]) -> dict[str, dict[str, str]]:
    """What ``events`` (``(key id, after)``, in chain order) record of each row in ``names``, laid over one
    another (:func:`~.integrity.recorded_digests`)."""
    maps: dict[str, list[tuple[str | None, dict[str, str]]]] = {name: [] for name in names}
    for key_id, after in events:
        rows = after.get("rows") if isinstance(after, dict) else None
        for name in rows.keys() & names if rows else ():
            maps[name].append((key_id, rows[name]))
    return {name: integrity.recorded_digests(integrity.table_of(name), found) for name, found in maps.items()}


def case_unexplained(session: Session, case: Any) -> tuple[str, ...] | None:
    """Why the chain does not explain ``case`` as stored (``None``: it does): its last event is missing,
    forged, or records other values (then the names of the columns that differ)."""
    event = session.scalars(
        select(AuditEvent).where(AuditEvent.case_id == case.case_id).order_by(AuditEvent.seq.desc()).limit(1)
    ).one_or_none()
    values = None if event is None else {c.name: getattr(event, c.key) for c in AuditEvent.__table__.columns}
    return row_unexplained(
        keyring_of(session),
        values,
        lambda key: integrity.object_digests(key, case),
        lambda name: recorded_for_case(session, case.case_id, name),
    )


def row_unexplained(
    keyring: Keyring,
    event: dict[str, Any] | None,
    digests: Any,
    recorded_columns: Callable[[str], Mapping[str, str]] | None = None,
) -> tuple[str, ...] | None:
    """Why ``event`` (the column values of the last event naming a row, ``None``: there is none) does not
    explain the row as stored, whose ``(name, digests)`` ``digests(key)`` computes; ``None``: it does.
    Where the event recorded only some columns, ``recorded_columns(name)`` gives what the chain records of
    them all (:func:`recorded_for_case`), to name the columns that differ."""
    if event is None:
        return ("no_event",)
    key_id = event["key_id"]
    if key_id is None:
        return None  # written before keying: nothing to compare with
    key = keyring.audit_key(key_id)
    if key is None or not _verified(event, key):
        return ("event_forged",)
    name, now = digests(key)
    recorded = ((event["after"] or {}).get("rows") or {}).get(name)
    if recorded is None:
        return ("no_event",)
    if now[integrity.WHOLE] == recorded.get(integrity.WHOLE):
        return None
    table = integrity.table_of(name)
    if not integrity.complete(table, recorded):
        if recorded_columns is None:  # only what this event recorded can be compared
            now = {column: digest for column, digest in now.items() if column in recorded}
        else:
            recorded = recorded_columns(name)
    return tuple(integrity.differing_columns(key, table, {}, recorded, now)) or ("row",)


def case_history(session: Session, case_id: str) -> Iterable[AuditEvent]:
    return session.scalars(select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(AuditEvent.seq))
