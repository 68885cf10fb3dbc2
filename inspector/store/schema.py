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
    # While queued or running: past this time the process that owns the inspection is presumed
    # dead and the reaper marks it failed (service/recovery.py). `attempts`: starts so far.
    sa.Column("lease_expires_at", UtcDateTime()),
    sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
    sa.Index("ix_inspections_created", "created_at", "id"),
    sa.Index("ix_inspections_verdict", "verdict"),
    sa.Index("ix_inspections_kind", "kind"),
    sa.Index("ix_inspections_lease", "status", "lease_expires_at"),
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

# Per-artifact analysis results, reused until the rules or the analyzers change.
analysis_cache = sa.Table(
    "analysis_cache",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("ruleset_version", sa.String(128), primary_key=True),
    sa.Column("analyzer_version", sa.String(64), primary_key=True),
    sa.Column("findings", sa.Text(), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

# Whole analysed trees of the live inspection path (model.CachedTree as JSON), keyed by the
# root's sha256 and its tree key (the analysis version and the root's hints, analysis/tree_cache.py).
analysis_trees = sa.Table(
    "analysis_trees",
    metadata,
    sa.Column("root_sha256", sa.String(64), primary_key=True),
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("tree", sa.Text(), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

rescans = sa.Table(
    "rescans",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("ruleset_version", sa.String(128), nullable=False),
    sa.Column("analyzer_version", sa.String(64), nullable=False),
    sa.Column("rule_count", sa.Integer(), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("filters", sa.JSON(), nullable=False),
    sa.Column("dry_run", sa.Boolean(), nullable=False),
    sa.Column("refetch", sa.Boolean(), nullable=False),
    sa.Column("requested_by", sa.String(64)),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.Column("started_at", UtcDateTime()),
    sa.Column("finished_at", UtcDateTime()),
    sa.Column("artifacts_total", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("artifacts_cached", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("artifacts_missing", sa.Integer(), nullable=False, server_default="0"),  # at planning
    sa.Column("inspections_total", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("inspections_done", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("changes", sa.Integer(), nullable=False, server_default="0"),
    # Last inspection id re-scored: the verdict phase resumes after it.
    sa.Column("rescore_cursor", sa.String(64)),
    sa.Column("error", sa.Text()),
    sa.Index("ix_rescans_created", "created_at"),
)

# One row per ruleset version while a rescan for it is unfinished: the primary key is the lock.
rescan_locks = sa.Table(
    "rescan_locks",
    metadata,
    sa.Column("ruleset_version", sa.String(128), primary_key=True),
    sa.Column("rescan_id", sa.String(32), sa.ForeignKey("rescans.id", ondelete="CASCADE"), nullable=False),
)

# Work units handed to workers; a lease lets a killed worker's batch be taken over.
rescan_batches = sa.Table(
    "rescan_batches",
    metadata,
    sa.Column("rescan_id", sa.String(32), sa.ForeignKey("rescans.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("batch_no", sa.Integer(), primary_key=True),
    sa.Column("state", sa.String(16), nullable=False),  # pending, running, done
    sa.Column("owner", sa.String(64)),
    sa.Column("lease_until", UtcDateTime()),
    sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("bytes", sa.BigInteger(), nullable=False, server_default="0"),
    sa.Column("scanned", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("missing", sa.Integer(), nullable=False, server_default="0"),
    sa.Index("ix_rescan_batches_state", "rescan_id", "state"),
)

rescan_items = sa.Table(
    "rescan_items",
    metadata,
    sa.Column("rescan_id", sa.String(32), sa.ForeignKey("rescans.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("batch_no", sa.Integer(), nullable=False),
    sa.Column("state", sa.String(16), nullable=False),  # pending, scanned, cached, missing
    sa.Column("scans", sa.Integer(), nullable=False, server_default="0"),
    sa.Index("ix_rescan_items_batch", "rescan_id", "batch_no"),
)

# Every verdict a rescan changed (or, in a dry run, would change).
verdict_changes = sa.Table(
    "verdict_changes",
    metadata,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("rescan_id", sa.String(32), sa.ForeignKey("rescans.id", ondelete="CASCADE"), nullable=False),
    sa.Column("inspection_id", sa.String(64), sa.ForeignKey("inspections.id", ondelete="CASCADE"), nullable=False),
    sa.Column("old_verdict", sa.String(16), nullable=False),
    sa.Column("new_verdict", sa.String(16), nullable=False),
    sa.Column("old_score", sa.Integer(), nullable=False),
    sa.Column("new_score", sa.Integer(), nullable=False),
    sa.Column("old_alerts", sa.JSON(), nullable=False),
    sa.Column("new_alerts", sa.JSON(), nullable=False),
    sa.Column("applied", sa.Boolean(), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.UniqueConstraint("rescan_id", "inspection_id", name="uq_verdict_changes_rescan_inspection"),
)

EVENT_SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# The outbox: events are written in the same transaction as the change they describe.
events = sa.Table(
    "events",
    metadata,
    # 64-bit: a busy outbox outgrows 2^31 events. SQLite's INTEGER PRIMARY KEY is 64-bit already
    # (and only that spelling is the rowid, which autoincrement needs).
    sa.Column("seq", EVENT_SEQ, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(64), nullable=False, unique=True),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("inspection_id", sa.String(64), nullable=False),
    sa.Column("body", sa.Text(), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)

# How far each sink has delivered, and who may deliver (a lease, so one replica sends at a time).
event_cursors = sa.Table(
    "event_cursors",
    metadata,
    sa.Column("sink", sa.String(200), primary_key=True),
    sa.Column("delivered_seq", EVENT_SEQ, nullable=False, server_default="0"),
    sa.Column("owner", sa.String(64)),
    sa.Column("lease_until", UtcDateTime()),
    sa.Column("failures", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("last_error", sa.Text()),
)

# --- activity history (inspector/store/activity.py; migration 0008). Counters, not copies of records.
ACTIVITY_VALUE = 1024

activity_subscriptions = sa.Table(
    "activity_subscriptions",
    metadata,
    sa.Column("subscription_id", sa.String(128), primary_key=True),
    sa.Column("first_time", UtcDateTime()),
    sa.Column("newest", UtcDateTime()),
)

# When each value of a dimension (caller, IP range, operation, family per caller, ...) was first and last seen.
activity_seen = sa.Table(
    "activity_seen",
    metadata,
    sa.Column("subscription_id", sa.String(128), primary_key=True),
    sa.Column("dimension", sa.String(32), primary_key=True),
    sa.Column("value", sa.String(ACTIVITY_VALUE), primary_key=True),
    sa.Column("first_seen", UtcDateTime(), nullable=False),
    sa.Column("last_seen", UtcDateTime(), nullable=False),
)

# How often a day: one counter per dimension value and day of event time.
activity_daily = sa.Table(
    "activity_daily",
    metadata,
    sa.Column("subscription_id", sa.String(128), primary_key=True),
    sa.Column("dimension", sa.String(32), primary_key=True),
    sa.Column("value", sa.String(ACTIVITY_VALUE), primary_key=True),
    sa.Column("day", sa.Date(), primary_key=True),
    sa.Column("count", sa.Integer(), nullable=False),
)

# The inventory learned from virtualMachines/write bodies and responses.
activity_vms = sa.Table(
    "activity_vms",
    metadata,
    sa.Column("vm_id", sa.String(ACTIVITY_VALUE), primary_key=True),
    sa.Column("subscription_id", sa.String(128), nullable=False),
    sa.Column("size", sa.String(128)),
    sa.Column("os_type", sa.String(32)),
    sa.Column("updated_at", UtcDateTime()),
    sa.Index("ix_activity_vms_subscription", "subscription_id"),
)

# Each extension resource's install/delete history (counts and the latest of each).
activity_extensions = sa.Table(
    "activity_extensions",
    metadata,
    sa.Column("resource_id", sa.String(ACTIVITY_VALUE), primary_key=True),
    sa.Column("subscription_id", sa.String(128), nullable=False),
    sa.Column("vm_id", sa.String(ACTIVITY_VALUE)),
    sa.Column("extension_type", sa.String(256)),
    sa.Column("family", sa.String(32), nullable=False),
    sa.Column("installs", sa.Integer(), nullable=False),
    sa.Column("deletes", sa.Integer(), nullable=False),
    sa.Column("last_install", UtcDateTime()),
    sa.Column("last_install_by", sa.String(ACTIVITY_VALUE)),
    sa.Column("last_delete", UtcDateTime()),
    sa.Index("ix_activity_extensions_subscription", "subscription_id"),
)

# Extension, Run Command and VM operations, one row per operation (its start and end records are one).
activity_operations = sa.Table(
    "activity_operations",
    metadata,
    sa.Column("subscription_id", sa.String(128), primary_key=True),
    sa.Column("op_key", sa.String(64), primary_key=True),
    sa.Column("time", UtcDateTime(), nullable=False),
    sa.Column("family", sa.String(32), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("caller", sa.String(ACTIVITY_VALUE)),
    sa.Column("ip_range", sa.String(64)),
    sa.Column("vm_id", sa.String(ACTIVITY_VALUE)),
    sa.Column("extension_type", sa.String(256)),
    sa.Column("correlation_id", sa.String(128)),
    sa.Index("ix_activity_operations_time", "subscription_id", "time"),
)

# Record ids of the last `activity_max_lateness_s`: a record sent twice counts once.
activity_record_ids = sa.Table(
    "activity_record_ids",
    metadata,
    sa.Column("subscription_id", sa.String(128), primary_key=True),
    sa.Column("record_id", sa.String(128), primary_key=True),
    sa.Column("event_time", UtcDateTime(), nullable=False),
    sa.Index("ix_activity_record_ids_time", "subscription_id", "event_time"),
)

# Records held back for reordering between streaming batches (migration 0009): working data,
# each row deleted in the transaction that saves its judgement (inspector/activity/engine.py).
activity_held = sa.Table(
    "activity_held",
    metadata,
    sa.Column("subscription_id", sa.String(128), primary_key=True),
    sa.Column("record_id", sa.String(128), primary_key=True),
    sa.Column("event_time", UtcDateTime(), nullable=False),
    sa.Column("seq", sa.Integer(), nullable=False),
    sa.Column("record", sa.JSON(), nullable=False),
    # Wall time of the save that last held it back: a subscription quiet for long enough has
    # its held records judged (inspector/service/activity_release.py), never kept for ever.
    sa.Column("received_at", UtcDateTime(), nullable=False),
    sa.Index("ix_activity_held_received_at", "received_at"),
)

# Alerts raised from the activity stream; the dedupe key makes each one exactly once.
activity_alerts = sa.Table(
    "activity_alerts",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("subscription_id", sa.String(128), nullable=False),
    sa.Column("dedupe_key", sa.String(ACTIVITY_VALUE), nullable=False),
    sa.Column("alert_type", sa.String(128), nullable=False),
    sa.Column("severity", sa.String(8), nullable=False),
    sa.Column("start_time", UtcDateTime(), nullable=False),
    sa.Column("end_time", UtcDateTime(), nullable=False),
    sa.Column("body", sa.JSON(), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
    sa.UniqueConstraint("subscription_id", "dedupe_key", name="uq_activity_alerts_dedupe"),
    sa.Index("ix_activity_alerts_time", "subscription_id", "start_time"),
    sa.Index("ix_activity_alerts_type", "alert_type"),
)
