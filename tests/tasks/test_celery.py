"""A real Celery worker (subprocess, Redis broker) runs rescan batches; killing it midway loses nothing."""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from inspector.rescan.scanner import ArtifactScanner
from inspector.service.rescan_service import run_rescan, start_rescan
from inspector.store import Store
from inspector.store.schema import analysis_cache, rescan_items
from inspector.store.testing import (
    Backend,
    blobs_of,
    make_verdict,
    postgres_unreachable_reason,
    subprocess_env,
    temporary_store,
)
from inspector.tasks.celery_app import CeleryBatchRunner
from tests.held_batches import give_back, hold_back
from tests.timing import GIVE_UP_S

pytestmark = pytest.mark.redis
# This suite's own database number; only it is flushed. A second checkout running its suite on the
# same machine at the same time sets INSPECTOR_TEST_REDIS_DB_OFFSET so the two never flush each other.
REDIS_DB = 13 + int(os.environ.get("INSPECTOR_TEST_REDIS_DB_OFFSET", "0"))
CLI = [sys.executable, "-c", "from inspector.cli.main import main; main()"]


def _redis_reason() -> str | None:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1.0):
            return None
    except OSError as exc:
        return f"Redis at 127.0.0.1:6379 is unreachable ({exc}); .ci/run starts it"


@pytest.fixture
def broker() -> Iterator[str]:
    if reason := _redis_reason():
        pytest.skip(reason)
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
    client.flushdb()
    yield f"redis://127.0.0.1:6379/{REDIS_DB}"
    client.flushdb()
    client.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> Backend:
    if request.param == "postgres" and (reason := postgres_unreachable_reason()):
        pytest.skip(reason)
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
async def store(backend: Backend, tmp_path: Path, broker: str) -> AsyncIterator[Store]:
    async with temporary_store(backend, tmp_path / "data", broker_url=broker, engine="celery",
                               celery_queue=f"test-{secrets.token_hex(4)}", rescan_batch_size=3,
                               rescan_lease_s=3.0, rescan_poll_s=0.1) as opened:
        yield opened


def _start_worker(store: Store, log: Path, *options: str) -> subprocess.Popen[bytes]:
    env = subprocess_env(store.settings, INSPECTOR_BROKER_URL=store.settings.broker_url,
                         INSPECTOR_CELERY_QUEUE=store.settings.celery_queue)
    with open(log, "ab") as out:
        return subprocess.Popen([*CLI, "worker", "--concurrency", "1", "--loglevel", "WARNING", *options], env=env,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def _stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, sig)  # the worker and its pool children: all started by this test
        try:
            proc.wait(GIVE_UP_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(GIVE_UP_S)


async def _seed(store: Store, inspections: int) -> int:
    for i in range(inspections):
        contents = [f"celery {i} root".encode(), f"celery {i} child".encode() * 20]
        await store.inspections.create(f"c{i:03d}", "script", {}, None, None)
        await store.inspections.save_verdict(f"c{i:03d}", make_verdict(f"c{i:03d}", contents), blobs_of(contents))
    return inspections * 2


async def _start(store: Store) -> str:
    scanner = await asyncio.to_thread(ArtifactScanner.from_settings, store.settings)
    info, _ = await start_rescan(store, ruleset_version=scanner.ruleset_version, rule_count=scanner.rule_count,
                                 analyzer_version=scanner.analyzer_version)
    return info.id


async def _assert_each_scanned_once(store: Store, rescan_id: str, total: int) -> None:
    async with store.database.engine.connect() as conn:
        rows = (await conn.execute(sa.select(rescan_items.c.state, rescan_items.c.scans)
                                   .where(rescan_items.c.rescan_id == rescan_id))).all()
        cached = await conn.scalar(sa.select(sa.func.count()).select_from(analysis_cache))
    assert len(rows) == total and {tuple(r) for r in rows} == {("scanned", 1)} and cached == total


async def test_a_celery_worker_processes_a_rescan(store: Store, tmp_path: Path) -> None:
    total = await _seed(store, 10)
    worker = _start_worker(store, tmp_path / "worker.log")
    runner = CeleryBatchRunner(store.settings)
    try:
        rescan_id = await _start(store)
        async with asyncio.timeout(GIVE_UP_S):
            info = await run_rescan(store, rescan_id, runner, settings=store.settings)
    finally:
        runner.close()
        _stop(worker)
    assert info.status == "done", (tmp_path / "worker.log").read_text()[-3000:]
    assert info.progress.inspections_done == 10
    await _assert_each_scanned_once(store, rescan_id, total)


async def test_killing_a_worker_midway_loses_and_repeats_nothing(store: Store, tmp_path: Path) -> None:
    total = await _seed(store, 30)
    rescan_id = await _start(store)
    await store.rescans.plan(rescan_id)
    planned = await store.rescans.get(rescan_id, changes_limit=0)
    assert planned is not None and planned.progress.batches_total == 20
    held = range(5, 20)  # the first worker can finish five batches at most, however fast it goes
    await hold_back(store, rescan_id, held)
    runner = CeleryBatchRunner(store.settings)
    first = _start_worker(store, tmp_path / "first.log")
    second: subprocess.Popen[bytes] | None = None
    coordinator = asyncio.create_task(run_rescan(store, rescan_id, runner, settings=store.settings))
    try:
        async with asyncio.timeout(GIVE_UP_S):
            while True:
                info = await store.rescans.get(rescan_id, changes_limit=0)
                assert info is not None
                if info.progress.batches_done >= 3:
                    break
                await asyncio.sleep(0.05)
        _stop(first, signal.SIGKILL)
        await give_back(store, rescan_id, held)
        second = _start_worker(store, tmp_path / "second.log")
        async with asyncio.timeout(2 * GIVE_UP_S):
            final = await coordinator
    finally:
        coordinator.cancel()
        runner.close()
        _stop(first, signal.SIGKILL)
        if second is not None:
            _stop(second)
    assert final.status == "done"
    await _assert_each_scanned_once(store, rescan_id, total)


async def test_an_asynchronous_inspection_is_picked_up_by_a_worker(store: Store, tmp_path: Path) -> None:
    from inspector.extensions.request import InputKind, InspectionInput
    from inspector.tasks.celery_app import make_celery, submit_inspection

    await store.inspections.create("queued-1", "script", {}, None, None)
    worker = _start_worker(store, tmp_path / "worker.log")
    app = make_celery(store.settings)
    try:
        submit_inspection(app, store.settings, "queued-1",
                          InspectionInput(kind=InputKind.SCRIPT, content=b"vssadmin delete shadows /all /quiet"),
                          fetch=False)
        async with asyncio.timeout(GIVE_UP_S):
            while (stored := await store.inspections.get("queued-1")) is None or stored.status not in ("done", "failed"):
                await asyncio.sleep(0.1)
    finally:
        app.close()
        _stop(worker)
    assert stored.status == "done", (tmp_path / "worker.log").read_text()[-3000:]
    assert stored.verdict is not None and stored.verdict.findings


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _scrape(port: int) -> str:
    import urllib.request

    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=GIVE_UP_S) as response:
            return str(response.read().decode())
    except OSError:
        return ""


async def test_a_worker_counts_its_verdicts_on_its_metrics_endpoint(store: Store, tmp_path: Path) -> None:
    from inspector.extensions.request import InputKind, InspectionInput
    from inspector.tasks.celery_app import make_celery, submit_inspection

    await store.inspections.create("metered-1", "script", {}, None, None)
    port = _free_port()
    worker = _start_worker(store, tmp_path / "worker.log", "--metrics-port", str(port))
    app = make_celery(store.settings)
    try:
        submit_inspection(app, store.settings, "metered-1",
                          InspectionInput(kind=InputKind.SCRIPT, content=b"vssadmin delete shadows /all /quiet"),
                          fetch=False)
        async with asyncio.timeout(GIVE_UP_S):
            while (stored := await store.inspections.get("metered-1")) is None or stored.status != "done":
                await asyncio.sleep(0.1)
            verdict = stored.verdict.verdict.value if stored.verdict else "?"
            counted = f'inspector_verdicts_total{{verdict="{verdict}"}} 1.0'
            while counted not in (scraped := await asyncio.to_thread(_scrape, port)):
                await asyncio.sleep(0.2)
    finally:
        app.close()
        _stop(worker)
    assert "inspector_inspection_duration_seconds_count 1.0" in scraped
