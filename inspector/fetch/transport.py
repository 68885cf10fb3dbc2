"""An httpx transport whose every TCP connection passes the SSRF guard first.

httpcore asks its network backend to `connect_tcp(host, port)` with the URL's host name.
`GuardedBackend` resolves that name through `AddressGuard.resolve()` (one lookup, every
answer checked) and hands the inner backend the checked IP address, never the name, so no
second DNS lookup can return something else. httpcore then starts TLS with
`server_hostname` set to the URL's host, so SNI and certificate verification still use the
name. Because the check sits at the socket, redirects and keep-alive reconnects are covered
by construction.
"""

from __future__ import annotations

import ssl
import typing

import httpcore
import httpx

from inspector.fetch.guard import AddressGuard, FetchBlocked


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolve and check, then connect the inner backend to the checked address only."""

    def __init__(self, guard: AddressGuard, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self.guard = guard
        self.inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await self.guard.resolve(host, port)
        last_error: Exception | None = None
        for address in addresses:
            try:
                return await self.inner.connect_tcp(
                    str(address), port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout, OSError) as exc:
                last_error = exc
        assert last_error is not None  # resolve() never returns an empty list
        raise last_error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise FetchBlocked("blocked_scheme", "unix sockets are never fetched from")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport (request mapping, exception mapping, pooling) on a guarded backend."""

    def __init__(self, backend: GuardedBackend, limits: httpx.Limits, verify: ssl.SSLContext | bool = True) -> None:
        # trust_env=False: no proxy or CA-bundle settings from the environment.
        super().__init__(verify=verify, trust_env=False, limits=limits)
        ssl_context = httpx.create_ssl_context(verify=verify, trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=False,
            network_backend=backend,
        )
