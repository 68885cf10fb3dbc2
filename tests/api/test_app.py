"""The service as a whole: first start, signals, load, slow clients, an event loop free of analysis."""

from __future__ import annotations

import asyncio
import io
import json
import signal
from pathlib import Path

from inspector.api.app import ensure_admin_key
from inspector.service.state import SERVICE_STATE
from inspector.store import Store
from tests.api.held_analysis import HeldAnalysisPool
from tests.api.server import BENIGN_PS, MALICIOUS_PS, Service, serve_process, service_settings, start_service
from tests.timing import GIVE_UP_S, poll, until


async def test_first_start_creates_one_admin_key_and_shows_it_once(tmp_path: Path):
    store = await Store.open(service_settings(tmp_path))
    try:
        out = io.StringIO()
        secret = await ensure_admin_key(store, out)
        assert secret and f"INSPECTOR_ADMIN_KEY={secret}" in out.getvalue()
        info = await store.keys.authenticate(secret)
        assert info is not None and info.role == "admin"
        again = io.StringIO()
        assert await ensure_admin_key(store, again) is None and again.getvalue() == ""
    finally:
        await store.close()


def test_serve_prints_the_first_key_outside_the_json_logs_and_stops_cleanly_on_sigterm(tmp_path: Path):
    with serve_process(tmp_path) as served:
        served.process.send_signal(signal.SIGTERM)
        assert served.process.wait(timeout=GIVE_UP_S) == 0
    lines = served.log().splitlines()
    [marked] = [line for line in lines if line.startswith("INSPECTOR_ADMIN_KEY=")]
    secret = marked.split("=", 1)[1]
    json_lines = [json.loads(line) for line in lines if line.startswith("{")]
    assert {"listening", "stopped"} <= {row["event"] for row in json_lines}
    assert all(secret not in json.dumps(row) for row in json_lines)


def test_the_start_up_log_says_which_rule_files_were_left_out_and_why(tmp_path: Path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "thor_only.yar").write_text('rule a { condition: true }\nrule b { condition: md5 == "0" }\n')
    with serve_process(tmp_path, INSPECTOR_SIGNATURE_DIRS=str(rules)) as served:
        served.process.send_signal(signal.SIGTERM)
        assert served.process.wait(timeout=GIVE_UP_S) == 0
    rows = [json.loads(line) for line in served.log().splitlines() if line.startswith("{")]
    [skipped] = [row for row in rows if row["event"] == "rule_file_skipped"]
    assert skipped["file"].endswith("thor_only.yar") and skipped["line"] == 2 and skipped["rules"] == 2
    assert skipped["reason"] == 'undefined identifier "md5"'
    [listening] = [row for row in rows if row["event"] == "listening"]
    assert (listening["skipped_rule_files"], listening["skipped_rules"]) == (1, 2)


async def test_500_concurrent_requests_are_all_answered(tmp_path: Path):
    # Throughput and latency under load: benchmarks/http_load.py (docs/performance.md).
    async with start_service(tmp_path, api_queue_size=500) as service:
        scripts = [MALICIOUS_PS if i % 2 else BENIGN_PS + f"# {i}\n" for i in range(500)]
        results = await asyncio.gather(*(
            service.call("POST", "/v1/inspections", key="detector", json_body={"kind": "script", "content": s})
            for s in scripts
        ))
    assert [status for status, _, _ in results] == [200] * 500
    verdicts = [body["verdict"] for _, _, body in results]
    assert verdicts.count("clean") == 250
    assert len({body["id"] for _, _, body in results}) == 500


async def test_health_answers_while_every_worker_is_busy(tmp_path: Path):
    # The worker holds the first analysis until released: however fast or loaded the machine,
    # every probe below happens while it is busy. Latency: benchmarks/loop_responsiveness.py.
    pool = HeldAnalysisPool(workers=1)
    async with start_service(tmp_path, pool=pool, api_workers=1, api_shutdown_grace_s=0) as service:
        submitted = [await service.call("POST", "/v1/inspections", json_body={"kind": "script", "content": script},
                                        headers={"Prefer": "respond-async"})
                     for script in (MALICIOUS_PS, BENIGN_PS)]
        assert [status for status, _, _ in submitted] == [202, 202]
        await until(lambda: pool.holding == 1, what="the worker process took the first analysis")
        for _ in range(20):
            status, _, body = await service.call("GET", "/healthz", key=None)
            assert status == 200 and body == {"status": "ok"}
        # Still busy: one analysis held in the only worker, the other waiting for it.
        assert service.app[SERVICE_STATE].runner.queue.depth == 2 and pool.holding == 1
        pool.release()
        for _, _, accepted in submitted:
            finished = await _finished(service, accepted["location"])
            assert "verdict" in finished, finished
        assert pool.holding == 2


async def _finished(service: Service, location: str) -> dict:
    _, _, body = await poll(lambda: service.call("GET", location),
                            lambda answer: answer[2].get("status") not in ("queued", "running"),
                            what=f"{location} finished")
    return body  # type: ignore[no-any-return]


async def _start_slow_post(service: Service) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A POST whose head and first body bytes arrive, and then nothing more."""
    host, port = service.url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write((f"POST /v1/inspections HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {service.keys['detector']}"
                  "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"kind\": ").encode())
    await writer.drain()
    return reader, writer


async def test_a_slow_client_gets_408(tmp_path: Path):
    async with start_service(tmp_path, api_body_timeout_s=0.5) as service:
        reader, writer = await _start_slow_post(service)
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=GIVE_UP_S)
        assert head.startswith(b"HTTP/1.1 408") and b"application/problem+json" in head
        writer.close()


async def test_a_slow_client_does_not_hold_up_others(tmp_path: Path):
    # Its body may take GIVE_UP_S: whenever the others are answered, it is still being waited for.
    async with start_service(tmp_path, api_body_timeout_s=GIVE_UP_S) as service:
        reader, writer = await _start_slow_post(service)
        answer = asyncio.ensure_future(reader.readuntil(b"\r\n\r\n"))
        status, _, _ = await service.call("GET", "/healthz", key=None)
        assert status == 200 and not answer.done()
        answer.cancel()
        writer.close()


async def test_many_idle_half_open_connections_do_not_block_the_service(tmp_path: Path):
    async with start_service(tmp_path) as service:
        host, port = service.url.removeprefix("http://").split(":")
        idle = []
        for _ in range(100):
            _, writer = await asyncio.open_connection(host, int(port))
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # headers never finished
            idle.append(writer)
        # Blocked, it would wait at least for idle connections to time out (api_keepalive_s, 75 s); it
        # answers in milliseconds, loaded or not (benchmarks/loop_responsiveness.py).
        status, _, _ = await asyncio.wait_for(service.call("GET", "/healthz", key=None), timeout=60)
        assert status == 200
        for writer in idle:
            writer.close()


async def test_requests_that_are_not_valid_http_get_a_problem_too(service: Service):
    host, port = service.url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(b"GET /v1/signatures?sig=SECRET" + b"A" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(), timeout=GIVE_UP_S)
    writer.close()
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b" ")[1] == b"400" and b"application/problem+json" in head
    problem = json.loads(body)
    assert problem["type"].endswith("/malformed-http") and "SECRET" not in body.decode()
