"""The append-only, hash-chained audit log.

Every event stores the hash of the one before it; its own hash is SHA-256 over that previous hash
and the event's canonical JSON. Writers take the lock on the single ``audit_head`` row (an UPDATE,
so it also locks on SQLite and PostgreSQL alike) after their state change has been flushed, which
keeps the chain linear under concurrent writers. :func:`verify` recomputes the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import attrs
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from .limits import check_rows
from .models import AuditEvent, AuditHead

GENESIS = "0" * 64
HEAD_ID = 1


def now_text() -> str:
    """The current UTC time as stored in ``audit_events.at``."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def event_payload(event: dict[str, Any]) -> bytes:
    """The canonical bytes hashed for one event (everything but the hashes themselves)."""
    fields = {k: event[k] for k in ("seq", "at", "actor", "action", "case_id", "before", "after")}
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def chain_hash(prev_hash: str, event: dict[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode() + event_payload(event)).hexdigest()


def append(
    session: Session,
    *,
    actor: str,
    action: str,
    case_id: str | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    at: str | None = None,
) -> dict[str, Any]:
    """Append one event in the session's transaction (flush the state change first)."""
    event = {"at": at or now_text(), "actor": actor, "action": action, "case_id": case_id}
    return append_many(session, [event | {"before": before, "after": after}])[0]


def append_many(session: Session, events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Append ``events`` (dicts with at, actor, action, case_id, before, after) in order, in one go."""
    if not events:
        return []
    count = len(events)
    row = session.execute(
        update(AuditHead)
        .where(AuditHead.id == HEAD_ID)
        .values(last_seq=AuditHead.last_seq + count)
        .returning(AuditHead.last_seq, AuditHead.last_hash)
    ).one()
    seq, prev = row.last_seq - count, row.last_hash
    rows = []
    for event in events:
        seq += 1
        stored = {**event, "seq": seq, "prev_hash": prev}
        stored["hash"] = prev = chain_hash(prev, stored)
        rows.append(stored)
    check_rows(AuditEvent.__table__, rows)
    session.execute(AuditEvent.__table__.insert(), rows)
    session.execute(update(AuditHead).where(AuditHead.id == HEAD_ID).values(last_hash=prev))
    return rows


@attrs.frozen
class AuditProblem:
    seq: int | None
    problem: str  # what is wrong, in English identifiers: "hash", "prev_hash", "gap", "head"


@attrs.frozen
class Verification:
    events: int
    problems: tuple[AuditProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session, *, batch: int = 5000) -> Verification:
    """Recompute the whole chain: a changed, removed, inserted or reordered event is reported."""
    problems: list[AuditProblem] = []
    prev, expected_seq, count = GENESIS, 1, 0
    columns = AuditEvent.__table__.c
    result = session.execute(
        select(AuditEvent.__table__).order_by(columns.seq).execution_options(yield_per=batch)
    ).mappings()
    for row in result:
        count += 1
        if row["seq"] != expected_seq:
            problems.append(AuditProblem(row["seq"], "gap"))
        if row["prev_hash"] != prev:
            problems.append(AuditProblem(row["seq"], "prev_hash"))
        if chain_hash(row["prev_hash"], dict(row)) != row["hash"]:
            problems.append(AuditProblem(row["seq"], "hash"))
        prev, expected_seq = row["hash"], row["seq"] + 1
    head = session.get(AuditHead, HEAD_ID)
    if head is None or head.last_seq != expected_seq - 1 or head.last_hash != prev:
        problems.append(AuditProblem(None, "head"))
    return Verification(count, tuple(problems))


def case_history(session: Session, case_id: str) -> Iterable[AuditEvent]:
    return session.scalars(select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(AuditEvent.seq))


def drop_append_only_guard(session: Session) -> None:
    """Remove the database triggers that refuse UPDATE/DELETE on audit_events (tests of tampering)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events"))
    else:
        session.execute(text("DROP TRIGGER IF EXISTS audit_events_no_update"))
        session.execute(text("DROP TRIGGER IF EXISTS audit_events_no_delete"))
