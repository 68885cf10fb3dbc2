"""Activity history and the alerts it raised: one subscription's state is loaded when its first
record arrives and its changes are saved in one transaction per batch (`inspector/activity/`).

Rows are plain tuples and dicts: the activity package owns their meaning. Counters are written
as absolute values (the ingesting process holds the subscription's totals), and an alert is
inserted once per (subscription, dedupe key): a replay or a second worker cannot raise it twice.

Two processes ingesting one subscription at once must not interleave: each would load the same
totals, decide on the same history and write its own totals over the other's. `serialised()`
holds a subscription for a whole load-judge-save (a PostgreSQL session advisory lock on a hash
of the subscription id; on an SQLite file an exclusive lock on a file beside it, in memory a
process-local lock), so the second one loads what the first saved: its duplicates are skipped,
its counters add to the first's, and its detectors see the first's operations and alerts.
"""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import json
import os
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from inspector.store.database import Database
from inspector.store.events import Event, append_events
from inspector.store.schema import (
    activity_alerts,
    activity_daily,
    activity_extensions,
    activity_held,
    activity_operations,
    activity_record_ids,
    activity_seen,
    activity_subscriptions,
    activity_vms,
    utcnow,
)

MAX_ALERTS_PAGE = 500
_CHUNK = 500  # rows per executemany: bounded statements on both dialects
_LOCK_NAMESPACE = "inspector.activity|"  # advisory lock keys of other features never collide with these


def advisory_key(subscription_id: str) -> int:
    """The subscription's PostgreSQL advisory lock key: a signed 64-bit hash of its casefolded id."""
    digest = hashlib.sha256((_LOCK_NAMESPACE + subscription_id.casefold()).encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@dataclass
class ActivitySnapshot:
    """A subscription's stored history, as rows."""

    first_time: datetime | None = None
    newest: datetime | None = None
    seen: list[tuple[str, str, datetime, datetime]] = field(default_factory=list)
    daily: list[tuple[str, str, date, int]] = field(default_factory=list)
    vms: list[dict[str, Any]] = field(default_factory=list)
    extensions: list[dict[str, Any]] = field(default_factory=list)
    operations: list[dict[str, Any]] = field(default_factory=list)
    record_ids: list[tuple[str, datetime]] = field(default_factory=list)
    alert_keys: list[tuple[str, datetime]] = field(default_factory=list)


@dataclass
class ActivityChanges:
    """What one batch changed for one subscription."""

    subscription_id: str
    first_time: datetime | None
    newest: datetime | None
    seen: list[tuple[str, str, datetime, datetime]] = field(default_factory=list)
    daily: list[tuple[str, str, date, int]] = field(default_factory=list)
    vms: list[dict[str, Any]] = field(default_factory=list)
    extensions: list[dict[str, Any]] = field(default_factory=list)
    operations: list[dict[str, Any]] = field(default_factory=list)
    record_ids: list[tuple[str, datetime]] = field(default_factory=list)


@dataclass(frozen=True)
class HeldChanges:
    """How a subscription's held records change in one save: `removed` (record ids judged since
    the last save), `added` (records held back since), `holds`: it still holds some."""

    removed: list[str]
    added: list[HeldRow]
    holds: bool


@dataclass(frozen=True)
class HeldRow:
    """A record held back for reordering until its subscription's newest event time is far
    enough past it: `seq` is its arrival order among records of the same event time, `record`
    the normalised record (ActivityRecord as JSON). Working data: deleted once judged."""

    record_id: str
    event_time: datetime
    seq: int
    record: dict[str, Any]


@dataclass(frozen=True)
class VmTimeline:
    vm_id: str
    vm: dict[str, Any] | None
    extensions: list[dict[str, Any]]
    operations: list[dict[str, Any]]

    @property
    def empty(self) -> bool:
        return self.vm is None and not self.extensions and not self.operations


@dataclass(frozen=True)
class AlertRow:
    id: str
    subscription_id: str
    dedupe_key: str
    alert_type: str
    severity: str
    start_time: datetime
    end_time: datetime
    body: dict[str, Any]


ALERT_RAISED = "alert.raised"


def alert_event(alert: AlertRow) -> Event:
    """The outbox event of a newly stored alert: the alert whole, under `alert`; the event's
    `inspection_id` is the inspection of the request body that fed it (empty when none did)."""
    inspection_id = alert.body.get("inspection_id") or ""
    return (ALERT_RAISED, str(inspection_id)[:64], {"alert_id": alert.id, "alert_type": alert.alert_type,
                                                     "subscription_id": alert.subscription_id, "alert": alert.body})


def _chunks(rows: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(rows), _CHUNK):
        yield rows[start:start + _CHUNK]


def database_url_of(database: Database) -> str:
    return database.engine.url.render_as_string(hide_password=False)


class ActivityRepository:
    def __init__(self, database: Database) -> None:
        self.database = database
        self._local_lock = asyncio.Lock()

    @asynccontextmanager
    async def serialised(self, *subscription_ids: str) -> AsyncIterator[None]:
        """Hold the subscriptions against every other ingest of them (any process) until the block ends.

        Wrap a whole ingest of their records in it: loading the history, judging, and saving.
        Waits for a holder to finish; a holder that dies releases it (the database session or the
        file descriptor ends with the process). Several subscriptions (a batch that spans them)
        are taken in one sorted order, so two batches never wait for each other in a cycle.
        """
        if self.database.dialect == "postgresql":
            keys = sorted({advisory_key(s) for s in subscription_ids})
            async with self.database.engine.connect() as conn:
                # Autocommit: the locks belong to the session, no transaction stays open meanwhile.
                conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
                held: list[int] = []
                try:
                    for key in keys:
                        await conn.execute(sa.text("SELECT pg_advisory_lock(:key)"), {"key": key})
                        held.append(key)
                    yield
                finally:
                    for key in reversed(held):
                        await conn.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": key})
            return
        path = make_url(database_url_of(self.database)).database
        async with self._local_lock:
            if not path or path == ":memory:":
                yield
                return
            # SQLite has one writer at a time already; one lock file serialises every subscription.
            fd = os.open(f"{path}.activity-lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                await asyncio.to_thread(fcntl.flock, fd, fcntl.LOCK_EX)
                yield
            finally:
                os.close(fd)  # closing the descriptor releases the lock

    async def newest(self, subscription_id: str) -> datetime | None:
        """The newest event time stored for a subscription (None: nothing stored yet)."""
        async with self.database.read() as conn:
            return (await conn.execute(sa.select(activity_subscriptions.c.newest).where(
                activity_subscriptions.c.subscription_id == subscription_id))).scalar()

    async def load(self, subscription_id: str, *, operations_since: datetime | None = None,
                   daily_since: date | None = None, record_ids_since: datetime | None = None) -> ActivitySnapshot:
        """The stored history of a subscription; operations, day counters and record ids only
        from the given times (older ones are past every window)."""
        snap = ActivitySnapshot()
        sub = subscription_id
        async with self.database.read() as conn:
            row = (await conn.execute(sa.select(activity_subscriptions).where(
                activity_subscriptions.c.subscription_id == sub))).mappings().first()
            if row is None:
                return snap
            snap.first_time, snap.newest = row["first_time"], row["newest"]
            newest = snap.newest
            ops_from = operations_since or newest
            days_from = daily_since or (newest.date() if newest else None)
            ids_from = record_ids_since or newest
            seen = await conn.execute(sa.select(activity_seen.c.dimension, activity_seen.c.value,
                                                activity_seen.c.first_seen, activity_seen.c.last_seen)
                                      .where(activity_seen.c.subscription_id == sub))
            snap.seen = [tuple(r) for r in seen]  # type: ignore[misc]
            daily = sa.select(activity_daily.c.dimension, activity_daily.c.value, activity_daily.c.day,
                              activity_daily.c.count).where(activity_daily.c.subscription_id == sub)
            if days_from is not None:
                daily = daily.where(activity_daily.c.day >= days_from)
            snap.daily = [tuple(r) for r in await conn.execute(daily)]  # type: ignore[misc]
            snap.vms = [dict(r) for r in (await conn.execute(
                sa.select(activity_vms).where(activity_vms.c.subscription_id == sub))).mappings()]
            snap.extensions = [dict(r) for r in (await conn.execute(
                sa.select(activity_extensions).where(activity_extensions.c.subscription_id == sub))).mappings()]
            ops = sa.select(activity_operations).where(activity_operations.c.subscription_id == sub)
            if ops_from is not None:
                ops = ops.where(activity_operations.c.time >= ops_from)
            snap.operations = [dict(r) for r in (await conn.execute(ops.order_by(activity_operations.c.time))).mappings()]
            ids = sa.select(activity_record_ids.c.record_id, activity_record_ids.c.event_time).where(
                activity_record_ids.c.subscription_id == sub)
            if ids_from is not None:
                ids = ids.where(activity_record_ids.c.event_time >= ids_from)
            snap.record_ids = [tuple(r) for r in await conn.execute(ids)]  # type: ignore[misc]
            keys = sa.select(activity_alerts.c.dedupe_key, activity_alerts.c.end_time).where(
                activity_alerts.c.subscription_id == sub)
            if ops_from is not None:
                keys = keys.where(activity_alerts.c.end_time >= ops_from)
            snap.alert_keys = [tuple(r) for r in await conn.execute(keys)]  # type: ignore[misc]
        return snap

    async def _change_held(self, conn: Any, sub: str, change: HeldChanges, received_at: datetime) -> None:
        table = activity_held
        for removed in _chunks(change.removed):
            await conn.execute(table.delete().where(table.c.subscription_id == sub, table.c.record_id.in_(removed)))
        for chunk in _chunks([{"subscription_id": sub, "record_id": r.record_id, "event_time": r.event_time,
                               "seq": r.seq, "record": r.record, "received_at": received_at}
                              for r in change.added]):
            await conn.execute(self.database.insert(table), chunk)
        if change.holds and not change.added:  # a save that held nothing new still marks the stream alive
            await conn.execute(table.update().where(table.c.subscription_id == sub).values(received_at=received_at))

    async def held(self, subscription_id: str) -> list[HeldRow]:
        """The records held back for a subscription (casefolded id), in judging order."""
        table = activity_held
        async with self.database.read() as conn:
            rows = await conn.execute(sa.select(table.c.record_id, table.c.event_time, table.c.seq, table.c.record)
                                      .where(table.c.subscription_id == subscription_id)
                                      .order_by(table.c.event_time, table.c.seq))
            return [HeldRow(*r) for r in rows]

    async def held_subscriptions(self) -> list[str]:
        """The subscriptions (casefolded ids) that have records held back."""
        async with self.database.read() as conn:
            rows = await conn.execute(sa.select(activity_held.c.subscription_id).distinct()
                                      .order_by(activity_held.c.subscription_id))
            return [r[0] for r in rows]

    async def idle_held_subscriptions(self, received_before: datetime) -> list[str]:
        """The subscriptions (casefolded ids) holding records back whose last batch was saved
        before `received_before` (wall time): streams that went quiet."""
        received = sa.func.max(activity_held.c.received_at)
        async with self.database.read() as conn:
            rows = await conn.execute(sa.select(activity_held.c.subscription_id)
                                      .group_by(activity_held.c.subscription_id)
                                      .having(received < received_before)
                                      .order_by(activity_held.c.subscription_id))
            return [r[0] for r in rows]

    async def save(self, changes: list[ActivityChanges], alerts: list[AlertRow],
                   held: dict[str, HeldChanges] | None = None) -> set[str]:
        """Write every subscription's changes and the alerts in one transaction; the ids of the
        alerts that were new (an alert already stored under its dedupe key is not new).
        `held` changes the held-back records of each subscription it names, in the same
        transaction: a crash keeps both the history and what was still held, or neither. A
        subscription that still holds records has its newest save time (the wall time of this
        one) on them (`idle_held_subscriptions`)."""
        ins = self.database.insert
        inserted: set[str] = set()
        received_at = utcnow()
        async with self.database.write() as conn:
            for sub, change in (held or {}).items():
                await self._change_held(conn, sub, change, received_at)
            for ch in changes:
                sub = ch.subscription_id
                stmt = ins(activity_subscriptions)
                await conn.execute(stmt.on_conflict_do_update(
                    index_elements=["subscription_id"],
                    set_={"first_time": stmt.excluded.first_time, "newest": stmt.excluded.newest}),
                    {"subscription_id": sub, "first_time": ch.first_time, "newest": ch.newest})
                await self._upsert(conn, activity_seen, ["subscription_id", "dimension", "value"],
                                   ["first_seen", "last_seen"],
                                   [{"subscription_id": sub, "dimension": d, "value": v, "first_seen": f, "last_seen": la}
                                    for d, v, f, la in ch.seen])
                await self._upsert(conn, activity_daily, ["subscription_id", "dimension", "value", "day"], ["count"],
                                   [{"subscription_id": sub, "dimension": d, "value": v, "day": day, "count": c}
                                    for d, v, day, c in ch.daily])
                await self._upsert(conn, activity_vms, ["vm_id"], ["size", "os_type", "updated_at"],
                                   [{"subscription_id": sub, **vm} for vm in ch.vms])
                await self._upsert(conn, activity_extensions, ["resource_id"],
                                   ["vm_id", "extension_type", "family", "installs", "deletes", "last_install",
                                    "last_install_by", "last_delete"],
                                   [{"subscription_id": sub, **ext} for ext in ch.extensions])
                await self._insert_new(conn, activity_operations, ["subscription_id", "op_key"],
                                       [{"subscription_id": sub, **op} for op in ch.operations])
                await self._insert_new(conn, activity_record_ids, ["subscription_id", "record_id"],
                                       [{"subscription_id": sub, "record_id": r, "event_time": t}
                                        for r, t in ch.record_ids])
            now = utcnow()
            raised: list[Event] = []
            for alert in alerts:
                result = await conn.execute(ins(activity_alerts).on_conflict_do_nothing(
                    index_elements=["subscription_id", "dedupe_key"]),
                    {"id": alert.id, "subscription_id": alert.subscription_id, "dedupe_key": alert.dedupe_key,
                     "alert_type": alert.alert_type, "severity": alert.severity, "start_time": alert.start_time,
                     "end_time": alert.end_time, "body": alert.body, "created_at": now})
                if result.rowcount:
                    inserted.add(alert.id)
                    raised.append(alert_event(alert))
            # In the alert's own transaction: a crash stores both or neither, and a replay (the
            # alert already stored) writes no second event.
            await append_events(conn, raised)
        return inserted

    async def _upsert(self, conn: Any, table: sa.Table, keys: list[str], columns: list[str],
                      rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        stmt = self.database.insert(table)
        stmt = stmt.on_conflict_do_update(index_elements=keys, set_={c: stmt.excluded[c] for c in columns})
        for chunk in _chunks(rows):
            await conn.execute(stmt, chunk)

    async def _insert_new(self, conn: Any, table: sa.Table, keys: list[str], rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        stmt = self.database.insert(table).on_conflict_do_nothing(index_elements=keys)
        for chunk in _chunks(rows):
            await conn.execute(stmt, chunk)

    async def prune(self, subscription_id: str, *, history_before: datetime, operations_before: datetime,
                    record_ids_before: datetime) -> None:
        """Forget history past retention and operations / record ids past their windows."""
        sub = subscription_id
        async with self.database.write() as conn:
            await conn.execute(activity_daily.delete().where(
                activity_daily.c.subscription_id == sub, activity_daily.c.day < history_before.date()))
            await conn.execute(activity_seen.delete().where(
                activity_seen.c.subscription_id == sub, activity_seen.c.last_seen < history_before))
            await conn.execute(activity_extensions.delete().where(
                activity_extensions.c.subscription_id == sub,
                sa.func.coalesce(activity_extensions.c.last_delete, activity_extensions.c.last_install)
                < history_before))
            await conn.execute(activity_vms.delete().where(
                activity_vms.c.subscription_id == sub, activity_vms.c.updated_at < history_before))
            await conn.execute(activity_alerts.delete().where(
                activity_alerts.c.subscription_id == sub, activity_alerts.c.end_time < history_before))
            await conn.execute(activity_operations.delete().where(
                activity_operations.c.subscription_id == sub, activity_operations.c.time < operations_before))
            await conn.execute(activity_record_ids.delete().where(
                activity_record_ids.c.subscription_id == sub, activity_record_ids.c.event_time < record_ids_before))

    async def vm_timeline(self, vm_id: str, *, limit: int = 500) -> VmTimeline:
        """What the history knows of one VM (any case): its size and OS, each extension's
        install/delete history, and its operations still kept (the detectors' recent windows)."""
        folded = vm_id.casefold()
        async with self.database.read() as conn:
            vm = (await conn.execute(sa.select(activity_vms).where(activity_vms.c.vm_id == folded))).mappings().first()
            extensions = (await conn.execute(sa.select(activity_extensions).where(
                sa.func.lower(activity_extensions.c.vm_id) == folded).order_by(
                activity_extensions.c.last_install.desc()).limit(limit))).mappings().all()
            operations = (await conn.execute(sa.select(activity_operations).where(
                sa.func.lower(activity_operations.c.vm_id) == folded).order_by(
                activity_operations.c.time.desc()).limit(limit))).mappings().all()
        return VmTimeline(vm_id=folded, vm=dict(vm) if vm is not None else None,
                          extensions=[dict(r) for r in extensions], operations=[dict(r) for r in operations])

    async def alerts(self, *, subscription_id: str | None = None, alert_type: str | None = None,
                     resource_id: str | None = None, since: datetime | None = None, until: datetime | None = None,
                     after: tuple[datetime, str] | None = None, limit: int = 100) -> list[AlertRow]:
        """Stored alerts, newest first (start time, then id); `after` is the (start time, id) of
        the last alert of the previous page. `resource_id` matches a resource the alert names,
        casefolded (Azure ids are case-insensitive); `since`/`until` bound the alert's event time."""
        table = activity_alerts
        query = sa.select(table)
        if subscription_id is not None:
            query = query.where(sa.func.lower(table.c.subscription_id) == subscription_id.lower())
        if alert_type is not None:
            query = query.where(table.c.alert_type == alert_type)
        if resource_id is not None:
            # The id as the stored JSON spells it, quoted: a whole value, not a prefix of another.
            quoted = json.dumps(resource_id.lower())
            escaped = quoted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            query = query.where(sa.func.lower(sa.cast(table.c.body, sa.Text)).like(f"%{escaped}%", escape="\\"))
        if since is not None:
            query = query.where(table.c.end_time >= since)
        if until is not None:
            query = query.where(table.c.start_time < until)
        if after is not None:
            at, last_id = after
            query = query.where(sa.or_(table.c.start_time < at, sa.and_(table.c.start_time == at, table.c.id > last_id)))
        # One past a page: the caller asks for it to know whether a next page exists.
        query = query.order_by(table.c.start_time.desc(), table.c.id).limit(max(1, min(limit, MAX_ALERTS_PAGE + 1)))
        async with self.database.read() as conn:
            rows = (await conn.execute(query)).mappings().all()
        return [_alert_row(r) for r in rows]

    async def alert(self, alert_id: str) -> AlertRow | None:
        async with self.database.read() as conn:
            row = (await conn.execute(sa.select(activity_alerts).where(activity_alerts.c.id == alert_id))
                   ).mappings().first()
        return _alert_row(row) if row is not None else None


def _alert_row(r: Any) -> AlertRow:
    return AlertRow(id=r["id"], subscription_id=r["subscription_id"], dedupe_key=r["dedupe_key"],
                    alert_type=r["alert_type"], severity=r["severity"], start_time=r["start_time"],
                    end_time=r["end_time"], body=r["body"])
