"""The service's rescans: submitted in the background, and started by themselves after a reload."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from inspector.model import InspectionError
from inspector.rescan.scanner import ArtifactScanner
from inspector.service.rescan_service import RescanService, run_rescan, spread_batch_size, start_rescan
from inspector.store import Store
from inspector.store.testing import blobs_of, make_verdict
from inspector.tasks.batch_runner import LocalBatchRunner

RULE = 'rule svc_marker { meta: score = 2000 strings: $a = "svc-marker-91" condition: $a }'


async def _seed(store: Store) -> None:
    contents = [b"echo svc-marker-91"]
    await store.inspections.create("svc", "script", {}, None, None)
    await store.inspections.save_verdict("svc", make_verdict("svc", contents), blobs_of(contents))


async def test_submit_answers_at_once_and_finishes_in_the_background(store: Store, rules_dir: Path) -> None:
    await _seed(store)
    (rules_dir / "svc.yar").write_text(RULE)
    service = RescanService(store, store.settings)
    try:
        info = await service.submit(requested_by="admin-key")
        assert info.status == "queued" and info.requested_by == "admin-key"
        again = await service.submit()
        assert again.id == info.id  # the unfinished rescan of this ruleset, not a second one
        final = await service.wait(info.id)
        assert final is not None and final.status == "done" and final.changes_count == 1
    finally:
        await service.close()


async def test_a_reload_starts_a_rescan_only_when_configured(store: Store, rules_dir: Path) -> None:
    await _seed(store)
    (rules_dir / "svc.yar").write_text(RULE)
    off = RescanService(store, store.settings)
    assert await off.on_ruleset_loaded() is None
    on = RescanService(store, store.settings.model_copy(update={"auto_rescan_on_reload": True}))
    try:
        info = await on.on_ruleset_loaded()
        assert info is not None and info.requested_by == "auto:reload"
        final = await on.wait(info.id)
        assert final is not None and final.status == "done"
        assert (await store.inspections.get("svc")).verdict.verdict == "malicious"  # type: ignore[union-attr]
    finally:
        await on.close()


@pytest.mark.parametrize(("artifacts", "workers", "limit", "expected"), [
    (300, 2, 2048, 75),        # two batches for each of the two workers
    (100_000, 8, 2048, 2048),  # never above the configured batch size
    (100, 4, 2048, 64),        # never below the floor: claims would cost more than scans
    (10, 1, 4, 4),             # a configured size under the floor still wins
    (0, 3, 2048, 64),
    (500, 0, 2048, 250),       # no worker known counts as one
])
def test_batches_are_sized_to_spread_over_the_workers(artifacts: int, workers: int, limit: int,
                                                      expected: int) -> None:
    assert spread_batch_size(artifacts, workers, limit) == expected


async def test_a_small_rescan_spreads_over_two_local_workers(store: Store) -> None:
    for i in range(30):
        contents = [f"spread {i} artifact {j}".encode() for j in range(10)]
        await store.inspections.create(f"spread-{i:02d}", "script", {}, None, None)
        await store.inspections.save_verdict(f"spread-{i:02d}", make_verdict(f"spread-{i:02d}", contents),
                                             blobs_of(contents))
    settings = store.settings.model_copy(update={"rescan_batch_size": 2048})
    scanner = await asyncio.to_thread(ArtifactScanner.from_settings, settings)
    info, _ = await start_rescan(store, ruleset_version=scanner.ruleset_version,
                                 rule_count=scanner.rule_count, analyzer_version=scanner.analyzer_version)
    runner = LocalBatchRunner(settings, processes=2)
    try:
        final = await run_rescan(store, info.id, runner, settings=settings)
    finally:
        runner.close()
    assert final.status == "done" and final.progress.artifacts_scanned == 300
    assert final.progress.batches_total >= 2


async def test_a_verdict_cut_by_the_clock_is_kept_rather_than_turned_into_a_change(store: Store,
                                                                                  rules_dir: Path) -> None:
    # What a deadline left unread depended on the machine, not on the rules: no change is reported.
    contents = [b"echo svc-marker-91"]
    late = make_verdict("late", contents).model_copy(update={"complete": False, "errors": [
        InspectionError(kind="limit_deadline", detail="analysis deadline of 20s reached")]})
    await store.inspections.create("late", "script", {}, None, None)
    await store.inspections.save_verdict("late", late, blobs_of(contents))
    await _seed(store)
    (rules_dir / "svc.yar").write_text(RULE)
    service = RescanService(store, store.settings)
    try:
        final = await service.wait((await service.submit()).id)
    finally:
        await service.close()
    assert final is not None and final.status == "done" and final.changes_count == 1  # "svc" only
    kept = await store.inspections.get("late")
    assert kept is not None and kept.verdict is not None and kept.verdict.score == late.score
