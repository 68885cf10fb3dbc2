"""Records held back for reordering between streaming activity batches (inspector/store/activity.py):
working data, deleted once judged.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "activity_held",
        sa.Column("subscription_id", sa.String(128), primary_key=True),
        sa.Column("record_id", sa.String(128), primary_key=True),
        sa.Column("event_time", sa.DateTime(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_activity_held_received_at", "activity_held", ["received_at"])


def downgrade() -> None:
    op.drop_index("ix_activity_held_received_at", table_name="activity_held")
    op.drop_table("activity_held")
