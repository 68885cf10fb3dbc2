"""The rescans repository: one unfinished rescan per ruleset, leased batches, atomic per-artifact results."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import timedelta

import pytest

from inspector.model import Finding, VerdictClass
from inspector.store import RescanConflict, RescanFilter, Store
from inspector.store.testing import blobs_of, make_verdict

LEASE = timedelta(seconds=60)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def _seed(store: Store) -> None:
    for n in range(5):
        contents = [f"root {n}".encode(), b"shared child"]
        await store.inspections.create(f"i{n}", "extension" if n % 2 else "script", {}, None, None)
        await store.inspections.save_verdict(f"i{n}", make_verdict(f"i{n}", contents), blobs_of(contents))


async def test_only_one_unfinished_rescan_per_ruleset_version(store: Store) -> None:
    first = await store.rescans.create("v2", "a1", rule_count=4)
    assert first.status == "queued" and first.rule_count == 4
    with pytest.raises(RescanConflict) as conflict:
        await store.rescans.create("v2", "a1")
    assert conflict.value.rescan_id == first.id
    assert await store.rescans.unfinished_id("v2") == first.id
    other = await store.rescans.create("v3", "a1")  # another version may run alongside
    await store.rescans.finish(first.id)
    assert await store.rescans.unfinished_id("v2") is None
    again = await store.rescans.create("v2", "a1")
    assert again.id not in (first.id, other.id)
    assert (await store.rescans.get(first.id)).status == "done"  # type: ignore[union-attr]


async def test_concurrent_creates_yield_exactly_one_rescan(store: Store) -> None:
    results = await asyncio.gather(*(store.rescans.create("race", "a1") for _ in range(6)), return_exceptions=True)
    created = [r for r in results if not isinstance(r, BaseException)]
    assert len(created) == 1
    assert all(isinstance(r, RescanConflict) for r in results if isinstance(r, BaseException))


async def test_planning_splits_pending_artifacts_into_batches_and_skips_cached_and_expired(store: Store) -> None:
    store.rescans.settings = store.settings.model_copy(update={"rescan_batch_size": 2})
    await _seed(store)
    await store.analysis_cache.put_findings(_sha(b"root 0"), "v2", "a1", [])
    await store.blobs.delete(_sha(b"root 1"))
    from inspector.store.schema import payloads

    async with store.database.engine.begin() as conn:
        await conn.execute(payloads.update().where(payloads.c.sha256 == _sha(b"root 1")).values(blob_state="expired"))
    rescan = await store.rescans.create("v2", "a1")
    assert await store.rescans.plan(rescan.id) is True
    assert await store.rescans.plan(rescan.id) is False  # planned once
    info = await store.rescans.get(rescan.id)
    assert info is not None and info.status == "running"
    p = info.progress
    assert (p.artifacts_total, p.artifacts_cached, p.artifacts_missing, p.batches_total) == (6, 1, 1, 2)
    assert p.inspections_total == 5
    assert [n for n, _ in await store.rescans.open_batches(rescan.id)] == [0, 1]


async def test_filters_limit_the_scope(store: Store) -> None:
    await _seed(store)
    rescan = await store.rescans.create("v2", "a1", RescanFilter(kind="extension", verdict=VerdictClass.CLEAN))
    await store.rescans.plan(rescan.id)
    info = await store.rescans.get(rescan.id)
    assert info is not None and info.progress.inspections_total == 2 and info.progress.artifacts_total == 3


async def test_a_batch_is_claimed_once_and_results_are_recorded_atomically(store: Store) -> None:
    await _seed(store)
    rescan = await store.rescans.create("v2", "a1")
    await store.rescans.plan(rescan.id)
    items = await store.rescans.claim_batch(rescan.id, 0, "worker-a", LEASE)
    assert items is not None and len(items) == 6 and {t for _, t in items} <= {"powershell", "text"}
    assert await store.rescans.claim_batch(rescan.id, 0, "worker-b", LEASE) is None  # held by worker-a
    assert await store.rescans.open_batches(rescan.id) == []
    found = {sha: [Finding(id="yara.x", source="yara", title="x", score=10, artifact=sha)] for sha, _ in items[:5]}
    assert await store.rescans.complete_batch(rescan.id, 0, "worker-b", ruleset_version="v2", analyzer_version="a1",
                                             results=found, missing=[]) is False  # not the owner
    assert await store.rescans.complete_batch(rescan.id, 0, "worker-a", ruleset_version="v2", analyzer_version="a1",
                                             results=found, missing=[items[5][0]]) is True
    progress = (await store.rescans.get(rescan.id)).progress  # type: ignore[union-attr]
    assert (progress.artifacts_scanned, progress.artifacts_missing, progress.batches_done) == (5, 1, 1)
    assert await store.analysis_cache.findings_for([sha for sha, _ in items], "v2", "a1") == found


async def test_an_expired_lease_lets_another_worker_take_the_batch(store: Store) -> None:
    await _seed(store)
    rescan = await store.rescans.create("v2", "a1")
    await store.rescans.plan(rescan.id)
    assert await store.rescans.claim_batch(rescan.id, 0, "dead-worker", timedelta(seconds=-1)) is not None
    assert [(n, s) for n, s in await store.rescans.open_batches(rescan.id)] == [(0, "running")]
    assert await store.rescans.claim_batch(rescan.id, 0, "live-worker", LEASE) is not None
    assert await store.rescans.complete_batch(rescan.id, 0, "dead-worker", ruleset_version="v2",
                                             analyzer_version="a1", results={}, missing=[]) is False


async def test_a_rescored_page_is_applied_once_with_history_and_events(store: Store) -> None:
    await _seed(store)
    rescan = await store.rescans.create("v2", "a1")
    await store.rescans.plan(rescan.id)
    old = (await store.inspections.get("i0")).verdict  # type: ignore[union-attr]
    assert old is not None
    new = old.model_copy(update={"verdict": VerdictClass.MALICIOUS, "score": 1500})
    assert await store.rescans.apply_page(rescan.id, [(old, new), (old.model_copy(update={"id": "i1"}),) * 2],
                                         "i1") == 1
    assert await store.rescans.apply_page(rescan.id, [(old, new)], "i1") == 0  # replay after a restart
    current = await store.inspections.get("i0")
    assert current is not None and current.verdict is not None and current.verdict.score == 1500
    info = await store.rescans.get(rescan.id)
    assert info is not None and info.changes_count == 1 and info.progress.inspections_done == 2
    (change,) = info.changes
    assert (change.old_verdict, change.new_verdict, change.applied) == ("clean", "malicious", True)
    (event,) = await store.events.read()
    assert event.type == "verdict.changed" and event.data["old"]["verdict"] == "clean"  # type: ignore[index]


async def test_a_dry_run_records_changes_without_applying_them(store: Store) -> None:
    await _seed(store)
    rescan = await store.rescans.create("v2", "a1", dry_run=True)
    await store.rescans.plan(rescan.id)
    old = (await store.inspections.get("i0")).verdict  # type: ignore[union-attr]
    assert old is not None
    await store.rescans.apply_page(rescan.id, [(old, old.model_copy(update={"score": 99}))], "i0")
    assert (await store.inspections.get("i0")).verdict.score == 0  # type: ignore[union-attr]
    assert (await store.rescans.get(rescan.id)).changes[0].applied is False  # type: ignore[union-attr]
    assert await store.events.read() == []
