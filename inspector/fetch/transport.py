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


class _PoolTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport (request mapping, exception mapping) on a guarded connection pool."""

    def __init__(self, backend: GuardedBackend, limits: httpx.Limits, ssl_context: ssl.SSLContext) -> None:
        # trust_env=False: no proxy or CA-bundle settings from the environment.
        super().__init__(verify=ssl_context, trust_env=False, limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=False,
            network_backend=backend,
        )


class _CountedStream(httpx.AsyncByteStream):
    """A response body that tells its shard when it is closed (the connection is free again)."""

    def __init__(self, inner: httpx.AsyncByteStream, release: typing.Callable[[], None]) -> None:
        self._inner = inner
        self._release: typing.Callable[[], None] | None = release

    async def __aiter__(self) -> typing.AsyncIterator[bytes]:
        async for chunk in self._inner:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        finally:
            if self._release is not None:
                self._release()
                self._release = None


class GuardedTransport(httpx.AsyncBaseTransport):
    """Every connection passes the guard. Connections are spread over several small pools:
    httpcore's pool rescans all of its connections on every request and every close, which
    is quadratic at a thousand concurrent fetches; shards of SHARD_SIZE keep that bounded."""

    SHARD_SIZE = 64

    def __init__(self, backend: GuardedBackend, limits: httpx.Limits, verify: ssl.SSLContext | bool = True) -> None:
        ssl_context = verify if isinstance(verify, ssl.SSLContext) else httpx.create_ssl_context(verify=verify,
                                                                                              trust_env=False)
        total = limits.max_connections or self.SHARD_SIZE
        count = max(1, -(-total // self.SHARD_SIZE))
        keepalive = limits.max_keepalive_connections
        shard_limits = httpx.Limits(
            max_connections=-(-total // count),
            max_keepalive_connections=None if keepalive is None else max(1, -(-keepalive // count)),
            keepalive_expiry=limits.keepalive_expiry,
        )
        self._shards = [_PoolTransport(backend, shard_limits, ssl_context) for _ in range(count)]
        self._busy = [0] * count

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        index = min(range(len(self._shards)), key=self._busy.__getitem__)
        self._busy[index] += 1

        def release() -> None:
            self._busy[index] -= 1

        try:
            response = await self._shards[index].handle_async_request(request)
        except BaseException:
            release()
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _CountedStream(response.stream, release)
        return response

    async def aclose(self) -> None:
        for shard in self._shards:
            await shard.aclose()


async def raw_chunks(response: httpx.Response) -> typing.AsyncIterator[bytes]:
    """The body as received (no content decoding). A response a test or lab transport built
    from bytes is already read; it comes out as one chunk, under the same caps."""
    if response.is_stream_consumed:
        yield response.content
        return
    async for chunk in response.aiter_raw():
        yield chunk
