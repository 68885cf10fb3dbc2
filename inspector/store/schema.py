"""Table definitions the store queries (SQLAlchemy Core). Migrations create them; see migrations/.

Times are stored as naive UTC and handed back timezone-aware, so SQLite (which has no time
zone type) and PostgreSQL sort and compare them the same way.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

metadata = sa.MetaData()


class UtcDateTime(sa.types.TypeDecorator[datetime]):
    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass timezone-aware UTC times")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("secret_hash", sa.String(64), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("name", sa.String(200)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("revoked_at", UtcDateTime()),
    sa.Column("last_used_at", UtcDateTime()),
)

inspections = sa.Table(
    "inspections",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("key_id", sa.String(32)),
    sa.Column("input_name", sa.String(1024)),
    sa.Column("request", sa.JSON()),
    sa.Column("context", sa.JSON()),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("updated_at", UtcDateTime(), nullable=False),
    sa.Column("error_kind", sa.String(64)),
    sa.Column("error_detail", sa.Text()),
    # The current verdict, denormalised from `verdicts` so lists filter without a join.
    sa.Column("verdict", sa.String(16)),
    sa.Column("score", sa.Integer()),
    sa.Column("severity", sa.String(8)),
    sa.Column("ruleset_version", sa.String(128)),
    sa.Column("current_verdict_id", sa.Integer()),
    sa.Index("ix_inspections_created", "created_at", "id"),
    sa.Index("ix_inspections_verdict", "verdict"),
    sa.Index("ix_inspections_kind", "kind"),
)

# Every verdict ever made for an inspection: the first one and one per rescan that changed it.
verdicts = sa.Table(
    "verdicts",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("inspection_id", sa.String(64), sa.ForeignKey("inspections.id", ondelete="CASCADE"), nullable=False),
    sa.Column("ruleset_version", sa.String(128), nullable=False),
    sa.Column("verdict", sa.String(16), nullable=False),
    sa.Column("score", sa.Integer(), nullable=False),
    sa.Column("severity", sa.String(8), nullable=False),
    sa.Column("cause", sa.String(64), nullable=False),
    sa.Column("body", sa.Text(), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Index("ix_verdicts_inspection", "inspection_id", "id"),
)

# Content-addressed payloads: one row per distinct sha256, however many inspections saw it.
payloads = sa.Table(
    "payloads",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger(), nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("first_seen", UtcDateTime(), nullable=False),
    sa.Column("last_seen", UtcDateTime(), nullable=False),
    # present: bytes in the blob store; absent: never received; expired: removed by retention.
    sa.Column("blob_state", sa.String(16), nullable=False),
    sa.Index("ix_payloads_last_seen", "last_seen"),
)

# The payload tree of one inspection: nodes in order, with parent edges and origins.
inspection_artifacts = sa.Table(
    "inspection_artifacts",
    metadata,
    sa.Column("inspection_id", sa.String(64), sa.ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("position", sa.Integer(), primary_key=True),
    sa.Column("sha256", sa.String(64), sa.ForeignKey("payloads.sha256"), nullable=False),
    sa.Column("parent", sa.String(64)),
    sa.Column("origin", sa.Text(), nullable=False),
    sa.Column("depth", sa.Integer(), nullable=False),
    sa.Column("role", sa.String(64)),
    sa.Column("url", sa.Text()),
    sa.Index("ix_inspection_artifacts_sha256", "sha256"),
)

inspection_fetches = sa.Table(
    "inspection_fetches",
    metadata,
    sa.Column("inspection_id", sa.String(64), sa.ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("position", sa.Integer(), primary_key=True),
    sa.Column("url", sa.Text(), nullable=False),
    sa.Column("role", sa.String(64), nullable=False),
    sa.Column("fetched", sa.Boolean(), nullable=False),
    sa.Column("final_url", sa.Text()),
    sa.Column("status", sa.Integer()),
    sa.Column("sha256", sa.String(64)),
    sa.Column("error", sa.String(64)),
)

inspection_alerts = sa.Table(
    "inspection_alerts",
    metadata,
    sa.Column("inspection_id", sa.String(64), sa.ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("alert_type", sa.String(128), primary_key=True),
    sa.Index("ix_inspection_alerts_type", "alert_type"),
)
