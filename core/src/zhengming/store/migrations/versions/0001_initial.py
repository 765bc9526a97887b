"""The case store: users, cases and what is done to them, the audit chain.

Revision ID: 0001
Revises:
Create Date: 2026-05-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

GENESIS = "0" * 64
TZ = sa.DateTime(timezone=True)

# audit_events is append-only: the database itself refuses UPDATE and DELETE on it.
SQLITE_GUARDS = [
    f"""CREATE TRIGGER audit_events_no_{what} BEFORE {what.upper()} ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"""
    for what in ("update", "delete")
]
POSTGRES_GUARDS = [
    """CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$""",
    """CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
       FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()""",
]


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("organ", sa.String(40), nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.String(100), nullable=False, unique=True),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("jurisdiction", sa.String(100), nullable=False),
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("state", sa.String(30), nullable=False, index=True),
        sa.Column("outcome", sa.String(30), nullable=False),
        sa.Column("fast_track", sa.Boolean, nullable=False),
        sa.Column("due_on", sa.Date),
        sa.Column("steps", sa.JSON, nullable=False),
        sa.Column("current_step", sa.Integer, nullable=False),
        sa.Column("document", sa.JSON, nullable=False),
        sa.Column("decision", sa.JSON, nullable=False),
        sa.Column("chain", sa.JSON, nullable=False),
        sa.Column("plugin_versions", sa.JSON, nullable=False),
        sa.Column("rules_fingerprint", sa.String(64), nullable=False),
        sa.Column("reporter_sealed", sa.LargeBinary),
        sa.Column("consent", sa.String(20)),
        sa.Column("close_reason", sa.Text),
        sa.Column("opened_by", sa.String(100), nullable=False),
        sa.Column("opened_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
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
        "approvals",
        sa.Column("step_index", sa.Integer, nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("level", sa.String(20)),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
    )
    child(
        "consents",
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
    )
    child(
        "clarifications",
        sa.Column("method", sa.String(30), nullable=False),
        sa.Column("carried_out_on", sa.Date, nullable=False),
        sa.Column("scope", sa.Text, nullable=False),
    )
    child(
        "notifications",
        sa.Column("recipient", sa.String(40), nullable=False),
        sa.Column("notified_on", sa.Date, nullable=False),
    )
    child(
        "revisits",
        sa.Column("planned_on", sa.Date, nullable=False),
        sa.Column("done_on", sa.Date),
        sa.Column("method", sa.String(30)),
        sa.Column("target", sa.String(20)),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("case_id", sa.String(100), index=True),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last_seq", sa.Integer, nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
    )
    op.bulk_insert(head, [{"id": 1, "last_seq": 0, "last_hash": GENESIS}])
    guards = POSTGRES_GUARDS if op.get_context().dialect.name == "postgresql" else SQLITE_GUARDS
    for statement in guards:
        op.execute(statement)


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
    for table in (
        "audit_head",
        "audit_events",
        "revisits",
        "notifications",
        "clarifications",
        "consents",
        "approvals",
        "cases",
        "users",
    ):
        op.drop_table(table)
