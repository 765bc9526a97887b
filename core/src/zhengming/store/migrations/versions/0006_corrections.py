"""Corrections (issue 12 item 7): an approval given on paper keeps its own date; approvals an amended
intake made void keep the time they were superseded.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23

(If another 0006 lands first, renumber this file to follow it and update ``HEAD_REVISION``.)
Both columns are NULL on every row written before: row digests leave a NULL column of this migration
out (``integrity.LATE_COLUMNS``), so approvals recorded earlier still verify.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("approvals", sa.Column("given_on", sa.Date))  # the date on the paper (纸质审批日期)
    op.add_column("approvals", sa.Column("superseded_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    with op.batch_alter_table("approvals") as batch:
        batch.drop_column("superseded_at")
        batch.drop_column("given_on")
