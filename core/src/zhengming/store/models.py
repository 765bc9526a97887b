"""The tables, as SQLAlchemy 2.0 typed declarative models.

``cases`` carries the current state of a case and its version counter (optimistic locking: an update
made from a stale read fails instead of overwriting). What happened to a case lives in append-only
child tables (approvals, consents, clarifications, notifications, revisits) and in the hash-chained
``audit_events``. The reporter's identity is only ever stored sealed (``reporter_sealed``), and so are
the names of the people a case concerns who reported (``parties_sealed``; ``parties`` lists the others
by name and the sealed ones by role only).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    type_annotation_map = {  # noqa: RUF012 — read by SQLAlchemy at class creation
        dict[str, Any]: JSON,
        list[Any]: JSON,
        datetime: DateTime(timezone=True),
    }


class User(Base):
    """A person who acts on cases: the organ and level they sit in, and their roles there."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    organ: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(20))
    roles: Mapped[list[Any]]
    created_at: Mapped[datetime]
    jurisdiction: Mapped[str | None] = mapped_column(String(100))  # the subtree the user works in
    grants: Mapped[list[Any]] = mapped_column(default=list)  # system duties: "admin", "custodian"
    password_hash: Mapped[str | None] = mapped_column(Text)  # argon2id (PHC string), or none
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CaseRecord(Base):
    """One case: its documents, the decision that routed it, what pinned that decision, and its state."""

    __tablename__ = "cases"
    # the state first (lists by state), then what the overdue count reads, need-to-know included, so it
    # counts from the index without touching the rows
    __table_args__ = (
        Index("ix_cases_state_due", "state", "due_on", "jurisdiction", "handling_organ", "handling_level", "seats"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    jurisdiction: Mapped[str] = mapped_column(String(100))
    as_of: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(30))
    outcome: Mapped[str] = mapped_column(String(30))
    fast_track: Mapped[bool] = mapped_column(Boolean, default=False)
    due_on: Mapped[date | None] = mapped_column(Date)
    steps: Mapped[list[Any]]
    current_step: Mapped[int] = mapped_column(Integer, default=0)
    document: Mapped[dict[str, Any]]
    decision: Mapped[dict[str, Any]]
    chain: Mapped[list[Any]]
    plugin_versions: Mapped[dict[str, Any]]
    rules_fingerprint: Mapped[str] = mapped_column(String(64))
    reporter_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    parties: Mapped[list[Any]] = mapped_column(default=list)
    parties_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    consent: Mapped[str | None] = mapped_column(String(20))
    close_reason: Mapped[str | None] = mapped_column(Text)
    opened_by: Mapped[str] = mapped_column(String(100))
    opened_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # who needs to know (zhengming.security.need_to_know): the handling organ, and every seat
    # (organ:level) that handles, implements or takes a step, as "|organ:level|…|"
    handling_organ: Mapped[str | None] = mapped_column(String(40))
    handling_level: Mapped[str | None] = mapped_column(String(20))
    seats: Mapped[str] = mapped_column(Text, default="")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 — SQLAlchemy's declarative API

    approvals: Mapped[list[Approval]] = relationship(order_by="Approval.id", back_populates="case")
    consents: Mapped[list[Consent]] = relationship(order_by="Consent.id", back_populates="case")
    clarifications: Mapped[list[Clarification]] = relationship(order_by="Clarification.id", back_populates="case")
    notifications: Mapped[list[NotificationRecord]] = relationship(
        order_by="NotificationRecord.id", back_populates="case"
    )
    revisits: Mapped[list[RevisitRecord]] = relationship(order_by="RevisitRecord.id", back_populates="case")


class _CaseChild:
    """Columns every record of something done on a case has: the case, who, and when."""

    id: Mapped[int] = mapped_column(primary_key=True)
    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime]


class Approval(_CaseChild, Base):
    """One decision taken at an approval (or procedure) step: approved, rejected or sent back (退回)."""

    __tablename__ = "approvals"

    step_index: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(40))
    level: Mapped[str | None] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(20))
    decision: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")
    # 纸质审批补录: the date written on a paper approval, recorded later (``at``: when it was recorded)
    given_on: Mapped[date | None] = mapped_column(Date)
    # when an amended intake (修改受理信息) changed the decision this approval was given on
    superseded_at: Mapped[datetime | None]
    case: Mapped[CaseRecord] = relationship(back_populates="approvals")


class Consent(_CaseChild, Base):
    """The subject's consent to public clarification: given, declined or withdrawn."""

    __tablename__ = "consents"

    status: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(Text, default="")
    case: Mapped[CaseRecord] = relationship(back_populates="consents")


class Clarification(_CaseChild, Base):
    """A clarification carried out: how, on which day, and in front of whom (scope)."""

    __tablename__ = "clarifications"

    method: Mapped[str] = mapped_column(String(30))
    carried_out_on: Mapped[date] = mapped_column(Date)
    scope: Mapped[str] = mapped_column(Text, default="")
    case: Mapped[CaseRecord] = relationship(back_populates="clarifications")


class NotificationRecord(_CaseChild, Base):
    """A recipient told of the clarification, or given its records."""

    __tablename__ = "notifications"

    recipient: Mapped[str] = mapped_column(String(40))
    notified_on: Mapped[date] = mapped_column(Date)
    case: Mapped[CaseRecord] = relationship(back_populates="notifications")


class RevisitRecord(_CaseChild, Base):
    """A planned revisit (回访) and, once done, when, how and whom."""

    __tablename__ = "revisits"

    planned_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    method: Mapped[str | None] = mapped_column(String(30))
    target: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    case: Mapped[CaseRecord] = relationship(back_populates="revisits")


class AuditEvent(Base):
    """One change, append-only: who, when, what, the state before and after, chained by hash.

    ``hash`` is HMAC-SHA256, under a key kept outside the database, over the previous event's hash and
    this event's canonical JSON: changing, removing, reordering or forging any event breaks the chain,
    and re-chaining it needs the key (``zhengming audit verify``).
    """

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))  # ISO 8601 UTC, kept as text so the hash input is exact
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[str | None] = mapped_column(String(100), index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str | None] = mapped_column(String(32))  # fingerprint of the key; None: unkeyed (before 0002)


class AuditHead(Base):
    """The single row naming the last audit event; writers lock it, so the chain never forks."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class KeyBinding(Base):
    """The single row naming the key this database is sealed and chained with (its fingerprint), and how
    many events came before keying; ``mac`` (keyed) makes the row itself unforgeable."""

    __tablename__ = "key_binding"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    fingerprint: Mapped[str] = mapped_column(String(32))
    legacy_upto: Mapped[int] = mapped_column(Integer)
    legacy_head: Mapped[str] = mapped_column(String(64))
    bound_at: Mapped[str] = mapped_column(String(40))
    mac: Mapped[str] = mapped_column(String(64))


class ApiToken(Base):
    """An API token: only its SHA-256 is stored; scoped, expiring, revocable."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    scopes: Mapped[list[Any]]
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class RevealRequest(_CaseChild, Base):
    """A request to see the reporter's identity (查阅举报人身份): filed with a reason by a handling
    officer, decided by a different custodian, shown once before it expires."""

    __tablename__ = "reveal_requests"

    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))  # pending, approved, refused, shown, expired
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime | None]
    decision_comment: Mapped[str] = mapped_column(Text, default="")
    expires_at: Mapped[datetime | None]
    shown_at: Mapped[datetime | None]


class ReporterFeedback(_CaseChild, Base):
    """Feedback given to a real-name reporter (反馈): how and what, never who the reporter is."""

    __tablename__ = "reporter_feedback"

    channel: Mapped[str] = mapped_column(String(40))
    given_on: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text)


# what the report reads of case_figures, in the order of its covering index (the period first)
REPORT_COLUMNS = (
    "counted_on",
    "kind",
    "outcome",
    "classification",
    "methods",
    "jurisdiction",
    "handling_organ",
    "handling_level",
    "seats",
    "persons",
    "units",
)


class CaseFigure(Base):
    """What the statistics count of one case, written with the case (issue 14; ``zhengming report``).

    ``persons`` and ``units`` are the people and organizations the case concerns: the subject and
    anyone named in the intake-only ``concerns`` (clarification, fault tolerance), or the accusers
    (``accuser.count``) of a false-accusation case. Names are never kept here, only counts.
    ``decided_on`` is the case's ``as_of`` (the day its decision was taken). ``counted_on`` is the day
    the report counts the case on: the first clarification of a clarification case (NULL until it is
    clarified), the decision of any other kind; ``methods`` the methods a clarification case was
    clarified by (sorted, comma-separated). Both are written with the clarification, and the case's
    need-to-know columns are copied here, so the report is one GROUP BY over this table (no join),
    read from one covering index.
    """

    __tablename__ = "case_figures"
    __table_args__ = (
        Index(
            "ix_case_figures_counted",
            *REPORT_COLUMNS,
            postgresql_where=text("counted_on IS NOT NULL"),
            sqlite_where=text("counted_on IS NOT NULL"),
        ),
        Index("ix_case_figures_jurisdiction", "jurisdiction", "kind"),
    )

    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)  # derived data
    kind: Mapped[str] = mapped_column(String(30))
    jurisdiction: Mapped[str] = mapped_column(String(100))
    decided_on: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(30))
    classification: Mapped[str | None] = mapped_column(String(20))
    persons: Mapped[int] = mapped_column(Integer, default=0)
    units: Mapped[int] = mapped_column(Integer, default=0)
    counted_on: Mapped[date | None] = mapped_column(Date)
    methods: Mapped[str | None] = mapped_column(String(300))
    # copies of the case's need-to-know columns (security.need_to_know), written with them at open/resume
    handling_organ: Mapped[str | None] = mapped_column(String(40))
    handling_level: Mapped[str | None] = mapped_column(String(20))
    seats: Mapped[str] = mapped_column(Text, default="", server_default="")


class WebSession(Base):
    """A browser session (the console): only the cookie's SHA-256 is stored, with the session's CSRF
    token; it ends at logout, after an idle hour, or at its absolute expiry."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    client: Mapped[str] = mapped_column(String(64), default="")


class LoginAttempt(Base):
    """One password login attempt, kept for throttling (by user name and by client address)."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_name_at", "name", "at"),
        Index("ix_login_attempts_client_at", "client", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    client: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]
    succeeded: Mapped[bool] = mapped_column(Boolean)
