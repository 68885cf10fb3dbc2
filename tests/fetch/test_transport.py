"""The guarded transport: sockets go to the checked address, TLS still speaks to the name."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import trustme
from aiohttp import web

from inspector.fetch.transport import GuardedBackend, GuardedTransport
from tests.fetch.support import (
    HELD_TIMEOUTS,
    SCRIPT,
    LocalServer,
    RecordingConnector,
    closed_settings,
    planned,
)
from tests.timing import until


async def test_the_socket_is_opened_to_the_checked_address_not_the_name(
    payload_server: LocalServer, fetcher_factory: Any
) -> None:
    connector = RecordingConnector(pass_through=frozenset({"127.0.0.1"}))
    fetcher = fetcher_factory(closed_settings(), connector=connector)
    got = await fetcher.session().fetch(planned(payload_server.url("/script.ps1", "raw.githubusercontent.com")))
    assert got.data == SCRIPT
    assert connector.attempts == [("127.0.0.1", payload_server.port)]  # no name left for a second lookup
    assert payload_server.headers[-1]["Host"] == f"raw.githubusercontent.com:{payload_server.port}"


@pytest.fixture(scope="module")
def authority() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
async def tls_server(authority: trustme.CA) -> AsyncIterator[int]:
    """An HTTPS server whose certificate is valid for raw.githubusercontent.com only."""
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("raw.githubusercontent.com").configure_cert(server_context)

    async def serve(request: web.Request) -> web.Response:
        return web.Response(body=SCRIPT)

    app = web.Application()
    app.router.add_get("/{tail:.*}", serve)
    runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=server_context)
    await site.start()
    yield site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    await runner.cleanup()


def trusting(authority: trustme.CA) -> Any:
    """A transport factory that trusts the test authority (production uses the system store)."""
    client_context = ssl.create_default_context()
    authority.configure_trust(client_context)

    def factory(backend: GuardedBackend) -> httpx.AsyncBaseTransport:
        return GuardedTransport(backend, httpx.Limits(max_connections=8), verify=client_context)

    return factory


async def test_tls_verifies_the_certificate_for_the_name_while_connecting_to_the_pinned_address(
    tls_server: int, authority: trustme.CA, fetcher_factory: Any
) -> None:
    fetcher = fetcher_factory(closed_settings(), transport_factory=trusting(authority))
    got = await fetcher.session().fetch(planned(f"https://raw.githubusercontent.com:{tls_server}/o/r/main/a.ps1"))
    assert got.data == SCRIPT and got.record.status == 200


async def test_a_certificate_for_another_name_is_refused(
    tls_server: int, authority: trustme.CA, fetcher_factory: Any
) -> None:
    fetcher = fetcher_factory(closed_settings(fetch_retries=0), transport_factory=trusting(authority))
    got = await fetcher.session().fetch(planned(f"https://payloads.example:{tls_server}/a.ps1"))
    assert got.data is None and got.record.error == "connect_failed"
    assert "certificate" in (got.record.error_detail or "").lower()


async def test_an_untrusted_certificate_is_refused_by_default(tls_server: int, fetcher_factory: Any) -> None:
    fetcher = fetcher_factory(closed_settings(fetch_retries=0))
    got = await fetcher.session().fetch(planned(f"https://raw.githubusercontent.com:{tls_server}/a.ps1"))
    assert got.data is None and got.record.error == "connect_failed"


async def test_connections_are_spread_over_small_pools_and_released(
    payload_server: LocalServer, fetcher_factory: Any
) -> None:
    fetcher = fetcher_factory(closed_settings(fetch_concurrency=200, fetch_per_host=200, **HELD_TIMEOUTS))
    transport = fetcher.transport
    assert isinstance(transport, GuardedTransport) and len(transport._shards) == 4  # 208 connections / 64
    urls = [payload_server.url(f"/held?n={i}") for i in range(100)]
    fetches = asyncio.gather(*(fetcher.session().fetch(planned(u)) for u in urls))
    # More than one pool's worth at once: the server holds every answer until then.
    await until(lambda: payload_server.in_flight > 64, what="more than 64 fetches in flight")
    payload_server.release.set()
    results = await fetches
    assert all(r.data == SCRIPT for r in results)
    assert transport._busy == [0, 0, 0, 0]


