"""Activity ingest on several workers: one subscription ingested by two at once gives the history
and the alerts one process gives, each alert once (in-process on both databases; then real
`inspector worker` subprocesses on PostgreSQL with a Redis broker)."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from inspector.activity import ActivityLimits, ActivityRecord, ingest, records_of
from inspector.store import Store
from inspector.store.schema import (
    activity_alerts,
    activity_daily,
    activity_extensions,
    activity_operations,
    activity_record_ids,
    activity_seen,
    activity_subscriptions,
    activity_vms,
)
from inspector.store.testing import Backend, postgres_unreachable_reason, subprocess_env, temporary_store
from inspector.tasks.activity_ingest import by_subscription, ingest_serialised
from tests.activity.builders import SUB, T0, routine, run_command, vm
from tests.tasks.test_celery import broker  # noqa: F401 (fixture: its own Redis database, flushed)
from tests.timing import GIVE_UP_S, poll

LIMITS = ActivityLimits(inspect_bodies=False)
ATTACK = T0 + timedelta(days=14, hours=2)
OTHER_SUB = "00000000-0000-0000-0000-0000000000bb"
CLI = [sys.executable, "-c", "from inspector.cli.main import main; main()"]
HISTORY_TABLES = (activity_subscriptions, activity_seen, activity_daily, activity_vms, activity_extensions,
                  activity_operations, activity_record_ids)


def _records(raw: list[dict[str, Any]]) -> list[ActivityRecord]:
    parsed = [r for r in records_of(raw, LIMITS) if isinstance(r, ActivityRecord)]
    assert len(parsed) == len(raw)
    return sorted(parsed, key=lambda r: r.event_time)


def _fan_out() -> list[dict[str, Any]]:
    """A never-seen caller fanning Run Command out over 20 VMs, as Azure logs it."""
    return [run_command(vm(f"vm-{i:02d}"), ATTACK + timedelta(minutes=i // 3), caller="mallory@evil.example",
                        ip="198.51.100.7", event_id=f"attack-{i}") for i in range(20)]


def _scenario(fan_out: list[dict[str, Any]] | None = None
              ) -> tuple[list[ActivityRecord], list[ActivityRecord], list[ActivityRecord]]:
    """Two weeks of routine work, then the fan-out in two overlapping batches (each worker sees
    the same subscription)."""
    fan_out = fan_out or _fan_out()
    return _records(routine(14)), _records(fan_out[:14]), _records(fan_out[6:])


async def _history_rows(store: Store) -> dict[str, set[tuple[Any, ...]]]:
    async with store.database.read() as conn:
        return {table.name: {tuple(row) for row in await conn.execute(sa.select(table))} for table in HISTORY_TABLES}


async def _alert_rows(store: Store) -> list[tuple[str, str]]:
    async with store.database.read() as conn:
        return sorted(tuple(r) for r in await conn.execute(  # type: ignore[misc]
            sa.select(activity_alerts.c.alert_type, activity_alerts.c.dedupe_key)))


def test_records_are_split_by_subscription_in_event_time_order_and_task_sized_chunks():
    late, early = run_command(vm("vm-01"), ATTACK + timedelta(minutes=5)), run_command(vm("vm-02"), ATTACK)
    other = run_command(vm("vm-01", OTHER_SUB), ATTACK)
    chunks = by_subscription([r for r in records_of([late, other, early, late], LIMITS)
                              if isinstance(r, ActivityRecord)], per_task=2)
    assert sorted(chunks) == [SUB, OTHER_SUB]
    mine = [record["event_time"] for part in chunks[SUB] for record in part]
    assert [len(part) for part in chunks[SUB]] == [2, 1] and mine == sorted(mine)
    assert ActivityRecord.model_validate(chunks[OTHER_SUB][0][0]).subscription_id == OTHER_SUB


async def test_a_task_refuses_records_of_another_subscription(tmp_path: Path):
    async with temporary_store("sqlite", tmp_path) as store:
        with pytest.raises(ValueError, match="carries records of"):
            await ingest_serialised(store, OTHER_SUB, _records([run_command(vm("vm-01"), ATTACK)]), LIMITS, None)


async def test_a_streaming_task_reports_the_records_its_subscription_could_not_hold(tmp_path: Path):
    limits = ActivityLimits(inspect_bodies=False, max_held_records=4)
    async with temporary_store("sqlite", tmp_path) as store:
        result = await ingest_serialised(store, SUB, _records(_fan_out()), limits, None, streaming=True)
    assert (result.records, result.held, result.released_early, result.judged) == (20, 4, 16, 16)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> Backend:
    if request.param == "postgres" and (reason := postgres_unreachable_reason()):
        pytest.skip(reason)
    return request.param  # type: ignore[no-any-return]


async def test_two_ingests_of_one_subscription_at_once_equal_one_ingest(backend: Backend, tmp_path: Path):
    history, first, second = _scenario()
    async with temporary_store(backend, tmp_path / "alone") as alone:
        await ingest(history, alone.activity, LIMITS)
        single = await ingest(sorted({r.record_id: r for r in first + second}.values(), key=lambda r: r.event_time),
                              alone.activity, LIMITS)
        expected_history, expected_alerts = await _history_rows(alone), await _alert_rows(alone)
    assert [a.alert_type for a in single.alerts] == ["VM_RunCommandSuspiciousUsage"]

    async with temporary_store(backend, tmp_path / "shared") as store:
        await ingest_serialised(store, SUB, history, LIMITS, None)
        other = await Store.open(store.settings, migrate=False)  # a second worker: its own connections
        try:
            results = await asyncio.wait_for(asyncio.gather(
                ingest_serialised(store, SUB, first, LIMITS, None),
                ingest_serialised(other, SUB.upper(), second, LIMITS, None),
                ingest_serialised(other, SUB, first, LIMITS, None)), GIVE_UP_S)
        finally:
            await other.close()
        assert sum(len(r.alerts) for r in results) == 1  # raised (printed, delivered) by one of them only
        assert [e.type for e in await store.events.read()] == ["alert.raised"]
        assert sum(r.judged for r in results) == 20 and sum(r.duplicates for r in results) == 14 + 8
        assert await _history_rows(store) == expected_history
        # The same alert once; which batch got the lock first decides where its evidence starts.
        assert [t for t, _ in await _alert_rows(store)] == [t for t, _ in expected_alerts]


# --- real workers ------------------------------------------------------------------------------


@pytest.fixture
async def pg_store(tmp_path: Path, broker: str) -> AsyncIterator[Store]:
    if reason := postgres_unreachable_reason():
        pytest.skip(reason)
    async with temporary_store("postgres", tmp_path / "data", broker_url=broker, engine="celery",
                               celery_queue=f"test-{secrets.token_hex(4)}", activity_inspect_bodies=False) as opened:
        yield opened


def _start_worker(store: Store, log: Path, name: str) -> subprocess.Popen[bytes]:
    env = subprocess_env(store.settings, INSPECTOR_BROKER_URL=store.settings.broker_url,
                         INSPECTOR_CELERY_QUEUE=store.settings.celery_queue, INSPECTOR_ACTIVITY_INSPECT_BODIES="false")
    with open(log, "ab") as out:
        return subprocess.Popen([*CLI, "worker", "--concurrency", "1", "--loglevel", "WARNING", "-n", f"{name}@%h"],
                                env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    import signal

    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)  # the worker and its pool child: both started by this test
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


def _queue_with_cli(store: Store, path: Path) -> subprocess.CompletedProcess[bytes]:
    env = subprocess_env(store.settings, INSPECTOR_BROKER_URL=store.settings.broker_url,
                         INSPECTOR_CELERY_QUEUE=store.settings.celery_queue)
    return subprocess.run([*CLI, "activity", "ingest", "--engine", "celery", "--no-inspect", str(path)], env=env,
                          capture_output=True, timeout=GIVE_UP_S, check=False)


async def test_two_real_workers_on_one_subscription_raise_each_alert_once(pg_store: Store, tmp_path: Path):
    from inspector.tasks.celery_app import make_celery, submit_activity

    store = pg_store
    raw = _fan_out()
    history, first, second = _scenario(raw)
    app = make_celery(store.settings)
    workers = [_start_worker(store, tmp_path / f"w{n}.log", f"w{n}") for n in (1, 2)]
    try:
        submit_activity(app, store.settings, by_subscription(history, per_task=100), inspect=False)
        await poll(lambda: store.activity.newest(SUB), lambda newest: newest == history[-1].event_time,
                   what="the history ingested by the workers")
        # The same subscription's overlapping batches, and one of them twice (once through the
        # CLI, as Azure exports it), queued at once: two workers take them concurrently.
        batch_file = tmp_path / "first.json"
        batch_file.write_text(json.dumps({"records": raw[:14]}))
        submit_activity(app, store.settings, by_subscription(second), inspect=False)
        submit_activity(app, store.settings, by_subscription(first), inspect=False)
        queued = await asyncio.to_thread(_queue_with_cli, store, batch_file)
        assert queued.returncode == 0, queued.stderr.decode()[-2000:]
        await poll(lambda: _attack_records_stored(store), lambda count: count == 20,
                   what="every record of the attack stored")
        await poll(lambda: asyncio.to_thread(_idle, app, store.settings.celery_queue), bool,
                   what="every task done (queue empty, no worker busy)")
    finally:
        app.close()
        for worker in workers:
            _stop(worker)
    logs = "".join((tmp_path / f"w{n}.log").read_text() for n in (1, 2))
    alerts = await _alert_rows(store)
    assert [t for t, _ in alerts] == ["VM_RunCommandSuspiciousUsage"], logs[-3000:]
    assert [e.type for e in await store.events.read()] == ["alert.raised"]  # delivered once too
    async with temporary_store("postgres", tmp_path / "alone") as alone:
        await ingest(history, alone.activity, LIMITS)
        await ingest(sorted({r.record_id: r for r in first + second}.values(), key=lambda r: r.event_time),
                     alone.activity, LIMITS)
        assert await _history_rows(store) == await _history_rows(alone)
        assert [t for t, _ in alerts] == [t for t, _ in await _alert_rows(alone)]


async def _attack_records_stored(store: Store) -> int:
    async with store.database.read() as conn:
        return int(await conn.scalar(sa.select(sa.func.count()).select_from(activity_record_ids).where(
            activity_record_ids.c.event_time >= ATTACK)) or 0)


def _idle(app: Any, queue: str) -> bool:
    with app.connection_for_write() as connection:
        waiting = connection.default_channel.client.llen(queue)
    inspect = app.control.inspect(timeout=1.0)
    active, reserved = inspect.active() or {}, inspect.reserved() or {}
    return waiting == 0 and len(active) == 2 and not any(active.values()) and not any(reserved.values())


async def test_an_activity_task_that_meets_a_transient_database_error_is_retried_and_ingests_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from inspector.store.activity import ActivityRepository
    from inspector.store.testing import store_settings
    from inspector.tasks import worker
    from inspector.tasks.celery_app import ACTIVITY_INGEST_TASK, make_celery

    history, first, _ = _scenario()
    settings = store_settings("sqlite", tmp_path)
    await (await Store.open(settings)).close()  # the schema, migrated
    real_save = ActivityRepository.save
    failures: list[str] = []

    async def save_failing_once(self: ActivityRepository, *args: Any, **kwargs: Any) -> set[str]:
        if not failures:
            failures.append("save")
            raise sa.exc.OperationalError("COMMIT", None, Exception("server closed the connection"))
        return await real_save(self, *args, **kwargs)

    monkeypatch.setattr(ActivityRepository, "save", save_failing_once)
    app = make_celery(settings)
    app.conf.task_always_eager = True  # Celery runs a retry of an eager task at once: no clock involved
    state = await asyncio.to_thread(worker.WorkerState.open, settings)
    monkeypatch.setattr(worker, "_process_state", state)
    try:
        encoded = [r.model_dump(mode="json") for r in history + first]
        result = await asyncio.to_thread(
            lambda: app.tasks[ACTIVITY_INGEST_TASK].apply(args=[SUB, encoded, False, True]).get())
        assert failures == ["save"] and result["judged"] == len(history + first) and len(result["alerts"]) == 1
        again = await asyncio.to_thread(
            lambda: app.tasks[ACTIVITY_INGEST_TASK].apply(args=[SUB, encoded, False, True]).get())
        assert again["judged"] == 0 and again["alerts"] == []
    finally:
        await asyncio.to_thread(state.close)
