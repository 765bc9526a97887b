"""Statistics (issue 14): the per-case figures table the report aggregates, and its indexes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

Named for what it adds (other branches add migrations too: whoever merges later renumbers the chain).
Cases stored before this migration get their figures from their stored documents.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_figures",
        sa.Column("case_pk", sa.Integer, sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("jurisdiction", sa.String(100), nullable=False),
        sa.Column("decided_on", sa.Date, nullable=False),
        sa.Column("outcome", sa.String(30), nullable=False),
        sa.Column("classification", sa.String(20)),
        sa.Column("persons", sa.Integer, nullable=False),
        sa.Column("units", sa.Integer, nullable=False),
    )
    # the report filters by kind and period, optionally by jurisdiction
    op.create_index("ix_case_figures_kind_decided", "case_figures", ["kind", "decided_on", "jurisdiction"])
    op.create_index("ix_case_figures_jurisdiction", "case_figures", ["jurisdiction", "kind"])
    # clarifications carried out in a period, by method
    op.create_index("ix_clarifications_carried_out", "clarifications", ["carried_out_on", "case_pk", "method"])
    _backfill()


def _backfill() -> None:
    from zhengming.reports.figures import figures_of

    bind = op.get_bind()
    cases = sa.table(
        "cases",
        sa.column("id"),
        sa.column("kind"),
        sa.column("jurisdiction"),
        sa.column("as_of"),
        sa.column("outcome"),
        sa.column("document", sa.JSON),
        sa.column("decision", sa.JSON),
    )
    names = ("case_pk", "kind", "jurisdiction", "decided_on", "outcome", "classification", "persons", "units")
    figures = sa.table("case_figures", *(sa.column(c) for c in names))
    rows = [
        {
            name: value
            for name, value in (
                {"case_pk": r.id} | figures_of(r.kind, r.jurisdiction, r.as_of, r.outcome, r.document, r.decision)
            ).items()
            if name in names  # the columns of this revision (later ones add more)
        }
        for r in bind.execute(sa.select(cases))
    ]
    if rows:
        bind.execute(figures.insert(), rows)


def downgrade() -> None:
    op.drop_index("ix_clarifications_carried_out", "clarifications")
    op.drop_table("case_figures")
