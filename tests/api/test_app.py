"""The service as a whole: first start, signals, load, slow clients, a responsive event loop."""

from __future__ import annotations

import asyncio
import io
import json
import signal
import statistics
import time
from pathlib import Path

from inspector.api.app import ensure_admin_key
from inspector.store import Store
from tests.api.server import BENIGN_PS, MALICIOUS_PS, Service, serve_process, service_settings, start_service


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
        assert served.process.wait(timeout=30) == 0
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
        assert served.process.wait(timeout=30) == 0
    rows = [json.loads(line) for line in served.log().splitlines() if line.startswith("{")]
    [skipped] = [row for row in rows if row["event"] == "rule_file_skipped"]
    assert skipped["file"].endswith("thor_only.yar") and skipped["line"] == 2 and skipped["rules"] == 2
    assert skipped["reason"] == 'undefined identifier "md5"'
    [listening] = [row for row in rows if row["event"] == "listening"]
    assert (listening["skipped_rule_files"], listening["skipped_rules"]) == (1, 2)


async def test_500_concurrent_requests_are_all_answered_in_bounded_time(tmp_path: Path):
    async with start_service(tmp_path, api_queue_size=500) as service:
        await _five_hundred_at_once(service)


async def _five_hundred_at_once(service: Service) -> None:
    scripts = [MALICIOUS_PS if i % 2 else BENIGN_PS + f"# {i}\n" for i in range(500)]
    started = time.monotonic()
    results = await asyncio.wait_for(asyncio.gather(*(
        service.call("POST", "/v1/inspections", key="detector", json_body={"kind": "script", "content": s})
        for s in scripts
    )), timeout=90)
    elapsed = time.monotonic() - started
    assert [status for status, _, _ in results] == [200] * 500
    verdicts = [body["verdict"] for _, _, body in results]
    assert verdicts.count("clean") == 250
    assert len({body["id"] for _, _, body in results}) == 500
    assert elapsed < 90


async def test_health_answers_within_50_ms_while_every_worker_is_busy(tmp_path: Path):
    # About 1.5 s of analysis each: the single worker stays busy while health is measured.
    heavy = "\n".join(f"$v{i} = 'Invoke-Expression ' + [Convert]::FromBase64String('QUJD{i}')" for i in range(2_000))
    async with start_service(tmp_path, workers=1, api_workers=1, api_shutdown_grace_s=0) as service:
        submitted = await asyncio.gather(*(
            service.call("POST", "/v1/inspections", json_body={"kind": "script", "content": heavy + f"\n# {n}"},
                         headers={"Prefer": "respond-async"})
            for n in range(2)
        ))
        assert all(status == 202 for status, _, _ in submitted)
        latencies = []
        for _ in range(20):
            started = time.perf_counter()
            status, _, _ = await service.call("GET", "/healthz", key=None)
            latencies.append(time.perf_counter() - started)
            assert status == 200
            await asyncio.sleep(0.02)
        from inspector.service.state import SERVICE_STATE

        assert service.app[SERVICE_STATE].runner.queue.depth > 0, "the worker finished before health was measured"
        assert statistics.median(latencies) < 0.05 and sorted(latencies)[-2] < 0.05, latencies


async def test_a_slow_client_gets_408_and_does_not_hold_up_others(tmp_path: Path):
    async with start_service(tmp_path, api_body_timeout_s=0.5) as service:
        host, port = service.url.removeprefix("http://").split(":")
        key = service.keys["detector"]
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write((f"POST /v1/inspections HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {key}\r\n"
                      "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"kind\": ").encode())
        await writer.drain()
        started = time.perf_counter()
        status, _, _ = await service.call("GET", "/healthz", key=None)  # meanwhile, others are served
        assert status == 200 and time.perf_counter() - started < 0.25
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=5)
        assert head.startswith(b"HTTP/1.1 408") and b"application/problem+json" in head
        writer.close()


async def test_many_idle_half_open_connections_do_not_block_the_service(tmp_path: Path):
    async with start_service(tmp_path) as service:
        host, port = service.url.removeprefix("http://").split(":")
        idle = []
        for _ in range(100):
            _, writer = await asyncio.open_connection(host, int(port))
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # headers never finished
            idle.append(writer)
        started = time.perf_counter()
        status, _, _ = await service.call("GET", "/healthz", key=None)
        assert status == 200 and time.perf_counter() - started < 0.25
        for writer in idle:
            writer.close()


async def test_requests_that_are_not_valid_http_get_a_problem_too(service: Service):
    host, port = service.url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(b"GET /v1/signatures?sig=SECRET" + b"A" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(), timeout=5)
    writer.close()
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b" ")[1] == b"400" and b"application/problem+json" in head
    problem = json.loads(body)
    assert problem["type"].endswith("/malformed-http") and "SECRET" not in body.decode()
