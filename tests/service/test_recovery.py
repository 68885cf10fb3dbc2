"""Crash recovery: abandoned inspections are marked failed by the reaper, unfinished rescans are
driven again; after `kill -9` of `inspector serve` too (real subprocesses, SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import json
import threading
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from inspector.config import Settings
from inspector.rescan.scanner import ArtifactScanner
from inspector.service.recovery import Reaper, reap_abandoned
from inspector.service.rescan_service import RescanService, start_rescan
from inspector.store import Store
from inspector.store.testing import subprocess_env, temporary_store
from tests.api.server import serve_process
from tests.timing import GIVE_UP_S


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def test_the_reaper_fails_exactly_the_inspections_whose_lease_passed(store: Store) -> None:
    clock = Clock(datetime(2031, 5, 1, tzinfo=UTC))
    await store.inspections.create("dead", "script", {}, None, None, lease_expires_at=clock.now + timedelta(seconds=5))
    await store.inspections.create("alive", "script", {}, None, None, lease_expires_at=clock.now + timedelta(seconds=50))
    reaped: list[int] = []
    reaper = Reaper(store, store.settings, clock=clock, on_reaped=reaped.append)
    assert await reaper.sweep() == []
    clock.now += timedelta(seconds=10)
    assert await reaper.sweep() == ["dead"]
    assert reaped == [1]
    dead, alive = await store.inspections.get("dead"), await store.inspections.get("alive")
    assert dead is not None and dead.status == "failed" and dead.error_kind == "abandoned"
    assert alive is not None and alive.status == "queued"


async def test_reaping_goes_on_until_every_expired_row_is_marked(store: Store) -> None:
    expired = datetime(2031, 5, 1, tzinfo=UTC)
    for n in range(3):
        await store.inspections.create(f"old-{n}", "script", {}, None, None, lease_expires_at=expired)
    assert sorted(await reap_abandoned(store, expired + timedelta(seconds=1))) == ["old-0", "old-1", "old-2"]


async def test_a_rescan_left_running_is_driven_to_the_end_when_the_service_starts_again(store: Store) -> None:
    scanner = await asyncio.to_thread(ArtifactScanner.from_settings, store.settings)
    info, _ = await start_rescan(store, ruleset_version=scanner.ruleset_version, rule_count=scanner.rule_count,
                                 analyzer_version=scanner.analyzer_version)
    await store.rescans.plan(info.id)  # running, and then its process died
    service = RescanService(store, store.settings)
    try:
        assert await service.resume_unfinished() == [info.id]
        finished = await asyncio.wait_for(service.wait(info.id), timeout=GIVE_UP_S)
    finally:
        await service.close()
    assert finished is not None and finished.status == "done"


# --------------------------------------------------------------------------- kill -9 of `inspector serve`


class HangingRemote:
    """A remote that accepts requests and never answers them: the inspection stays in its fetch."""

    def __init__(self) -> None:
        self.requested = threading.Event()
        self.release = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                outer.requested.set()
                outer.release.wait(120)

            def log_message(self, *_: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def remote() -> Iterator[HangingRemote]:
    server = HangingRemote()
    yield server
    server.close()


def _call(url: str, key: str, method: str = "GET", body: dict | None = None,
          headers: dict[str, str] | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": f"Bearer {key}", "Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=GIVE_UP_S) as response:
        return response.status, json.loads(response.read())


def _serve_env(settings: Settings, remote: HangingRemote) -> dict[str, str]:
    env = subprocess_env(settings, INSPECTOR_FETCH="true", INSPECTOR_FETCH_ALLOW_NETWORKS="127.0.0.0/8",
                         INSPECTOR_FETCH_PORTS=str(remote.port), INSPECTOR_FETCH_RETRIES="0",
                         INSPECTOR_API_INSPECTION_TIMEOUT_S="4", INSPECTOR_INSPECTION_LEASE_GRACE_S="1",
                         INSPECTOR_INSPECTION_REAP_INTERVAL_S="0.5")
    return {k: v for k, v in env.items() if k.startswith("INSPECTOR_") and k != "INSPECTOR_DATA_DIR"}


async def test_after_kill_9_the_restarted_service_ends_what_the_dead_one_left(
        store: Store, remote: HangingRemote) -> None:
    _info, key = await store.keys.create("admin", "recovery test")
    scanner = await asyncio.to_thread(ArtifactScanner.from_settings, store.settings)
    rescan, _ = await start_rescan(store, ruleset_version=scanner.ruleset_version, rule_count=scanner.rule_count,
                                   analyzer_version=scanner.analyzer_version)
    await store.rescans.plan(rescan.id)  # running: a process was driving it
    env = _serve_env(store.settings, remote)
    data_dir = Path(store.settings.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)  # PostgreSQL stores have no files of their own
    with serve_process(data_dir, **env) as first:
        status, accepted = await asyncio.to_thread(
            _call, first.url + "/v1/inspections", key, "POST",
            {"kind": "url", "url": f"http://127.0.0.1:{remote.port}/stage.ps1"}, {"Prefer": "respond-async"})
        assert status == 202
        assert await asyncio.to_thread(remote.requested.wait, 60), first.log()[-3000:]
        first.process.kill()  # SIGKILL: no shutdown, no drain
        first.process.wait(30)
    stranded = await store.inspections.get(accepted["id"])
    assert stranded is not None and stranded.status in ("queued", "running")
    with serve_process(data_dir, **env) as second:
        # Bound: deadline (4 s) + grace (1 s) + one sweep (2 s) after the inspection started; generous here.
        async with asyncio.timeout(GIVE_UP_S):
            while True:
                _, body = await asyncio.to_thread(_call, second.url + f"/v1/inspections/{accepted['id']}", key)
                resumed = await store.rescans.get(rescan.id, changes_limit=0)
                if body["status"] not in ("queued", "running") and resumed is not None and resumed.status == "done":
                    break
                await asyncio.sleep(0.2)
    assert body["status"] == "failed" and body["error"].startswith("abandoned"), second.log()[-3000:]
