"""Event cursors are 64-bit: `events.seq` and `event_cursors.delivered_seq` become BIGINT.

SQLite's INTEGER is 64-bit already; on PostgreSQL the columns and the sequence behind
`events.seq` were 32-bit, so the 2^31st event could not be written and a cursor past 2^31-1
could not be compared.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.alter_column("events", "seq", type_=sa.BigInteger(), existing_type=sa.Integer(), existing_nullable=False)
    op.execute("ALTER SEQUENCE IF EXISTS events_seq_seq AS BIGINT")
    op.alter_column("event_cursors", "delivered_seq", type_=sa.BigInteger(), existing_type=sa.Integer(),
                    existing_nullable=False, existing_server_default="0")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.alter_column("event_cursors", "delivered_seq", type_=sa.Integer(), existing_type=sa.BigInteger(),
                    existing_nullable=False, existing_server_default="0")
    op.execute("ALTER SEQUENCE IF EXISTS events_seq_seq AS INTEGER")
    op.alter_column("events", "seq", type_=sa.Integer(), existing_type=sa.BigInteger(), existing_nullable=False)
