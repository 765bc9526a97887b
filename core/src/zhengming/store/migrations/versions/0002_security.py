"""Security: the keyed audit chain and its key binding, guards the append-only log cannot be bypassed
past, users with jurisdiction, system duties and password hashes, API tokens, reporter custody.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)

# INSERT OR REPLACE deletes the row it replaces without firing DELETE triggers: refuse the insert first.
SQLITE_GUARDS = [
    """CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events
       WHEN EXISTS (SELECT 1 FROM audit_events WHERE seq = NEW.seq)
       BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END""",
]
# TRUNCATE fires no row trigger: a statement trigger refuses it.
POSTGRES_GUARDS = [
    """CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
       FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()""",
]


def upgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("key_id", sa.String(32)))
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("handling_organ", sa.String(40)))
        batch.add_column(sa.Column("handling_level", sa.String(20)))
        batch.add_column(sa.Column("seats", sa.Text, nullable=False, server_default=""))
    _fill_seats()
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("jurisdiction", sa.String(100)))
        batch.add_column(sa.Column("grants", sa.JSON, nullable=False, server_default="[]"))
        batch.add_column(sa.Column("password_hash", sa.Text))
        batch.add_column(sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()))
    op.create_table(
        "key_binding",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("fingerprint", sa.String(32), nullable=False),
        sa.Column("legacy_upto", sa.Integer, nullable=False),
        sa.Column("legacy_head", sa.String(64), nullable=False),
        sa.Column("bound_at", sa.String(40), nullable=False),
        sa.Column("mac", sa.String(64), nullable=False),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("scopes", sa.JSON, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("expires_at", TZ, nullable=False),
        sa.Column("revoked_at", TZ),
    )

    def child(name: str, *columns: sa.Column) -> None:
        op.create_table(
            name,
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("case_pk", sa.Integer, sa.ForeignKey("cases.id"), nullable=False, index=True),
            sa.Column("actor", sa.String(100), nullable=False),
            sa.Column("at", TZ, nullable=False),
            *columns,
        )

    child(
        "reveal_requests",
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("decided_by", sa.String(100)),
        sa.Column("decided_at", TZ),
        sa.Column("decision_comment", sa.Text, nullable=False),
        sa.Column("expires_at", TZ),
        sa.Column("shown_at", TZ),
    )
    child(
        "reporter_feedback",
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("given_on", sa.Date, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
    )
    guards = POSTGRES_GUARDS if op.get_context().dialect.name == "postgresql" else SQLITE_GUARDS
    for statement in guards:
        op.execute(statement)


def _fill_seats() -> None:
    """Cases stored before: their seats, from their documents (need-to-know filters on them)."""
    from zhengming.lifecycle.roles import case_seats, handling_seat

    cases = sa.table(
        "cases",
        sa.column("id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("document", sa.JSON),
        sa.column("decision", sa.JSON),
        sa.column("steps", sa.JSON),
        sa.column("handling_organ", sa.String),
        sa.column("handling_level", sa.String),
        sa.column("seats", sa.Text),
    )
    connection = op.get_bind()
    rows = connection.execute(sa.select(cases.c.id, cases.c.kind, cases.c.document, cases.c.decision, cases.c.steps))
    for row in rows.all():
        handling = handling_seat(row.kind, row.document)
        connection.execute(
            cases.update()
            .where(cases.c.id == row.id)
            .values(
                handling_organ=handling.organ,
                handling_level=handling.level,
                seats=case_seats(row.kind, row.document, row.decision, row.steps),
            )
        )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_replace")
    for table in ("reporter_feedback", "reveal_requests", "api_tokens", "key_binding"):
        op.drop_table(table)
    with op.batch_alter_table("users") as batch:
        for column in ("active", "password_hash", "grants", "jurisdiction"):
            batch.drop_column(column)
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("key_id")
    with op.batch_alter_table("cases") as batch:
        for column in ("seats", "handling_level", "handling_organ"):
            batch.drop_column(column)
