"""Retention drops payload bytes by age and by total size; verdict history stays readable."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from inspector.store import Store
from inspector.store.schema import payloads
from inspector.store.testing import blobs_of, make_verdict, temporary_store


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def _save(store: Store, inspection_id: str, data: bytes, days_ago: float) -> None:
    await store.inspections.create(inspection_id, "script", {}, None, None)
    await store.inspections.save_verdict(inspection_id, make_verdict(inspection_id, [data]), blobs_of([data]))
    async with store.database.engine.begin() as conn:
        await conn.execute(payloads.update().where(payloads.c.sha256 == _sha(data))
                           .values(last_seen=datetime.now(UTC) - timedelta(days=days_ago)))


async def test_old_bytes_expire_but_verdicts_remain(backend: str, tmp_path: Path) -> None:
    async with temporary_store(backend, tmp_path, retention_days=30) as store:  # type: ignore[arg-type]
        await _save(store, "old", b"old payload", days_ago=40)
        await _save(store, "new", b"new payload", days_ago=1)
        report = await store.retention.apply()
        assert report.expired_payloads == 1 and report.freed_bytes == len(b"old payload")
        old = await store.payloads.get(_sha(b"old payload"))
        assert old is not None and old.expired and not old.blob_available and old.inspections == ["old"]
        assert await store.payloads.get_bytes(_sha(b"old payload")) is None
        assert await store.payloads.get_bytes(_sha(b"new payload")) == b"new payload"
        stored = await store.inspections.get("old")
        assert stored is not None and stored.verdict is not None  # history intact
        assert (await store.retention.apply()).expired_payloads == 0  # idempotent


async def test_total_size_keeps_the_most_recently_seen(backend: str, tmp_path: Path) -> None:
    async with temporary_store(backend, tmp_path, retention_max_bytes=250) as store:  # type: ignore[arg-type]
        for n, age in enumerate([5, 1, 3]):
            await _save(store, f"s{n}", bytes([65 + n]) * 100, days_ago=age)
        report = await store.retention.apply()
        assert report.expired_payloads == 1 and report.blob_bytes_kept == 200
        assert (await store.payloads.get(_sha(b"A" * 100))).expired  # type: ignore[union-attr]  # oldest
        assert not (await store.payloads.get(_sha(b"B" * 100))).expired  # type: ignore[union-attr]


async def test_seeing_expired_bytes_again_revives_them(store: Store) -> None:
    store.retention.settings = store.settings.model_copy(update={"retention_days": 1})
    await _save(store, "first", b"recurring", days_ago=10)
    await store.retention.apply()
    await store.inspections.create("again", "script", {}, None, None)
    await store.inspections.save_verdict("again", make_verdict("again", [b"recurring"]), blobs_of([b"recurring"]))
    info = await store.payloads.get(_sha(b"recurring"))
    assert info is not None and info.blob_available and not info.expired


async def test_unreferenced_blob_files_are_swept_after_a_grace_period(store: Store) -> None:
    stray, fresh = b"written, then the transaction failed", b"being saved right now"
    store.blobs.put_sync(_sha(stray), stray)
    store.blobs.put_sync(_sha(fresh), fresh)
    hour_ago = (datetime.now(UTC) - timedelta(hours=2)).timestamp()
    os.utime(store.blobs.path(_sha(stray)), (hour_ago, hour_ago))
    report = await store.retention.apply()
    assert report.orphan_blobs_removed == 1
    assert store.blobs.get_sync(_sha(stray)) is None and store.blobs.get_sync(_sha(fresh)) == fresh


async def test_without_limits_nothing_expires(store: Store) -> None:
    await _save(store, "ancient", b"ancient", days_ago=3650)
    assert (await store.retention.apply()).expired_payloads == 0
    async with store.database.engine.connect() as conn:
        assert await conn.scalar(sa.select(payloads.c.blob_state)) == "present"
