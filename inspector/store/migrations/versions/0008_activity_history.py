"""The activity stream's history: per-subscription counters, VM inventory, extension history,
recent operations, record ids for idempotency, and the alerts raised (inspector/store/activity.py).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "activity_subscriptions",
        sa.Column("subscription_id", sa.String(128), primary_key=True),
        sa.Column("first_time", sa.DateTime()),
        sa.Column("newest", sa.DateTime()),
    )
    op.create_table(
        "activity_seen",
        sa.Column("subscription_id", sa.String(128), primary_key=True),
        sa.Column("dimension", sa.String(32), primary_key=True),
        sa.Column("value", sa.String(1024), primary_key=True),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "activity_daily",
        sa.Column("subscription_id", sa.String(128), primary_key=True),
        sa.Column("dimension", sa.String(32), primary_key=True),
        sa.Column("value", sa.String(1024), primary_key=True),
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
    )
    op.create_table(
        "activity_vms",
        sa.Column("vm_id", sa.String(1024), primary_key=True),
        sa.Column("subscription_id", sa.String(128), nullable=False),
        sa.Column("size", sa.String(128)),
        sa.Column("os_type", sa.String(32)),
        sa.Column("updated_at", sa.DateTime()),
    )
    op.create_index("ix_activity_vms_subscription", "activity_vms", ["subscription_id"])
    op.create_table(
        "activity_extensions",
        sa.Column("resource_id", sa.String(1024), primary_key=True),
        sa.Column("subscription_id", sa.String(128), nullable=False),
        sa.Column("vm_id", sa.String(1024)),
        sa.Column("extension_type", sa.String(256)),
        sa.Column("family", sa.String(32), nullable=False),
        sa.Column("installs", sa.Integer(), nullable=False),
        sa.Column("deletes", sa.Integer(), nullable=False),
        sa.Column("last_install", sa.DateTime()),
        sa.Column("last_install_by", sa.String(1024)),
        sa.Column("last_delete", sa.DateTime()),
    )
    op.create_index("ix_activity_extensions_subscription", "activity_extensions", ["subscription_id"])
    op.create_table(
        "activity_operations",
        sa.Column("subscription_id", sa.String(128), primary_key=True),
        sa.Column("op_key", sa.String(64), primary_key=True),
        sa.Column("time", sa.DateTime(), nullable=False),
        sa.Column("family", sa.String(32), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("caller", sa.String(1024)),
        sa.Column("ip_range", sa.String(64)),
        sa.Column("vm_id", sa.String(1024)),
        sa.Column("extension_type", sa.String(256)),
        sa.Column("correlation_id", sa.String(128)),
    )
    op.create_index("ix_activity_operations_time", "activity_operations", ["subscription_id", "time"])
    op.create_table(
        "activity_record_ids",
        sa.Column("subscription_id", sa.String(128), primary_key=True),
        sa.Column("record_id", sa.String(128), primary_key=True),
        sa.Column("event_time", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_activity_record_ids_time", "activity_record_ids", ["subscription_id", "event_time"])
    op.create_table(
        "activity_alerts",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("subscription_id", sa.String(128), nullable=False),
        sa.Column("dedupe_key", sa.String(1024), nullable=False),
        sa.Column("alert_type", sa.String(128), nullable=False),
        sa.Column("severity", sa.String(8), nullable=False),
        sa.Column("start_time", sa.DateTime(), nullable=False),
        sa.Column("end_time", sa.DateTime(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("subscription_id", "dedupe_key", name="uq_activity_alerts_dedupe"),
    )
    op.create_index("ix_activity_alerts_time", "activity_alerts", ["subscription_id", "start_time"])
    op.create_index("ix_activity_alerts_type", "activity_alerts", ["alert_type"])


def downgrade() -> None:
    op.drop_table("activity_alerts")
    op.drop_table("activity_record_ids")
    op.drop_table("activity_operations")
    op.drop_table("activity_extensions")
    op.drop_table("activity_vms")
    op.drop_table("activity_daily")
    op.drop_table("activity_seen")
    op.drop_table("activity_subscriptions")
