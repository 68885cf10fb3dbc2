"""`inspector rescan` killed midway and started again finishes with every artifact scanned exactly once."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from inspector.service.rescan_service import start_rescan
from inspector.rescan.scanner import ArtifactScanner
from inspector.store import Store
from inspector.store.schema import analysis_cache, rescan_items, rescans
from inspector.store.testing import blobs_of, make_verdict, subprocess_env
from tests.held_batches import give_back, hold_back
from tests.timing import GIVE_UP_S

CLI = [sys.executable, "-c", "from inspector.cli.main import main; main()"]


async def _seed(store: Store, inspections: int, per_inspection: int) -> int:
    for i in range(inspections):
        contents = [f"resume {i}/{j} ".encode() * (1 + j * 50) for j in range(per_inspection)]
        await store.inspections.create(f"r{i:03d}", "script", {}, None, None)
        await store.inspections.save_verdict(f"r{i:03d}", make_verdict(f"r{i:03d}", contents), blobs_of(contents))
    return inspections * per_inspection


async def _batches_done(store: Store) -> int:
    async with store.database.engine.connect() as conn:
        rescan_id = await conn.scalar(sa.select(rescans.c.id))
        if rescan_id is None:
            return 0
        info = await store.rescans.get(rescan_id, changes_limit=0)
    return info.progress.batches_done if info else 0


async def test_a_killed_rescan_resumes_and_scans_each_artifact_once(store: Store, tmp_path: Path) -> None:
    total = await _seed(store, 30, 4)
    settings = store.settings.model_copy(update={"rescan_batch_size": 2, "rescan_lease_s": 1.0})
    env = subprocess_env(settings)
    # The rescan the CLI will resume, planned here so that all but its first six batches can be
    # held back: the first run cannot finish before it is killed, however fast it goes.
    scanner = await asyncio.to_thread(ArtifactScanner.from_settings, settings)
    planner = await Store.open(settings)
    try:
        rescan, _ = await start_rescan(planner, ruleset_version=scanner.ruleset_version,
                                       rule_count=scanner.rule_count, analyzer_version=scanner.analyzer_version)
        await planner.rescans.plan(rescan.id)
    finally:
        await planner.close()
    planned = await store.rescans.get(rescan.id, changes_limit=0)
    assert planned is not None and planned.progress.batches_total == total // 2
    held = range(6, planned.progress.batches_total)
    await hold_back(store, rescan.id, held)

    # Its own process group: the kill takes its scan process too, as a crash of the machine would.
    first = subprocess.Popen([*CLI, "rescan", "--processes", "1"], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, start_new_session=True)
    try:
        async with asyncio.timeout(GIVE_UP_S):
            while await _batches_done(store) < 5:
                assert first.poll() is None, first.stderr.read().decode()[-2000:]  # type: ignore[union-attr]
                await asyncio.sleep(0.02)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(GIVE_UP_S)
    killed_at = await _batches_done(store)
    assert 5 <= killed_at <= 6  # the rest was held back
    assert b"resuming unfinished rescan " + rescan.id.encode() in first.stderr.read()  # type: ignore[union-attr]
    await give_back(store, rescan.id, held)

    second = subprocess.run([*CLI, "rescan", "--processes", "1", "--json"], env=env, capture_output=True,
                            timeout=2 * GIVE_UP_S)
    assert second.returncode == 0, second.stderr.decode()[-2000:]
    assert b"resuming unfinished rescan" in second.stderr

    async with store.database.engine.connect() as conn:
        (rescan_id, status), = (await conn.execute(sa.select(rescans.c.id, rescans.c.status))).all()
        states = dict((await conn.execute(
            sa.select(rescan_items.c.state, sa.func.count()).where(rescan_items.c.rescan_id == rescan_id)
            .group_by(rescan_items.c.state))).all())
        scans = set((await conn.execute(sa.select(rescan_items.c.scans))).scalars())
        cached = await conn.scalar(sa.select(sa.func.count()).select_from(analysis_cache))
    assert status == "done"
    assert states == {"scanned": total}  # none skipped
    assert scans == {1} and cached == total  # none recorded twice
    info = await store.rescans.get(rescan_id)
    assert info is not None and info.progress.inspections_done == 30
