"""The event outbox: verdict events written in the same transaction as the verdicts they describe.

Sinks (webhook, JSON Lines file, `GET /v1/events` pollers) read events in `seq` order. On
PostgreSQL a sequence value is taken before commit, so two writers could commit seq 8 before
seq 7 and a reader would skip 7; an advisory lock held until commit makes event writers
commit in seq order. SQLite serialises writers anyway.

Writers of verdicts add their events with `append_events` (or `lock_for_events` and
`event_rows` on a synchronous connection) inside their own transaction; `EventRepository`
reads them and keeps each sink's delivery cursor and lease.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection

from inspector.redact import redact_text
from inspector.store.database import Database
from inspector.store.errors import StoreError
from inspector.store.records import EventRecord
from inspector.store.schema import event_cursors, events, inspections, utcnow

_EVENTS_LOCK_ID = 0x1A5EC8
# The most events one read returns (`GET /v1/events?limit=` is bounded by it too).
MAX_EVENTS_PAGE = 1000
# `events.seq` is a signed 64-bit integer: no event has a larger cursor.
MAX_EVENT_CURSOR = 2**63 - 1

Event = tuple[str, str, dict[str, Any]]  # (type, inspection id, data)


async def append_events(conn: AsyncConnection, items: Sequence[Event]) -> list[str]:
    """Write (type, inspection_id, data) events; returns their ids. Call inside a write transaction."""
    if not items:
        return []
    await conn.run_sync(lock_for_events)
    rows = event_rows(items)
    await conn.execute(events.insert(), rows)
    return [r["id"] for r in rows]


def lock_for_events(conn: Connection) -> None:
    """Take the lock that makes event writers commit in seq order (PostgreSQL; SQLite serialises
    writers anyway). Held until the transaction ends; take it before inserting events."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": _EVENTS_LOCK_ID})


def event_rows(items: Sequence[Event]) -> list[dict[str, Any]]:
    """The `events` rows of (type, inspection_id, data) items (insert them after `lock_for_events`)."""
    now = utcnow()
    rows = []
    for event_type, inspection_id, data in items:
        event_id = uuid.uuid4().hex
        body = {"id": event_id, "type": event_type, "inspection_id": inspection_id,
                "created_at": now.isoformat(timespec="milliseconds"), **data}
        rows.append({"id": event_id, "type": event_type, "inspection_id": inspection_id,
                     "body": json.dumps(body, sort_keys=True), "created_at": now})
    return rows


def parse_cursor(after: str | int | None) -> int:
    if after is None or after == "":
        return 0
    try:
        value = int(after)
    except (TypeError, ValueError):
        raise ValueError(f"invalid event cursor {str(after)[:40]!r}: expected the cursor of an event") from None
    if value < 0:
        raise ValueError("invalid event cursor: negative")
    if value > MAX_EVENT_CURSOR:
        raise ValueError(f"invalid event cursor: larger than {MAX_EVENT_CURSOR}, the largest cursor there can be")
    return value


def _record(row: Any) -> EventRecord:
    return EventRecord(cursor=str(row.seq), id=row.id, type=row.type, inspection_id=row.inspection_id,
                       created_at=row.created_at, data=json.loads(row.body))


class EventRepository:
    def __init__(self, database: Database) -> None:
        self.database = database

    async def read(self, after: str | int | None = None, limit: int = 100, *,
                   submitted_by: str | None = None) -> list[EventRecord]:
        """Events after a cursor (the `cursor` of the last event seen), oldest first; with
        `submitted_by` (a key id), only events of the inspections that key submitted."""
        try:
            start = parse_cursor(after)
        except ValueError as exc:
            raise StoreError(str(exc)) from None
        limit = max(1, min(limit, MAX_EVENTS_PAGE))
        query = sa.select(events).where(events.c.seq > start)
        if submitted_by is not None:
            query = query.where(events.c.inspection_id.in_(
                sa.select(inspections.c.id).where(inspections.c.key_id == submitted_by)))
        async with self.database.read() as conn:
            rows = await conn.execute(query.order_by(events.c.seq).limit(limit))
            return [_record(r) for r in rows]

    async def claim_sink(self, sink: str, owner: str, lease: timedelta) -> int | None:
        """Take (or renew) the delivery lease of a sink; returns its delivered cursor or None if another owner holds it."""
        async with self.database.write() as conn:
            now = utcnow()
            await conn.execute(self.database.insert(event_cursors).values(sink=sink, delivered_seq=0)
                               .on_conflict_do_nothing(index_elements=[event_cursors.c.sink]))
            result = await conn.execute(
                event_cursors.update()
                .where(event_cursors.c.sink == sink,
                       sa.or_(event_cursors.c.owner.is_(None), event_cursors.c.owner == owner,
                              event_cursors.c.lease_until < now))
                .values(owner=owner, lease_until=now + lease)
            )
            if result.rowcount != 1:
                return None
            return int(await conn.scalar(
                sa.select(event_cursors.c.delivered_seq).where(event_cursors.c.sink == sink)) or 0)

    async def advance_sink(self, sink: str, owner: str, seq: int) -> bool:
        """Record delivery up to `seq`; False when the lease was lost (another replica took over)."""
        async with self.database.write() as conn:
            result = await conn.execute(
                event_cursors.update()
                .where(event_cursors.c.sink == sink, event_cursors.c.owner == owner,
                       event_cursors.c.delivered_seq < seq)
                .values(delivered_seq=seq, failures=0, last_error=None)
            )
        return result.rowcount == 1

    async def sink_failed(self, sink: str, owner: str, error: str) -> int:
        """Count a failed delivery (the error kept redacted); returns the consecutive failures."""
        async with self.database.write() as conn:
            await conn.execute(
                event_cursors.update()
                .where(event_cursors.c.sink == sink, event_cursors.c.owner == owner)
                .values(failures=event_cursors.c.failures + 1, last_error=redact_text(error)[:500])
            )
            return int(await conn.scalar(
                sa.select(event_cursors.c.failures).where(event_cursors.c.sink == sink)) or 0)

    async def release_sink(self, sink: str, owner: str) -> None:
        async with self.database.write() as conn:
            await conn.execute(event_cursors.update()
                               .where(event_cursors.c.sink == sink, event_cursors.c.owner == owner)
                               .values(owner=None, lease_until=None))

    async def pending(self, sinks: list[str]) -> dict[str, int]:
        """Per sink name: events written and not yet delivered (a sink never claimed has all pending)."""
        if not sinks:
            return {}
        async with self.database.read() as conn:
            delivered = {row.sink: row.delivered_seq for row in await conn.execute(
                sa.select(event_cursors.c.sink, event_cursors.c.delivered_seq)
                .where(event_cursors.c.sink.in_(sinks)))}
            pending: dict[str, int] = {}
            for sink in sinks:
                pending[sink] = int(await conn.scalar(
                    sa.select(sa.func.count()).select_from(events)
                    .where(events.c.seq > delivered.get(sink, 0))) or 0)
        return pending
