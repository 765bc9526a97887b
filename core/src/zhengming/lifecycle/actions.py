"""Lifecycle actions on stored cases: the one executor of the rows of :mod:`.table`.

:func:`load` reads the case, the acting user and the case's last audit event in one statement;
:func:`require_explained` and :func:`require_visible_to` check them; :func:`perform` checks the row's
state, precondition and who, separation of duties, applies it in memory, and writes, in the caller's
transaction, the case (``UPDATE … WHERE version = :seen``: a case changed since it was read raises
:class:`~.errors.CaseConflict`), the records and one audit event per change with the state before and
after and the keyed digests of every row written. The caller commits: state change, records and audit
events land together or not at all. Everything here is SQLAlchemy Core on one connection, its
statements built once and compiled once (the lifecycle's hot path).

The ORM helpers (:func:`load_case`, :func:`load_user`, :func:`require_visible`, :func:`commit_change`)
serve the other writers (custody, letters, reevaluation).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, bindparam, cast, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..model import StepAction, Text
from ..store import audit, integrity
from ..store.crypto import Keyring
from ..store.limits import check_rows
from ..store.models import (
    Approval,
    AuditEvent,
    CaseFigure,
    CaseRecord,
    Clarification,
    Consent,
    NotificationRecord,
    RevisitRecord,
    User,
)
from . import table
from .errors import CaseConflict, CaseNotFound, NotPermitted, Unexplained, UserNotFound
from .usernames import normalise


def load_case(session: Session, case_id: str) -> CaseRecord:
    case = session.scalars(select(CaseRecord).where(CaseRecord.case_id == case_id)).one_or_none()
    if case is None:
        raise CaseNotFound(case_id)
    return case


def load_user(session: Session, name: str) -> User:
    user = session.scalars(select(User).where(User.name == normalise(name))).one_or_none()
    if user is None:
        raise UserNotFound(name)
    return user


def require_visible(session: Session, case: CaseRecord, user: User | str) -> None:
    """Need-to-know: a case the user has no business with is, to them, a case that does not exist."""
    from ..security.need_to_know import can_see

    if isinstance(user, str):
        user = load_user(session, user)
    if not can_see(user, case):
        raise CaseNotFound(case.case_id)


def require_explained(session: Session, case: CaseRecord, label: Text) -> None:
    """Refuse to act on a case whose stored row its audit chain does not explain (edited behind the
    application's back): :class:`~.errors.Unexplained` naming the columns."""
    problems = audit.case_unexplained(session, case)
    if problems:
        raise Unexplained(case.case_id, label, problems)


def snapshot(case: CaseRecord) -> dict[str, Any]:
    """The part of a case an audit event records before and after a change."""
    return {
        "state": case.state,
        "current_step": case.current_step,
        "consent": case.consent,
        "close_reason": case.close_reason,
        "version": case.version,
    }


def commit_change(
    session: Session,
    case: CaseRecord,
    *,
    actor: str,
    action: str,
    label: Text,
    before: dict[str, Any],
    detail: dict[str, Any] | None = None,
    now: datetime,
) -> None:
    """Flush the change (version check) and append its audit event."""
    case_id = case.case_id  # read before the flush: a failed flush expires the object
    case.updated_at = now
    written = [case, *(o for o in (*session.new, *session.dirty) if o is not case and integrity.tracked(o))]
    try:
        session.flush()
    except StaleDataError:
        raise CaseConflict(case_id, label) from None
    after = snapshot(case) | (detail or {})
    audit.append(session, actor=actor, action=action, case_id=case.case_id, before=before, after=after, rows=written)


JUDGEMENTS = frozenset({StepAction.DELIBERATE, StepAction.REVIEW, StepAction.APPROVE, StepAction.DECIDE})


def separation_misfit(case: Any, earlier: int | None) -> Text | None:
    """Separation of duties (职责分离): whoever took an earlier step of a case (proposed, approved, sent
    back) takes no later step of it, so every step is one more person's judgement, as the rules' distinct
    roles intend. A step taken again after a send-back may be taken by the same person. Steps that
    judge (deliberate, review, approve, decide) are checked; proposing, reporting, notifying and
    consulting are not judgements of an earlier step. ``earlier``: the first earlier step the user took."""
    if earlier is None or not judging(case):
        return None
    return Text(
        f"职责分离：该用户已办理本案第 {earlier + 1} 步，不能再办理其后的第 {case.current_step + 1} 步",
        f"separation of duties: the user took step {earlier + 1} of this case and may not take "
        f"the later step {case.current_step + 1}",
    )


def judging(case: Any) -> bool:
    """Whether the case's current step judges an earlier one (separation of duties applies)."""
    return (
        bool(case.steps)
        and case.current_step < len(case.steps)
        and case.steps[case.current_step]["action"] in JUDGEMENTS
    )


# --- the executor: SQLAlchemy Core on one connection ------------------------------------------------

CASES = CaseRecord.__table__
USERS = User.__table__
EVENTS = AuditEvent.__table__
APPROVALS = Approval.__table__
RECORDS = {
    "approvals": APPROVALS,
    "consents": Consent.__table__,
    "clarifications": Clarification.__table__,
    "notifications": NotificationRecord.__table__,
    "revisits": RevisitRecord.__table__,
}
FIGURES = CaseFigure.__table__
CASE_COLUMNS = tuple(c.name for c in CASES.columns)
JSON_COLUMNS = frozenset(c.name for c in CASES.columns if isinstance(c.type, JSON))
USER_COLUMNS = ("id", "name", "organ", "level", "roles", "jurisdiction", "grants", "active")
EVENT_COLUMNS = tuple(c.name for c in EVENTS.columns)

_their = EVENTS.alias("their")
_last_event = (
    select(func.max(_their.c.seq)).where(_their.c.case_id == CASES.c.case_id).correlate(CASES).scalar_subquery()
)
# The case (JSON columns as their stored text, digested by text), the user and the case's last event.
LOAD = (
    select(
        *(cast(c, String).label(c.name) if c.name in JSON_COLUMNS else c for c in CASES.columns),
        *(USERS.c[name].label(f"u_{name}") for name in USER_COLUMNS),
        *(c.label(f"e_{c.name}") for c in EVENTS.columns),
    )
    .select_from(CASES.join(USERS, USERS.c.name == bindparam("actor")).outerjoin(EVENTS, EVENTS.c.seq == _last_event))
    .where(CASES.c.case_id == bindparam("case_id"))
)
CASE_EXISTS = select(CASES.c.version).where(CASES.c.case_id == bindparam("case_id"))
EARLIER_STEP = (
    select(APPROVALS.c.step_index)
    .where(
        APPROVALS.c.case_pk == bindparam("case_pk"),
        APPROVALS.c.actor == bindparam("actor"),
        APPROVALS.c.step_index < bindparam("step"),
    )
    .order_by(APPROVALS.c.step_index)
    .limit(1)
)
STEP_ACTORS = select(APPROVALS.c.step_index, APPROVALS.c.actor).where(APPROVALS.c.case_pk == bindparam("case_pk"))
NOTIFIED = select(RECORDS["notifications"].c.recipient).where(
    RECORDS["notifications"].c.case_pk == bindparam("case_pk")
)
REVISITS = select(RECORDS["revisits"]).where(RECORDS["revisits"].c.case_pk == bindparam("case_pk"))
_INSERTS = {name: t.insert().returning(t.c.id) for name, t in RECORDS.items()}


class StoredCase:
    """A case row in memory, with the attributes the state machine reads and changes (every column of
    ``cases``; ``notifications`` and ``revisits`` once loaded)."""

    def __init__(self, values: dict[str, Any], texts: dict[str, str]):
        self.__dict__.update(values)
        self.loaded = values
        self.texts = texts  # the stored text of each JSON column
        self.notifications: list[Any] = []
        self.revisits: list[Any] = []

    def values(self) -> dict[str, Any]:
        return {name: self.__dict__[name] for name in CASE_COLUMNS}

    def changed(self) -> dict[str, Any]:
        """The columns whose value differs from the one loaded."""
        loaded = self.loaded
        return {
            name: value
            for name in CASE_COLUMNS
            if (value := self.__dict__[name]) is not loaded[name] and value != loaded[name]
        }

    def digests(self, key: bytes) -> tuple[str, dict[str, str]]:
        """The row's name and keyed digests as it stands (unchanged JSON columns digested by text)."""
        values = self.values()
        prehashed = {
            name: integrity.prehash_text(self.texts[name], values[name])
            for name in JSON_COLUMNS
            if values[name] is self.loaded[name] and self.texts.get(name) is not None
        }
        return f"cases/{self.case_id}", integrity.row_digests(key, "cases", values, prehashed)


class Actor:
    """The acting user's row."""

    def __init__(self, values: Mapping[str, Any]):
        self.__dict__.update(values)


class Revisit:
    """A revisit record in memory."""

    def __init__(self, values: Mapping[str, Any]):
        self.values = dict(values)
        self.__dict__.update(values)


class Loaded:
    """What :func:`load` read: the case, the user, and the values of the case's last audit event."""

    def __init__(self, case: StoredCase, user: Actor, event: dict[str, Any] | None):
        self.case, self.user, self.event = case, user, event


def load(conn: Any, case_id: str, actor: str) -> Loaded:
    """The case, the user and the case's last event in one statement.

    :raises CaseNotFound, UserNotFound: no such case or user."""
    row = conn.execute(LOAD, {"case_id": case_id, "actor": normalise(actor)}).mappings().first()
    if row is None:
        if conn.execute(CASE_EXISTS, {"case_id": case_id}).first() is None:
            raise CaseNotFound(case_id)
        raise UserNotFound(actor)
    values, texts = {}, {}
    for name in CASE_COLUMNS:
        value = row[name]
        if name in JSON_COLUMNS and value is not None:
            texts[name] = value
            value = json.loads(value)
        values[name] = value
    user = Actor({name: row[f"u_{name}"] for name in USER_COLUMNS})
    event = None
    if row["e_seq"] is not None:
        event = {name: row[f"e_{name}"] for name in EVENT_COLUMNS}
    return Loaded(StoredCase(values, texts), user, event)


def require_explained_row(keyring: Keyring, loaded: Loaded, label: Text) -> None:
    """Refuse to act on a case whose row its last audit event does not explain (:class:`Unexplained`)."""
    problems = audit.row_unexplained(keyring, loaded.event, loaded.case.digests)
    if problems:
        raise Unexplained(loaded.case.case_id, label, problems)


def require_visible_to(loaded: Loaded) -> None:
    """Need-to-know, for a loaded case and user."""
    from ..security.need_to_know import can_see

    if not can_see(loaded.user, loaded.case):
        raise CaseNotFound(loaded.case.case_id)


def load_records(conn: Any, case: StoredCase, needs: tuple[str, ...]) -> None:
    """The records of the case an action reads (its notifications, its revisits)."""
    if "notifications" in needs:
        case.notifications = [_Notified(r) for r in conn.execute(NOTIFIED, {"case_pk": case.id}).scalars()]
    if "revisits" in needs:
        case.revisits = [Revisit(r) for r in conn.execute(REVISITS, {"case_pk": case.id}).mappings()]


class _Notified:
    __slots__ = ("recipient",)

    def __init__(self, recipient: str):
        self.recipient = recipient


def check_separation_of(conn: Any, case: Any, user: Any) -> None:
    """Separation of duties for the current step (:func:`separation_misfit`)."""
    if not judging(case):
        return
    earlier = conn.execute(EARLIER_STEP, {"case_pk": case.id, "actor": user.name, "step": case.current_step}).scalar()
    reason = separation_misfit(case, earlier)
    if reason is not None:
        raise NotPermitted(case.case_id, user.name, reason)


def earliest_steps(conn: Any, case: Any) -> dict[str, int]:
    """Each user's first step taken on the case (for :func:`table.available`)."""
    first: dict[str, int] = {}
    for index, actor in conn.execute(STEP_ACTORS, {"case_pk": case.id}).all():
        first[actor] = min(index, first.get(actor, index))
    return first


def snapshot_of(case: Any) -> dict[str, Any]:
    return {
        "state": case.state,
        "current_step": case.current_step,
        "consent": case.consent,
        "close_reason": case.close_reason,
        "version": case.version,
    }


def perform(
    conn: Any, keyring: Keyring, loaded: Loaded, row: table.Action, params: Mapping[str, Any], ctx: Any
) -> list[table.Effect]:
    """Run ``row`` on the loaded case and write it: the case with its version check, the records, the
    audit events (one per change). Nothing is written when a check refuses."""
    case, user = loaded.case, loaded.user
    load_records(conn, case, row.needs)
    table.check(row, case, user, params)
    if row.who == table.STEP_HOLDER:
        check_separation_of(conn, case, user)
    now, seen = ctx.now(), case.version
    changes = []
    for each in table.items(row, case, params):
        before = snapshot_of(case)
        effect = row.apply(case, user, each, ctx)
        case.updated_at, case.version = now, case.version + 1
        changes.append((before, effect, case.values()))
    changed = case.changed()
    check_rows(CASES, [changed])
    written = conn.execute(
        update(CASES).where(CASES.c.id == case.id, CASES.c.version == seen).values(**changed)
    ).rowcount
    if written != 1:
        raise CaseConflict(case.case_id, row.label)
    key = keyring.audit_key()
    events = []
    for index, (before, effect, values) in enumerate(changes):
        digests = dict([case.digests(key)]) if index == len(changes) - 1 else _case_digests(key, case, values)
        digests |= write_effect(conn, key, case, effect)
        after = {name: values[name] for name in ("state", "current_step", "consent", "close_reason", "version")}
        events.append(
            {
                "at": audit.now_text(),
                "actor": user.name,
                "action": row.id,
                "case_id": case.case_id,
                "before": before,
                "after": after | effect.detail,
                "row_digests": digests,
            }
        )
    audit.append_events(conn, keyring, events)
    return [effect for _before, effect, _values in changes]


def _case_digests(key: bytes, case: StoredCase, values: dict[str, Any]) -> dict[str, dict[str, str]]:
    """The digests of the case as an earlier change of several in one action left it."""
    return {f"cases/{case.case_id}": integrity.row_digests(key, "cases", values)}


def write_effect(conn: Any, key: bytes, case: StoredCase, effect: table.Effect) -> dict[str, dict[str, str]]:
    """Insert and update the records of one change; their digests by row name."""
    digests = {}
    for name, values in effect.records:
        values = values | {"case_pk": case.id}
        check_rows(RECORDS[name], [values])
        values["id"] = conn.execute(_INSERTS[name], values).scalar_one()
        digests[f"{name}/{values['id']}"] = integrity.row_digests(key, name, values)
    for name, values in effect.updates:
        records = RECORDS[name]
        check_rows(records, [values])
        conn.execute(update(records).where(records.c.id == values["id"]).values(**values))
        digests[f"{name}/{values['id']}"] = integrity.row_digests(key, name, values)
    if effect.figure is not None:
        done = conn.execute(update(FIGURES).where(FIGURES.c.case_pk == case.id).values(**effect.figure)).rowcount
        if not done:
            conn.execute(FIGURES.insert().values(case_pk=case.id, **effect.figure))
    return digests
