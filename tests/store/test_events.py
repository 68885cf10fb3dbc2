"""The event outbox: cursors are 64-bit, and a reader can be limited to one key's inspections."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from inspector.store import Store, StoreError
from inspector.store.events import MAX_EVENT_CURSOR, append_events
from inspector.store.schema import event_cursors, events


async def _inspection(store: Store, inspection_id: str, key_id: str | None) -> None:
    await store.inspections.create(inspection_id, "script", None, None, key_id, None)


async def _event(store: Store, inspection_id: str) -> None:
    async with store.database.write() as conn:
        await append_events(conn, [("verdict.new", inspection_id, {"data": {}})])


async def _advance_seq_to(store: Store, seq: int) -> None:
    """Make the next event's seq `seq + 1` (the outbox after two billion events)."""
    async with store.database.write() as conn:
        if store.database.dialect == "postgresql":
            await conn.execute(sa.text("SELECT setval('events_seq_seq', :seq)"), {"seq": seq})
        else:  # SQLite numbers a row after the largest rowid
            await conn.execute(events.insert().values(seq=seq, id="e" * 32, type="verdict.new", inspection_id="i0",
                                                      body="{}", created_at=sa.func.now()))


async def test_cursors_past_32_bits_are_written_and_read(store: Store) -> None:
    await _advance_seq_to(store, 2**31 + 4)  # PostgreSQL's INTEGER stops at 2^31-1
    await _event(store, "i1")
    await _event(store, "i2")
    found = await store.events.read(after=str(2**31 + 4), limit=10)
    assert [(int(e.cursor), e.inspection_id) for e in found] == [(2**31 + 5, "i1"), (2**31 + 6, "i2")]
    assert await store.events.claim_sink("s", "owner", lease=timedelta(seconds=30)) == 0
    assert await store.events.advance_sink("s", "owner", 2**31 + 6)
    async with store.database.read() as conn:
        assert await conn.scalar(sa.select(event_cursors.c.delivered_seq)) == 2**31 + 6


async def test_the_largest_cursor_reads_nothing_and_a_larger_one_is_refused(store: Store) -> None:
    await _event(store, "i1")
    assert await store.events.read(after=MAX_EVENT_CURSOR) == []
    with pytest.raises(StoreError, match="largest cursor"):
        await store.events.read(after=str(MAX_EVENT_CURSOR + 1))


async def test_a_reader_limited_to_a_key_sees_only_that_keys_inspections(store: Store) -> None:
    await _inspection(store, "mine", "k1")
    await _inspection(store, "theirs", "k2")
    for inspection_id in ("mine", "theirs", "mine", "unowned"):
        await _event(store, inspection_id)
    assert [e.inspection_id for e in await store.events.read(submitted_by="k1")] == ["mine", "mine"]
    assert [e.inspection_id for e in await store.events.read(submitted_by="k3")] == []
    assert len(await store.events.read()) == 4
