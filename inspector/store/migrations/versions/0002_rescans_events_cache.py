"""Analysis cache, rescans (lock, batches, items, changes) and the event outbox.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "analysis_cache",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("ruleset_version", sa.String(128), primary_key=True),
        sa.Column("analyzer_version", sa.String(64), primary_key=True),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "rescans",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("ruleset_version", sa.String(128), nullable=False),
        sa.Column("analyzer_version", sa.String(64), nullable=False),
        sa.Column("rule_count", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("dry_run", sa.Boolean(), nullable=False),
        sa.Column("refetch", sa.Boolean(), nullable=False),
        sa.Column("requested_by", sa.String(64)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("started_at", sa.DateTime()),
        sa.Column("finished_at", sa.DateTime()),
        sa.Column("artifacts_total", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("artifacts_cached", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("inspections_total", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("inspections_done", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("changes", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("rescore_cursor", sa.String(64)),
        sa.Column("error", sa.Text()),
    )
    op.create_index("ix_rescans_created", "rescans", ["created_at"])
    op.create_table(
        "rescan_locks",
        sa.Column("ruleset_version", sa.String(128), primary_key=True),
        sa.Column("rescan_id", sa.String(32), sa.ForeignKey("rescans.id", ondelete="CASCADE"), nullable=False),
    )
    op.create_table(
        "rescan_batches",
        sa.Column("rescan_id", sa.String(32), sa.ForeignKey("rescans.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("batch_no", sa.Integer(), primary_key=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("owner", sa.String(64)),
        sa.Column("lease_until", sa.DateTime()),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("bytes", sa.BigInteger(), nullable=False, server_default="0"),
    )
    op.create_index("ix_rescan_batches_state", "rescan_batches", ["rescan_id", "state"])
    op.create_table(
        "rescan_items",
        sa.Column("rescan_id", sa.String(32), sa.ForeignKey("rescans.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("batch_no", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("scans", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_index("ix_rescan_items_batch", "rescan_items", ["rescan_id", "batch_no"])
    op.create_table(
        "verdict_changes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("rescan_id", sa.String(32), sa.ForeignKey("rescans.id", ondelete="CASCADE"), nullable=False),
        sa.Column(
            "inspection_id", sa.String(64), sa.ForeignKey("inspections.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("old_verdict", sa.String(16), nullable=False),
        sa.Column("new_verdict", sa.String(16), nullable=False),
        sa.Column("old_score", sa.Integer(), nullable=False),
        sa.Column("new_score", sa.Integer(), nullable=False),
        sa.Column("old_alerts", sa.JSON(), nullable=False),
        sa.Column("new_alerts", sa.JSON(), nullable=False),
        sa.Column("applied", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("rescan_id", "inspection_id", name="uq_verdict_changes_rescan_inspection"),
    )
    op.create_table(
        "events",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(64), nullable=False, unique=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("inspection_id", sa.String(64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "event_cursors",
        sa.Column("sink", sa.String(200), primary_key=True),
        sa.Column("delivered_seq", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("owner", sa.String(64)),
        sa.Column("lease_until", sa.DateTime()),
        sa.Column("failures", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text()),
    )


def downgrade() -> None:
    for table in (
        "event_cursors",
        "events",
        "verdict_changes",
        "rescan_items",
        "rescan_batches",
        "rescan_locks",
        "rescans",
        "analysis_cache",
    ):
        op.drop_table(table)
