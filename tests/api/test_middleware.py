"""Request ids, problem+json for every error (aiohttp's own included), and the catch-all."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web

from inspector.api.middleware import make_middleware
from inspector.logging_setup import configure_logging
from inspector.service.metrics import ServiceMetrics
from inspector.service.problems import NOT_FOUND, ProblemError


async def boom(request: web.Request) -> web.Response:
    raise RuntimeError("secret internals: https://a.blob.core.windows.net/c/x?sv=2022&sig=SIGSECRET")


async def missing(request: web.Request) -> web.Response:
    raise ProblemError(NOT_FOUND, "no such thing")


async def ok(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


@pytest.fixture
async def server() -> AsyncIterator[tuple[str, aiohttp.ClientSession, io.StringIO]]:
    logs = io.StringIO()
    configure_logging("info", stream=logs)
    app = web.Application(middlewares=[make_middleware(ServiceMetrics())])
    app.router.add_get("/boom", boom)
    app.router.add_get("/missing", missing)
    app.router.add_get("/ok", ok)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    session = aiohttp.ClientSession()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}", session, logs
    await session.close()
    await runner.cleanup()
    configure_logging("info")


async def test_an_unexpected_exception_is_a_bare_500_problem_and_logged_with_its_traceback(server):
    url, session, logs = server
    async with session.get(url + "/boom") as resp:
        body = await resp.json(content_type=None)
        assert resp.status == 500
        assert resp.headers["Content-Type"].startswith("application/problem+json")
    assert body["type"].endswith("/internal-error") and body["request_id"]
    assert "secret internals" not in json.dumps(body) and "Traceback" not in json.dumps(body)
    log_text = logs.getvalue()
    assert "RuntimeError" in log_text and body["request_id"] in log_text
    assert "SIGSECRET" not in log_text  # even the traceback is redacted


async def test_aiohttp_404_and_405_become_problems(server):
    url, session, _ = server
    async with session.get(url + "/nowhere") as resp:
        assert resp.status == 404 and (await resp.json(content_type=None))["type"].endswith("/not-found")
    async with session.delete(url + "/ok") as resp:
        body = await resp.json(content_type=None)
        assert resp.status == 405 and body["type"].endswith("/method-not-allowed")
        assert "GET" in resp.headers["Allow"]


async def test_request_id_is_propagated_or_generated(server):
    url, session, logs = server
    async with session.get(url + "/ok", headers={"X-Request-Id": "det-42.a:b"}) as resp:
        assert resp.headers["X-Request-Id"] == "det-42.a:b"
    async with session.get(url + "/missing", headers={"X-Request-Id": "bad id\twith spaces"}) as resp:
        generated = resp.headers["X-Request-Id"]
        assert generated != "bad id\twith spaces" and len(generated) == 32
        assert (await resp.json(content_type=None))["request_id"] == generated
    lines = [json.loads(line) for line in logs.getvalue().splitlines()]
    access = [line for line in lines if line["event"] == "request"]
    assert access[0]["request_id"] == "det-42.a:b" and access[0]["status"] == 200
    assert access[1]["problem"] == "not-found" and access[1]["elapsed_ms"] >= 0


def test_request_metrics_keep_a_bounded_set_of_methods():
    from inspector.service.metrics import ServiceMetrics

    metrics = ServiceMetrics()
    for method in ("GET", "BREW", "X" * 50, "GET"):
        metrics.record_request(method, "/healthz", 200, 0.001)
    text = metrics.render().decode()
    assert 'inspector_http_requests_total{method="GET",route="/healthz",status="200"} 2.0' in text
    assert 'inspector_http_requests_total{method="OTHER",route="/healthz",status="200"} 2.0' in text
    assert "BREW" not in text
