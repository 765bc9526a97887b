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
import operator
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import JSON, DateTime, String, bindparam, cast, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..clock import office_date
from ..i18n import Message
from ..model import StepAction, Text
from ..store import audit, integrity
from ..store.crypto import Keyring
from ..store.limits import check_rows
from ..store.models import (
    Approval,
    AuditEvent,
    AuditHead,
    CaseFigure,
    CaseRecord,
    Clarification,
    Consent,
    NotificationRecord,
    RevisitRecord,
    User,
)
from ..store.prepared import JSONText, Prepared
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


def snapshot(case: Any) -> dict[str, Any]:
    """The part of a case an audit event records before and after a change (a ``CaseRecord``, or any
    row with those attributes)."""
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


def separation_misfit(case: Any, first: int | None) -> Text | None:
    """Separation of duties (职责分离): whoever took an earlier step of a case (proposed, approved, sent
    back) takes no later step of it, so every step is one more person's judgement, as the rules' distinct
    roles intend. A step taken again after a send-back may be taken by the same person. Steps that
    judge (deliberate, review, approve, decide) are checked; proposing, reporting, notifying and
    consulting are not judgements of an earlier step. ``first``: the first step the user took on the case
    (``None``: none)."""
    earlier = first if first is not None and first < case.current_step else None
    if earlier is None or not judging(case):
        return None
    return Message(
        "separation of duties: the user took step {earlier} of this case and may not take the later step {current_step}",
        earlier=earlier + 1,
        current_step=case.current_step + 1,
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
DIGESTED = tuple(integrity.columns("cases"))
JSON_COLUMNS = frozenset(c.name for c in CASES.columns if isinstance(c.type, JSON))
JSON_NAMES = tuple(sorted(JSON_COLUMNS))
USER_COLUMNS = ("id", "name", "organ", "level", "roles", "jurisdiction", "grants", "active")
EVENT_COLUMNS = tuple(c.name for c in EVENTS.columns if c.name not in ("before", "after"))  # those two as text

_their = EVENTS.alias("their")
_last_event = (
    select(func.max(_their.c.seq)).where(_their.c.case_id == CASES.c.case_id).correlate(CASES).scalar_subquery()
)
_HEAD = AuditHead.__table__
_first_step = (
    select(func.min(APPROVALS.c.step_index))
    .where(APPROVALS.c.case_pk == CASES.c.id, APPROVALS.c.actor == bindparam("actor"))
    .correlate(CASES)
    .scalar_subquery()
)
# The case (JSON columns as their stored text, digested by text), the user, the case's last event, the
# first step the user took on the case, and the audit chain's head.
LOAD = (
    select(
        *(cast(c, String).label(c.name) if c.name in JSON_COLUMNS else c for c in CASES.columns),
        *(USERS.c[name].label(f"u_{name}") for name in USER_COLUMNS),
        *(c.label(f"e_{c.name}") for c in EVENTS.columns if c.name not in ("before", "after")),
        cast(EVENTS.c.before, String).label("e_before_text"),
        cast(EVENTS.c.after, String).label("e_after_text"),
        _first_step.label("first_step"),
        _HEAD.c.last_seq.label("h_last_seq"),
        _HEAD.c.last_hash.label("h_last_hash"),
    )
    .select_from(
        CASES.join(USERS, USERS.c.name == bindparam("actor"))
        .outerjoin(EVENTS, EVENTS.c.seq == _last_event)
        .outerjoin(_HEAD, _HEAD.c.id == audit.HEAD_ID)
    )
    .where(CASES.c.case_id == bindparam("case_id"))
)
_LOAD = Prepared(LOAD)
CASE_EXISTS = select(CASES.c.version).where(CASES.c.case_id == bindparam("case_id"))
NOTIFIED = select(RECORDS["notifications"].c.recipient).where(
    RECORDS["notifications"].c.case_pk == bindparam("case_pk")
)
REVISITS = select(RECORDS["revisits"]).where(RECORDS["revisits"].c.case_pk == bindparam("case_pk"))
_INSERTS = {name: Prepared(t.insert().returning(t.c.id)) for name, t in RECORDS.items()}


class StoredCase:
    """A case row in memory, with the attributes the state machine reads and changes (every column of
    ``cases``; ``notifications`` and ``revisits`` once loaded). A JSON column is parsed from its stored
    text when first read; an action replaces such a value, never changes it in place."""

    def __init__(self, scalars: dict[str, Any], texts: dict[str, str | None]):
        self.__dict__.update(scalars)
        self.loaded = scalars
        self.texts = texts  # the stored text of each JSON column (None: NULL)
        self.parsed: dict[str, Any] = {}
        self.notifications: list[Any] = []
        self.revisits: list[Any] = []
        self.checked: tuple[bytes, dict[str, str]] | None = None

    def __getattr__(self, name: str) -> Any:  # only for attributes not set: the JSON columns
        texts = self.__dict__.get("texts")
        if texts is None or name not in texts:
            raise AttributeError(name)
        value = self.parsed[name] = parsed(texts[name])
        self.__dict__[name] = value
        return value

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in CASE_COLUMNS}

    def changed(self) -> dict[str, Any]:
        """The columns an action set to another value than the one loaded."""
        found = {}
        for name in CASE_COLUMNS:
            if name in JSON_COLUMNS:
                if name in self.__dict__ and self.__dict__[name] is not self.parsed.get(name, _UNSET):
                    found[name] = self.__dict__[name]
            elif (value := self.__dict__[name]) is not self.loaded[name] and value != self.loaded[name]:
                found[name] = value
        return found

    def digests(self, key: bytes, changed: dict[str, Any] | None = None) -> tuple[str, dict[str, str]]:
        """The row's name and keyed digests as it stands (after a change, only the changed columns are
        digested again; see :func:`case_digests`). ``changed``: :meth:`changed`, when known already."""
        changed = self.changed() if changed is None else changed
        known = None
        if self.checked is not None and self.checked[0] == key:
            known = {name: digest for name, digest in self.checked[1].items() if name not in changed}
            known.pop(integrity.WHOLE, None)
        texts = {name: self.texts[name] for name in JSON_COLUMNS if name not in changed}
        digests = case_digests(key, self.__dict__, texts, lambda name: getattr(self, name), known)
        if not changed:
            self.checked = (key, digests)  # the row as loaded
        return f"cases/{self.case_id}", digests

    def recorded(self, key: bytes, digests: dict[str, str]) -> dict[str, str]:
        """What the event of a change records of the row's ``digests``: the whole row's and those of the
        columns whose digest is not the one the row had as loaded, when it was checked against its last
        event under ``key`` (the chain holds the others: :func:`~zhengming.store.integrity.recorded_digests`);
        every column when it was not."""
        if self.checked is None or self.checked[0] != key:
            return digests
        loaded = self.checked[1]
        return {
            name: digest for name, digest in digests.items() if name == integrity.WHOLE or loaded.get(name) != digest
        }


_UNSET = object()
_PARSED: dict[str, Any] = {}
_PARSED_LIMIT = 256


def parsed(text: str | None) -> Any:
    """The value of a JSON column's stored text, parsed once per text: a case's steps, document and
    decision are read by every action on it. Shared between actions, so never changed in place (an
    action that changes a document builds a new one)."""
    if text is None:
        return None
    value = _PARSED.get(text)
    if value is None:
        value = _note_parsed(text, json.loads(text))
    return value


def remember_parsed(texts: Mapping[str, str | None], values: Mapping[str, Any]) -> None:
    """Note the values of JSON texts just written, for :func:`parsed` (the next action on the case
    reads them back). Only values no one else holds: they are shared, never to be changed in place."""
    for name, text in texts.items():
        if text is not None:
            _note_parsed(text, values[name])


def _note_parsed(text: str, value: Any) -> Any:
    if len(_PARSED) >= _PARSED_LIMIT:
        _PARSED.clear()
    _PARSED[text] = value
    return value


_DIGESTS: dict[tuple[Any, ...], tuple[tuple[Any, ...], dict[str, str]]] = {}
_DIGESTS_LIMIT = 512
_SCALARS = tuple(name for name in DIGESTED if name not in JSON_COLUMNS)
# How a column's value enters the content key: times and bytes as they are digested, the rest as they are.
_NORMALISED = tuple(c.name for c in CASES.columns if c.name in _SCALARS and isinstance(c.type, DateTime))
_as_is = operator.itemgetter(*(name for name in _SCALARS if name not in _NORMALISED))


class _Lookup(Mapping):
    """The columns of a row: the scalars from a dict, the JSON values from a getter (parsed when read)."""

    def __init__(self, scalars: Mapping[str, Any], json_value: Callable[[str], Any]):
        self.scalars, self.json_value = scalars, json_value

    def __getitem__(self, name: str) -> Any:
        return self.json_value(name) if name in JSON_COLUMNS else self.scalars[name]

    def __iter__(self):
        return iter(CASE_COLUMNS)

    def __len__(self) -> int:
        return len(CASE_COLUMNS)


def case_digests(
    key: bytes,
    scalars: Mapping[str, Any],
    texts: Mapping[str, str | None],
    json_value: Callable[[str], Any],
    known: Mapping[str, str] | None = None,
    *,
    canonical: bool = False,
) -> dict[str, str]:
    """The keyed digests of a ``cases`` row (:func:`~zhengming.store.integrity.row_digests`), remembered
    by the row's whole content: a case is digested when an action checks it against its last event,
    which recorded the digests of the row this process wrote. ``scalars``: the values of the columns
    that are not JSON; ``texts``: the stored text of the JSON columns that have one (the others are taken
    as :func:`json.dumps` writes them, from ``json_value(name)``); ``canonical``: those texts are the
    values' canonical JSON, which digests hash as they are. Keyed by every value as stored, so a row
    edited in the database is digested afresh."""
    texts = {name: texts[name] if name in texts else _dumps(json_value(name)) for name in JSON_NAMES}
    as_is = _as_is(scalars)
    content = (
        key,
        *texts.values(),
        *as_is,
        *map(type, as_is),  # equal values of another type (1 and True) are digested differently
        *(_naive_utc(scalars[name]) for name in _NORMALISED),
    )
    # Found by the row's name and version, then compared in full: hashing the whole content would hash
    # each document's text afresh, for every row read.
    row_key = (key, scalars["case_id"], scalars["version"])
    remembered = _DIGESTS.get(row_key)
    if remembered is not None and remembered[0] == content:
        return remembered[1]
    known = known or {}
    prehash = integrity.prehash_canonical if canonical else integrity.prehash_text
    prehashed = {name: prehash(text, json_value(name)) for name, text in texts.items() if text and name not in known}
    found = integrity.row_digests(key, "cases", _Lookup(scalars, json_value), prehashed, known)
    if len(_DIGESTS) >= _DIGESTS_LIMIT:
        _DIGESTS.clear()
    _DIGESTS[row_key] = (content, found)
    return found


def _naive_utc(value: Any) -> Any:
    """A time as digested (naive UTC), for comparing rows: the database gives back naive UTC."""
    if value is not None and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _dumps(value: Any) -> str | None:
    return json.dumps(value) if value is not None else None


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
    """What :func:`load` read: the case, the user, the values of the case's last audit event, the first
    step the user took on the case (separation of duties) and the audit chain's head as it was read."""

    def __init__(
        self,
        case: StoredCase,
        user: Actor,
        event: dict[str, Any] | None,
        first_step: int | None = None,
        head: tuple[int, str] | None = None,
    ):
        self.case, self.user, self.event = case, user, event
        self.first_step, self.head = first_step, head


def load(conn: Any, case_id: str, actor: str) -> Loaded:
    """The case, the user and the case's last event in one statement.

    :raises CaseNotFound, UserNotFound: no such case or user."""
    row = _LOAD.values(conn, {"case_id": case_id, "actor": normalise(actor)})
    if row is None:
        if conn.execute(CASE_EXISTS, {"case_id": case_id}).first() is None:
            raise CaseNotFound(case_id)
        raise UserNotFound(actor)
    scalars = dict(zip(_SCALAR_NAMES, _scalar_values(row), strict=True))
    texts = dict(zip(JSON_NAMES, _text_values(row), strict=True))
    user = Actor(dict(zip(USER_COLUMNS, _user_values(row), strict=True)))
    event = None
    if row[_AT["e_seq"]] is not None:
        event = dict(zip(EVENT_COLUMNS, _event_values(row), strict=True))
        event[audit.STORED_TEXT] = _event_texts(row)
    head = (row[_AT["h_last_seq"]], row[_AT["h_last_hash"]]) if row[_AT["h_last_seq"]] is not None else None
    case = StoredCase(scalars, texts)
    case.last_action = event["action"] if event is not None else None  # what last happened to the case
    return Loaded(case, user, event, row[_AT["first_step"]], head)


# Where each value is in a row of LOAD (read as a tuple: no dict of sixty columns per action).
_AT = {column.name: index for index, column in enumerate(LOAD.selected_columns)}
_SCALAR_NAMES = tuple(name for name in CASE_COLUMNS if name not in JSON_COLUMNS)


def _getter(names: Sequence[str]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    positions = [_AT[name] for name in names]
    pick = operator.itemgetter(*positions)
    return pick if len(positions) > 1 else lambda row: (pick(row),)


_scalar_values = _getter(_SCALAR_NAMES)
_text_values = _getter(JSON_NAMES)
_user_values = _getter([f"u_{name}" for name in USER_COLUMNS])
_event_values = _getter([f"e_{name}" for name in EVENT_COLUMNS])
_event_texts = _getter(["e_before_text", "e_after_text"])


USER_BY_NAME = select(*(USERS.c[name] for name in USER_COLUMNS)).where(USERS.c.name == bindparam("name"))


def load_actor(conn: Any, name: str) -> Actor:
    """The user ``name`` (:class:`UserNotFound` when there is none)."""
    row = conn.execute(USER_BY_NAME, {"name": normalise(name)}).mappings().first()
    if row is None:
        raise UserNotFound(name)
    return Actor(row)


# The JSON columns are bound as their canonical text (:func:`~zhengming.store.integrity.canonical_text`),
# which is also what their digests are computed over: each document is encoded once.
_CASE_INSERT = Prepared(
    CASES.insert().values({name: bindparam(f"t_{name}", type_=JSONText()) for name in JSON_NAMES}).returning(CASES.c.id)
)
_FIGURE_INSERT = Prepared(FIGURES.insert())


def insert_case(
    conn: Any, keyring: Keyring, row: dict[str, Any], figures: dict[str, Any], *, actor: str, summary: dict[str, Any]
) -> int:
    """Store a new case (its ``cases`` row and its ``case_figures``) and its ``open`` event; the row's
    primary key. A case id taken already raises the database's ``IntegrityError``."""
    check_rows(CASES, [row])
    check_rows(FIGURES, [figures])
    texts = {name: integrity.canonical_text(row[name]) if row[name] is not None else None for name in JSON_NAMES}
    bound = {name: value for name, value in row.items() if name not in JSON_COLUMNS}
    case_pk = _CASE_INSERT.scalar(conn, bound | {f"t_{name}": texts[name] for name in JSON_NAMES})
    _FIGURE_INSERT.execute(conn, figures | {"case_pk": case_pk})
    key = keyring.audit_key()
    digests = case_digests(key, row, texts, row.__getitem__, canonical=True)
    remember_parsed({name: text for name, text in texts.items() if name != "document"}, row)  # the caller's
    event = {"at": audit.now_text(), "actor": actor, "action": "open", "case_id": row["case_id"], "before": None}
    audit.append_events(
        conn, keyring, [event | {"after": summary, "row_digests": {f"cases/{row['case_id']}": digests}}]
    )
    return case_pk


def require_explained_row(conn: Any, keyring: Keyring, loaded: Loaded, label: Text) -> None:
    """Refuse to act on a case whose row its last audit event does not explain (:class:`Unexplained`)."""
    case_id = loaded.case.case_id
    problems = audit.row_unexplained(
        keyring, loaded.event, loaded.case.digests, lambda name: audit.recorded_for_case(conn, case_id, name)
    )
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
        case.notifications = [Notified(r) for r in conn.execute(NOTIFIED, {"case_pk": case.id}).scalars()]
    if "revisits" in needs:
        case.revisits = [Revisit(r) for r in conn.execute(REVISITS, {"case_pk": case.id}).mappings()]


class Notified:
    __slots__ = ("recipient",)

    def __init__(self, recipient: str):
        self.recipient = recipient


def check_separation_of(loaded: Loaded) -> None:
    """Separation of duties for the current step (:func:`separation_misfit`)."""
    case, user = loaded.case, loaded.user
    reason = separation_misfit(case, loaded.first_step)
    if reason is not None:
        raise NotPermitted(case.case_id, user.name, reason)


STANDING = select(APPROVALS).where(APPROVALS.c.case_pk == bindparam("case_pk"), APPROVALS.c.superseded_at.is_(None))


FIGURE = select(FIGURES).where(FIGURES.c.case_pk == bindparam("case_pk"))


_FIGURE = Prepared(FIGURE)


def figure_of(conn: Any, case: Any) -> dict[str, Any] | None:
    """The case's statistics row (``case_figures``), ``None`` when it has none."""
    return _FIGURE.first(conn, {"case_pk": case.id})


def standing_approvals(conn: Any, case: Any) -> list[dict[str, Any]]:
    """The case's approvals not superseded by an amendment, every column."""
    return [dict(r) for r in conn.execute(STANDING, {"case_pk": case.id}).mappings()]


def previous_step_date(conn: Any, case: Any, zone: ZoneInfo) -> Any:
    """The date of the case's latest step still standing: its date on paper, else the office's day it
    was recorded."""
    days = [a["given_on"] or office_date(a["at"], zone) for a in standing_approvals(conn, case)]
    return max(days) if days else None


def perform(
    conn: Any, keyring: Keyring, loaded: Loaded, row: table.Action, params: Mapping[str, Any], ctx: Any
) -> list[table.Effect]:
    """Run ``row`` on the loaded case and write it: the case with its version check, the records, the
    audit events (one per change). Nothing is written when a check refuses."""
    case, user = loaded.case, loaded.user
    load_records(conn, case, row.needs)
    table.check(row, case, user, params)
    if row.who == table.STEP_HOLDER:
        check_separation_of(loaded)
    now, seen = ctx.now(), case.version
    changes, effects = [], []
    steps = table.items(row, case, params)
    for index, each in enumerate(steps):
        before = snapshot(case)
        effect = row.apply(case, user, each, ctx)
        effects.append(effect)
        if effect.noop:
            continue
        case.updated_at, case.version = now, case.version + 1
        changes.append((before, effect, case.values() if index < len(steps) - 1 else None))
    if not changes:  # nothing to write (no recipient left to notify, an amendment that changes nothing)
        return effects
    changed = case.changed()
    check_rows(CASES, [changed])
    bound = {f"v_{name}": value for name, value in changed.items()} | {"pk": case.id, "seen": seen}
    written = case_update(tuple(sorted(changed))).execute(conn, bound).rowcount
    if written != 1:
        raise CaseConflict(case.case_id, row.label)
    key = keyring.audit_key()
    events = []
    for before, effect, values in changes:
        if values is None:
            name, digests_now = case.digests(key, changed)
            # one change: its event follows the one the row was checked against, so it records the difference
            digests = {name: case.recorded(key, digests_now) if len(changes) == 1 else digests_now}
        else:
            digests = _case_digests(key, case, values)
        digests |= write_effect(conn, key, case, effect)
        after = snapshot(case) if values is None else snapshot(_Snapshot(values))
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
    audit.append_events(conn, keyring, events, head=loaded.head)
    return [effect for _before, effect, _values in changes]


class _Snapshot:
    def __init__(self, values: Mapping[str, Any]):
        self.__dict__.update(values)


_UPDATES: dict[tuple[str, ...], Any] = {}


def case_update(names: tuple[str, ...]) -> Any:
    """``UPDATE cases SET <names> WHERE id = :pk AND version = :seen``, built once per set of columns."""
    statement = _UPDATES.get(names)
    if statement is None:
        statement = _UPDATES[names] = Prepared(
            update(CASES)
            .where(CASES.c.id == bindparam("pk"), CASES.c.version == bindparam("seen"))
            .values({name: bindparam(f"v_{name}", type_=CASES.c[name].type) for name in names})
        )
    return statement


def _case_digests(key: bytes, case: StoredCase, values: dict[str, Any]) -> dict[str, dict[str, str]]:
    """The digests of the case as an earlier change of several in one action left it."""
    return {f"cases/{case.case_id}": integrity.row_digests(key, "cases", values)}


def write_effect(conn: Any, key: bytes, case: StoredCase, effect: table.Effect) -> dict[str, dict[str, str]]:
    """Insert and update the records of one change; their digests by row name."""
    digests = {}
    for name, values in effect.records:
        values = values | {"case_pk": case.id}
        check_rows(RECORDS[name], [values])
        values["id"] = _INSERTS[name].scalar(conn, values)
        digests[f"{name}/{values['id']}"] = integrity.row_digests(key, name, values)
    for name, values in effect.updates:
        check_rows(RECORDS[name], [values])
        _keyed_update(RECORDS[name], "id", tuple(values)).execute(conn, values | {"w_id": values["id"]})
        digests[f"{name}/{values['id']}"] = integrity.row_digests(key, name, values)
    if effect.figure is not None:
        check_rows(FIGURES, [effect.figure])
        update_figure = _keyed_update(FIGURES, "case_pk", tuple(effect.figure))
        done = update_figure.execute(conn, effect.figure | {"w_case_pk": case.id}).rowcount
        if not done and effect.figure_row is not None:
            _FIGURE_INSERT.execute(conn, effect.figure_row | {"case_pk": case.id})
    return digests


_STATEMENTS: dict[tuple[str, tuple[str, ...]], Prepared] = {}


def _keyed_update(table: Any, key: str, columns: tuple[str, ...]) -> Prepared:
    """``UPDATE <table> SET <columns> WHERE <key> = :w_<key>``, built once per table and set of columns
    (the key itself is not set)."""
    found = _STATEMENTS.get((table.name, columns))
    if found is None:
        found = _STATEMENTS[table.name, columns] = Prepared(
            update(table)
            .where(table.c[key] == bindparam(f"w_{key}"))
            .values({c: bindparam(c, type_=table.c[c].type) for c in columns if c != key})
        )
    return found
