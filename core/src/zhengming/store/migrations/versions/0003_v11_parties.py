"""v1.1: whom a false-accusation or fault-tolerance case concerns, the names of reporters among them sealed.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

(If another 0003 lands first, renumber this file to follow it and update ``HEAD_REVISION``.)
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing cases concern nobody on record: an empty list, not NULL.
    op.add_column("cases", sa.Column("parties", sa.JSON, nullable=False, server_default=sa.text("'[]'")))
    op.add_column("cases", sa.Column("parties_sealed", sa.LargeBinary))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("parties_sealed")
        batch.drop_column("parties")
