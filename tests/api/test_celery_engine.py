"""Engine `celery`: inspections answered 202 are queued on Redis and finished by an `inspector worker`.

A real `inspector serve` and a real `inspector worker` run as subprocesses sharing one data
folder (SQLite, blobs) and a private Redis database; the test only speaks HTTP to the server.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api.server import (
    BENIGN_PS,
    INSPECTOR_BIN,
    MALICIOUS_PS,
    closed_network_env,
    create_key,
    serve_process,
)
from tests.timing import GIVE_UP_S, until_blocking

pytestmark = pytest.mark.redis
# This suite's own database number; only it is flushed. A second checkout running its suite on the
# same machine at the same time sets INSPECTOR_TEST_REDIS_DB_OFFSET so the two never flush each other.
REDIS_DB = 11 + int(os.environ.get("INSPECTOR_TEST_REDIS_DB_OFFSET", "0"))
# Two thousand lines of string arithmetic for the PowerShell layer to fold: hundreds of milliseconds.
LONG_TO_ANALYSE = "".join(f"$v{i} = 'Write-' + 'Output {i}'\n" for i in range(2000))


@pytest.fixture
def broker() -> Iterator[str]:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1.0).close()
    except OSError as exc:
        pytest.skip(f"Redis at 127.0.0.1:6379 is unreachable ({exc}); .ci/run starts it")
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
    client.flushdb()
    yield f"redis://127.0.0.1:6379/{REDIS_DB}"
    client.flushdb()
    client.close()


def _request(url: str, key: str, *, body: dict[str, Any] | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], Any]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method="POST" if data is not None else "GET",
                                 headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json",
                                          **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=GIVE_UP_S) as resp:
            raw, status, hdrs = resp.read(), resp.status, dict(resp.headers)
    except urllib.error.HTTPError as err:
        raw, status, hdrs = err.read(), err.code, dict(err.headers)
    return status, hdrs, json.loads(raw) if raw and "json" in hdrs.get("Content-Type", "") else raw


def _poll_done(url: str, key: str) -> dict[str, Any]:
    answers: list[dict[str, Any]] = []

    def done() -> bool:
        status, _, body = _request(url, key)
        assert status == 200, body
        answers.append(body)
        return "verdict" in body or body.get("status") == "failed"

    until_blocking(done, what=f"{url} finished", every_s=0.2)
    return answers[-1]


@pytest.fixture
def worker(tmp_path: Path, broker: str) -> Iterator[tuple[Path, dict[str, str]]]:
    """An `inspector worker` on a private queue, sharing the data folder the server will use."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    engine_env = {"INSPECTOR_ENGINE": "celery", "INSPECTOR_BROKER_URL": broker,
                  "INSPECTOR_CELERY_QUEUE": f"test-{secrets.token_hex(4)}"}
    create_key(data_dir, "admin")  # creates the database before two processes race to migrate it
    log = (tmp_path / "worker.log").open("wb")
    process = subprocess.Popen([INSPECTOR_BIN, "worker", "--concurrency", "1", "--loglevel", "WARNING"],
                               env=closed_network_env(data_dir, **engine_env), stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield data_dir, engine_env
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=GIVE_UP_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


def test_an_async_inspection_is_queued_and_a_worker_process_finishes_it(
        worker: tuple[Path, dict[str, str]]) -> None:
    data_dir, engine_env = worker
    key = create_key(data_dir, "detector")
    with serve_process(data_dir, **engine_env) as server:
        status, headers, accepted = _request(server.url + "/v1/inspections", key,
                                             body={"kind": "script", "content": MALICIOUS_PS,
                                                   "language": "powershell"},
                                             headers={"Prefer": "respond-async"})
        assert status == 202, accepted
        location = headers["Location"]
        assert location == f"/v1/inspections/{accepted['id']}"

        verdict = _poll_done(server.url + location, key)
        assert verdict.get("verdict") == "malicious", verdict
        assert verdict["id"] == accepted["id"]

        # Answered within the wait, an inspection still runs here: no broker round trip.
        status, _, quick = _request(server.url + "/v1/inspections", key,
                                    body={"kind": "script", "content": BENIGN_PS})
        assert status == 200 and quick["verdict"] == "clean"

        with urllib.request.urlopen(server.url + "/metrics", timeout=GIVE_UP_S) as resp:
            metrics = resp.read().decode()
        assert "inspector_inspections_queued_total 1.0" in metrics


def test_past_the_deadline_an_inspection_moves_to_the_workers(worker: tuple[Path, dict[str, str]]) -> None:
    data_dir, engine_env = worker
    key = create_key(data_dir, "detector")
    # A 1 ms wait with no Prefer header: the analysis starts here, the deadline passes (the script takes
    # a thousand times longer to analyse on any machine), the workers take over.
    with serve_process(data_dir, **engine_env) as server:
        status, headers, accepted = _request(server.url + "/v1/inspections", key,
                                             body={"kind": "script", "content": MALICIOUS_PS + LONG_TO_ANALYSE,
                                                   "options": {"deadline_s": 0.001}})
        assert status == 202, accepted
        assert _poll_done(server.url + headers["Location"], key).get("verdict") == "malicious"


def test_an_unreachable_broker_is_a_503_and_quick_inspections_still_answer(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    key = create_key(data_dir, "analyst")
    with socket.socket() as closed:  # a loopback port nothing listens on
        closed.bind(("127.0.0.1", 0))
        dead_port = closed.getsockname()[1]
    env = {"INSPECTOR_ENGINE": "celery", "INSPECTOR_BROKER_URL": f"redis://127.0.0.1:{dead_port}/0"}
    with serve_process(data_dir, **env) as server:
        status, headers, problem = _request(server.url + "/v1/inspections", key,
                                            body={"kind": "script", "content": MALICIOUS_PS},
                                            headers={"Prefer": "respond-async"})
        assert status == 503 and problem["type"].endswith("/not-ready") and headers["Retry-After"] == "5"
        # The service itself stays up and answers within the wait as before.
        status, _, quick = _request(server.url + "/v1/inspections", key, body={"kind": "script", "content": BENIGN_PS})
        assert status == 200 and quick["verdict"] == "clean"
        # Readiness says why: the broker every asynchronous inspection needs is down.
        status, _, ready = _request(server.url + "/readyz", key)
        assert status == 503 and ready["ready"] is False and ready["checks"]["queue"] == "broker unreachable"


async def test_readiness_includes_a_reachable_broker(tmp_path: Path, broker: str) -> None:
    from tests.api.server import start_service

    async with start_service(tmp_path, engine="celery", broker_url=broker) as service:
        status, _, ready = await service.call("GET", "/readyz", key=None)
    assert status == 200 and ready["checks"]["queue"] == "ok"
