"""A Celery worker killed with -9 mid-inspection, or right after storing its verdict: the broker
delivers the task again and the inspection ends with one verdict row (real worker subprocesses,
Redis broker, SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import secrets
import signal
import subprocess
import threading
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sqlalchemy as sa

from inspector.extensions.request import InputKind, InspectionInput
from inspector.store import Store
from inspector.store.schema import inspections, verdicts
from inspector.store.testing import Backend, subprocess_env, temporary_store
from inspector.tasks.celery_app import make_celery, submit_inspection
from tests.tasks.test_celery import CLI, _stop, backend, broker  # noqa: F401 (fixtures)
from tests.timing import GIVE_UP_S, poll, until

pytestmark = pytest.mark.redis
DEADLINE_S = 6.0
GRACE_S = 2.0


class FirstRequestHangs:
    """An HTTP server whose first request never gets an answer; later ones get a script."""

    def __init__(self) -> None:
        self.first_request = threading.Event()
        self.release = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                if not outer.first_request.is_set():
                    outer.first_request.set()
                    outer.release.wait(120)
                    return
                body = b"Invoke-Mimikatz -DumpCreds"
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FirstRequestHangs:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def remote() -> Iterator[FirstRequestHangs]:
    with FirstRequestHangs() as server:
        yield server


@pytest.fixture
async def store(backend: Backend, tmp_path: Path, broker: str, remote: FirstRequestHangs) -> AsyncIterator[Store]:  # noqa: F811
    async with temporary_store(backend, tmp_path / "data", broker_url=broker, engine="celery",
                               celery_queue=f"test-{secrets.token_hex(4)}", api_inspection_timeout_s=DEADLINE_S,
                               inspection_lease_grace_s=GRACE_S, fetch=True, fetch_allow_networks=["127.0.0.0/8"],
                               fetch_ports=[remote.port], fetch_retries=0) as opened:
        yield opened


def _start_worker(store: Store, log: Path, name: str, **extra_env: str) -> subprocess.Popen[bytes]:
    settings = store.settings
    env = subprocess_env(settings, INSPECTOR_BROKER_URL=settings.broker_url, INSPECTOR_CELERY_QUEUE=settings.celery_queue,
                         INSPECTOR_API_INSPECTION_TIMEOUT_S=str(DEADLINE_S), INSPECTOR_INSPECTION_LEASE_GRACE_S=str(GRACE_S),
                         INSPECTOR_FETCH="true", INSPECTOR_FETCH_ALLOW_NETWORKS="127.0.0.0/8",
                         INSPECTOR_FETCH_PORTS=str(settings.fetch_ports[0]), INSPECTOR_FETCH_RETRIES="0", **extra_env)
    with open(log, "ab") as out:
        return subprocess.Popen([*CLI, "worker", "--concurrency", "1", "--loglevel", "INFO", "--hostname", name],
                                env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


async def _row(store: Store, inspection_id: str) -> tuple[str, int, int]:
    async with store.database.read() as conn:
        status, attempts = (await conn.execute(sa.select(inspections.c.status, inspections.c.attempts)
                                               .where(inspections.c.id == inspection_id))).one()
        rows = await conn.scalar(sa.select(sa.func.count()).select_from(verdicts)
                                 .where(verdicts.c.inspection_id == inspection_id))
    return status, int(attempts), int(rows)


async def test_a_worker_killed_mid_inspection_has_its_task_finished_by_another(
        store: Store, remote: FirstRequestHangs, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{remote.port}/stage.ps1"
    await store.inspections.create("k9", "url", {"url": url}, None, None)
    app = make_celery(store.settings)
    try:
        submit_inspection(app, store.settings, "k9", InspectionInput(kind=InputKind.URL, url=url), True)
    finally:
        app.close()
    first = _start_worker(store, tmp_path / "first.log", "first@%h")
    second: subprocess.Popen[bytes] | None = None
    try:
        # The first worker is inside the inspection (its fetch hangs) when it is killed.
        assert await asyncio.to_thread(remote.first_request.wait, GIVE_UP_S), (tmp_path / "first.log").read_text()[-3000:]
        _stop(first, signal.SIGKILL)
        assert (await _row(store, "k9"))[0] == "running"
        second = _start_worker(store, tmp_path / "second.log", "second@%h")
        # The documented bound is visibility timeout (deadline + grace) + one redelivery sweep + the
        # inspection; a second worker's start alone can take tens of seconds on a loaded machine, so the
        # test waits for the outcome, not for a speed (tests/timing.py).
        async with asyncio.timeout(GIVE_UP_S):
            while (await _row(store, "k9"))[0] in ("queued", "running"):
                await asyncio.sleep(0.2)
    finally:
        _stop(first, signal.SIGKILL)
        if second is not None:
            _stop(second)
    status, attempts, verdict_rows = await _row(store, "k9")
    assert status == "done", (tmp_path / "second.log").read_text()[-3000:]
    assert attempts == 2 and verdict_rows == 1


async def test_a_task_delivered_again_after_its_verdict_was_stored_stores_nothing_twice(
        store: Store, tmp_path: Path) -> None:
    # The first worker stores the verdict, then waits (a test-only hook) before the broker hears the
    # task is done; killed there, its task is delivered again to the second worker.
    hold = tmp_path / "hold"
    hold.mkdir()
    await store.inspections.create("saved", "script", {}, None, None)
    app = make_celery(store.settings)
    try:
        submit_inspection(app, store.settings, "saved",
                          InspectionInput(kind=InputKind.SCRIPT, content=b"Invoke-Mimikatz -DumpCreds"), False)
    finally:
        app.close()
    first = _start_worker(store, tmp_path / "first.log", "first@%h", INSPECTOR_TEST_HOLD_AFTER_SAVE=str(hold))
    second: subprocess.Popen[bytes] | None = None
    try:
        await until(lambda: (hold / "saved.saved").exists(), what="the first worker stored the verdict")
        assert await _row(store, "saved") == ("done", 1, 1)
        _stop(first, signal.SIGKILL)
        second = _start_worker(store, tmp_path / "second.log", "second@%h")
        statuses: list[str] = []

        async def redelivered() -> bool:
            statuses.append((await _row(store, "saved"))[0])
            log = (tmp_path / "second.log").read_text(errors="replace")
            return "inspection_already_ended" in log and "saved" in log

        await poll(redelivered, bool, what="the second worker got the task again")
    finally:
        _stop(first, signal.SIGKILL)
        if second is not None:
            _stop(second)
    assert set(statuses) == {"done"}  # never back to running while the rerun looked at it
    assert await _row(store, "saved") == ("done", 1, 1)  # one verdict row, one attempt counted
