"""Keys, inspections, verdict history, content-addressed payloads and their trees.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime()),
        sa.Column("last_used_at", sa.DateTime()),
    )
    op.create_table(
        "inspections",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("key_id", sa.String(32)),
        sa.Column("input_name", sa.String(1024)),
        sa.Column("request", sa.JSON()),
        sa.Column("context", sa.JSON()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("error_kind", sa.String(64)),
        sa.Column("error_detail", sa.Text()),
        sa.Column("verdict", sa.String(16)),
        sa.Column("score", sa.Integer()),
        sa.Column("severity", sa.String(8)),
        sa.Column("ruleset_version", sa.String(128)),
        sa.Column("current_verdict_id", sa.Integer()),
    )
    op.create_index("ix_inspections_created", "inspections", ["created_at", "id"])
    op.create_index("ix_inspections_verdict", "inspections", ["verdict"])
    op.create_index("ix_inspections_kind", "inspections", ["kind"])
    op.create_table(
        "verdicts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "inspection_id", sa.String(64), sa.ForeignKey("inspections.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("ruleset_version", sa.String(128), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("severity", sa.String(8), nullable=False),
        sa.Column("cause", sa.String(64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_verdicts_inspection", "verdicts", ["inspection_id", "id"])
    op.create_table(
        "payloads",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.Column("blob_state", sa.String(16), nullable=False),
    )
    op.create_index("ix_payloads_last_seen", "payloads", ["last_seen"])
    op.create_table(
        "inspection_artifacts",
        sa.Column(
            "inspection_id", sa.String(64), sa.ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("sha256", sa.String(64), sa.ForeignKey("payloads.sha256"), nullable=False),
        sa.Column("parent", sa.String(64)),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(64)),
        sa.Column("url", sa.Text()),
    )
    op.create_index("ix_inspection_artifacts_sha256", "inspection_artifacts", ["sha256"])
    op.create_table(
        "inspection_fetches",
        sa.Column(
            "inspection_id", sa.String(64), sa.ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("role", sa.String(64), nullable=False),
        sa.Column("fetched", sa.Boolean(), nullable=False),
        sa.Column("final_url", sa.Text()),
        sa.Column("status", sa.Integer()),
        sa.Column("sha256", sa.String(64)),
        sa.Column("error", sa.String(64)),
    )
    op.create_table(
        "inspection_alerts",
        sa.Column(
            "inspection_id", sa.String(64), sa.ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("alert_type", sa.String(128), primary_key=True),
    )
    op.create_index("ix_inspection_alerts_type", "inspection_alerts", ["alert_type"])


def downgrade() -> None:
    for table in (
        "inspection_alerts",
        "inspection_fetches",
        "inspection_artifacts",
        "payloads",
        "verdicts",
        "inspections",
        "api_keys",
    ):
        op.drop_table(table)
