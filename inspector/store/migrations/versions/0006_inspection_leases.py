"""Inspection leases: a queued or running inspection whose lease passed belongs to a dead process.

`lease_expires_at` is set when an inspection is queued or started (and renewed when a worker
takes it up again); the service's reaper marks rows whose lease passed as failed
(`abandoned`). `attempts` counts how often a process started the inspection. Rows already
queued or running when this migration runs get an expired lease: they were left by the
processes stopped for the upgrade.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inspections") as batch:
        batch.add_column(sa.Column("lease_expires_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE inspections SET lease_expires_at = updated_at WHERE status IN ('queued', 'running')")
    op.create_index("ix_inspections_lease", "inspections", ["status", "lease_expires_at"])


def downgrade() -> None:
    op.drop_index("ix_inspections_lease", table_name="inspections")
    with op.batch_alter_table("inspections") as batch:
        batch.drop_column("attempts")
        batch.drop_column("lease_expires_at")
