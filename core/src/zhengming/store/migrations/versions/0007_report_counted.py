"""Statistics in one GROUP BY (issue 14): each case's counting day and clarification methods kept in
``case_figures``, read from one covering index; the report no longer joins ``clarifications``, and
overdue cases are counted from an index on ``cases``.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23

(If another 0007 lands first, renumber this file to follow it and update ``HEAD_REVISION``.)
``counted_on`` is filled from the decision day of every case but clarifications, and from the first
clarification of each clarified case; ``methods`` from its clarifications; the need-to-know columns
(``handling_organ``, ``handling_level``, ``seats``) are copied from ``cases``, so the report filters
what a user may see without joining it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# what the report reads, the period first (zhengming.store.models.REPORT_COLUMNS at this revision)
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
NEED_TO_KNOW = ("handling_organ", "handling_level", "seats")
COUNTED = sa.text("counted_on IS NOT NULL")


def upgrade() -> None:
    op.add_column("case_figures", sa.Column("counted_on", sa.Date))
    op.add_column("case_figures", sa.Column("methods", sa.String(300)))
    op.add_column("case_figures", sa.Column("handling_organ", sa.String(40)))
    op.add_column("case_figures", sa.Column("handling_level", sa.String(20)))
    op.add_column("case_figures", sa.Column("seats", sa.Text, nullable=False, server_default=""))
    _backfill()
    op.drop_index("ix_case_figures_kind_decided", "case_figures")
    op.drop_index("ix_clarifications_carried_out", "clarifications")
    op.create_index(
        "ix_case_figures_counted", "case_figures", list(REPORT_COLUMNS), postgresql_where=COUNTED, sqlite_where=COUNTED
    )
    # overdue cases counted from the index alone; the state first, so it also serves what ix_cases_state did
    op.create_index("ix_cases_state_due", "cases", ["state", "due_on", "jurisdiction", *NEED_TO_KNOW])
    op.drop_index("ix_cases_state", "cases")


def _backfill() -> None:
    bind = op.get_bind()
    figures = sa.table(
        "case_figures",
        *(sa.column(name) for name in ("case_pk", "kind", "decided_on", "counted_on", "methods", *NEED_TO_KNOW)),
    )
    clarifications = sa.table("clarifications", sa.column("case_pk"), sa.column("method"), sa.column("carried_out_on"))
    bind.execute(figures.update().where(figures.c.kind != "clarification").values(counted_on=figures.c.decided_on))
    cases = sa.table("cases", sa.column("id"), *(sa.column(name) for name in NEED_TO_KNOW))
    copied = {
        name: sa.select(cases.c[name]).where(cases.c.id == figures.c.case_pk).scalar_subquery() for name in NEED_TO_KNOW
    }
    bind.execute(figures.update().values(**copied))
    first: dict[int, object] = {}
    methods: dict[int, set[str]] = {}
    query = (
        sa.select(clarifications)
        .join(figures, figures.c.case_pk == clarifications.c.case_pk)
        .where(figures.c.kind == "clarification")
    )
    for case_pk, method, on in bind.execute(query):
        first[case_pk] = on if case_pk not in first else min(first[case_pk], on)
        methods.setdefault(case_pk, set()).add(method)
    if first:
        bind.execute(
            figures.update()
            .where(figures.c.case_pk == sa.bindparam("pk"))
            .values(counted_on=sa.bindparam("on"), methods=sa.bindparam("how")),
            [{"pk": pk, "on": on, "how": ",".join(sorted(methods[pk]))} for pk, on in first.items()],
        )


def downgrade() -> None:
    op.create_index("ix_cases_state", "cases", ["state"])
    op.drop_index("ix_cases_state_due", "cases")
    op.drop_index("ix_case_figures_counted", "case_figures")
    op.create_index("ix_clarifications_carried_out", "clarifications", ["carried_out_on", "case_pk", "method"])
    op.create_index("ix_case_figures_kind_decided", "case_figures", ["kind", "decided_on", "jurisdiction"])
    with op.batch_alter_table("case_figures") as batch:
        for name in reversed(NEED_TO_KNOW):
            batch.drop_column(name)
        batch.drop_column("methods")
        batch.drop_column("counted_on")
