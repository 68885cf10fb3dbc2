"""Per-batch scanned/missing counts, so rescan progress reads a few batch rows, not every item.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rescan_batches") as batch:
        batch.add_column(sa.Column("scanned", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("missing", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("rescans") as batch:
        batch.add_column(sa.Column("artifacts_missing", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("rescans") as batch:
        batch.drop_column("artifacts_missing")
    with op.batch_alter_table("rescan_batches") as batch:
        batch.drop_column("missing")
        batch.drop_column("scanned")
