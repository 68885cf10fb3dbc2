"""Fetch the URLs a request points at, without becoming a way into the network we run in.

One `Fetcher` per process owns the guarded HTTP transport, the connection policy (guard.py), the
concurrency limits and the GitHub API cache. One `FetchSession` per inspection holds that
inspection's byte budget and URL count. `FetchSession.fetch()` never raises for network,
limit or policy problems: every outcome is a `FetchRecord` with a stable error kind.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

import httpcore
import httpx

from inspector.config import Settings
from inspector.extensions.plan import PlannedUrl
from inspector.fetch.github import GitHubClient, github_reputation
from inspector.fetch.guard import AddressGuard, FetchBlocked, Resolver
from inspector.fetch.reputation import Intel, default_intel
from inspector.fetch.transport import GuardedBackend, GuardedTransport, raw_chunks
from inspector.model import FetchRecord, Finding, InspectionError
from inspector.redact import redact_text, redact_url

TransportFactory = Callable[[GuardedBackend], httpx.AsyncBaseTransport]

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
TRANSIENT_STATUSES = frozenset({429, 502, 503, 504})
DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass
class FetchedPayload:
    """The outcome of fetching one planned URL: the last attempt's record and the bytes."""

    planned: PlannedUrl
    record: FetchRecord
    data: bytes | None
    attempts: list[FetchRecord] = field(default_factory=list)  # every attempt; the last one is `record`


class _Stop(Exception):
    """Ends one attempt with a stable error kind; `transient` attempts may be retried."""

    def __init__(self, kind: str, detail: str, *, status: int | None = None, transient: bool = False,
                 retry_after: float | None = None) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.status = status
        self.transient = transient
        self.retry_after = retry_after


class _HostSlots:
    """At most `per_host` fetches in flight per host name; entries vanish when unused."""

    def __init__(self, per_host: int) -> None:
        self._per_host = per_host
        self._slots: dict[str, tuple[asyncio.Semaphore, int]] = {}

    @asynccontextmanager
    async def hold(self, host: str) -> AsyncIterator[None]:
        sem, users = self._slots.get(host) or (asyncio.Semaphore(self._per_host), 0)
        self._slots[host] = (sem, users + 1)
        try:
            async with sem:
                yield
        finally:
            sem, users = self._slots[host]
            if users <= 1:
                del self._slots[host]
            else:
                self._slots[host] = (sem, users - 1)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


class Fetcher:
    """One per process: guarded transport, connection policy, concurrency limits, GitHub cache."""

    def __init__(
        self,
        settings: Settings,
        transport_factory: TransportFactory | None = None,
        *,
        connector: httpcore.AsyncNetworkBackend | None = None,
        resolver: Resolver | None = None,
        intel: Intel | None = None,
    ) -> None:
        """`connector` opens the sockets after the guard has checked the address (tests pass
        one that records attempts); `resolver` replaces the system resolver (tests)."""
        self.settings = settings
        self.guard = AddressGuard.from_settings(settings, resolver)
        self.backend = GuardedBackend(self.guard, connector)
        limits = httpx.Limits(
            max_connections=settings.fetch_concurrency + 8,  # + GitHub API calls
            max_keepalive_connections=min(settings.fetch_concurrency, 32),
            keepalive_expiry=15.0,
        )
        self.transport = transport_factory(self.backend) if transport_factory else GuardedTransport(self.backend, limits)
        self._headers = {"User-Agent": settings.fetch_user_agent, "Accept-Encoding": "identity", "Accept": "*/*"}
        self._timeouts = httpx.Timeout(
            connect=settings.fetch_connect_timeout_s,
            read=settings.fetch_read_timeout_s,
            write=settings.fetch_read_timeout_s,
            pool=settings.fetch_total_timeout_s,
        ).as_dict()
        self.intel = intel if intel is not None else default_intel()
        self.github = GitHubClient(settings, self.open)
        self._overall = asyncio.Semaphore(settings.fetch_concurrency)
        self._hosts = _HostSlots(settings.fetch_per_host)

    def describe(self) -> str:
        """One line for the start-up log: what may be fetched, and from where."""
        state = "on" if self.settings.fetch else "off"
        token = "with a token" if self.settings.github_token else "anonymous"
        return f"fetching {state}; {self.guard.describe()}; GitHub API {self.settings.github_api_url} ({token})"

    def session(self) -> FetchSession:
        return FetchSession(self)

    async def aclose(self) -> None:
        await self.transport.aclose()

    async def open(self, url: httpx.URL | str, headers: dict[str, str] | None = None) -> httpx.Response:
        """Send one GET straight to the guarded transport and return the unread response.

        No httpx.AsyncClient on purpose: there is then no cookie jar, no credential handling,
        no proxy from the environment and no redirect following to switch off; every hop is
        a new, re-checked call (FetchSession._attempt)."""
        request = httpx.Request("GET", url, headers={**self._headers, **(headers or {})},
                                extensions={"timeout": self._timeouts})
        return await self.transport.handle_async_request(request)

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        async with self._overall, self._hosts.hold(host):
            yield


class FetchSession:
    """One per inspection: its byte budget, URL count and the records of every attempt."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self.settings = fetcher.settings
        self.bytes_used = 0
        self.urls_started = 0
        self.records: list[FetchRecord] = []
        self.problems: list[InspectionError] = []
        self._seen: dict[str, asyncio.Future[tuple[list[FetchRecord], bytes | None]]] = {}

    async def fetch(self, planned: PlannedUrl, depth: int = 0) -> FetchedPayload:
        """Fetch one URL within every limit. Never raises for network, limit or policy problems."""
        s = self.settings
        if not s.fetch:
            return self._refuse(planned, depth, "fetch_disabled", "fetching is turned off (INSPECTOR_FETCH=false)")
        if depth > s.fetch_depth:
            return self._refuse(planned, depth, "depth_limit", f"URL found at stage {depth}, fetch_depth is {s.fetch_depth}")
        earlier = self._seen.get(planned.url)
        if earlier is not None and not earlier.cancelled():  # the same URL twice in one inspection: fetched once
            attempts, data = await asyncio.shield(earlier)
            record = attempts[-1].model_copy(update={"role": planned.role.value, "depth": depth})
            return FetchedPayload(planned, record, data, attempts)
        if self.urls_started >= s.fetch_max_urls:
            return self._refuse(planned, depth, "too_many_urls", f"already fetched {s.fetch_max_urls} URLs (fetch_max_urls)")
        if self.bytes_used >= s.fetch_total_bytes:
            return self._refuse(planned, depth, "budget_exhausted", f"inspection byte budget {s.fetch_total_bytes} spent")
        self.urls_started += 1
        future: asyncio.Future[tuple[list[FetchRecord], bytes | None]] = asyncio.get_running_loop().create_future()
        self._seen[planned.url] = future
        try:
            attempts, data = await self._fetch_with_retries(planned, depth)
        except BaseException:
            future.cancel()
            raise
        future.set_result((attempts, data))
        self.records.extend(attempts)
        return FetchedPayload(planned, attempts[-1], data, attempts)

    async def reputation(self, planned: PlannedUrl) -> list[Finding]:
        """GitHub facts and intel matches for a URL (offline signals: offline_url_findings)."""
        return await github_reputation(planned, self.fetcher.github, self.fetcher.intel, self.problems)

    def _refuse(self, planned: PlannedUrl, depth: int, kind: str, detail: str) -> FetchedPayload:
        record = FetchRecord(url=planned.redacted, role=planned.role.value, depth=depth, error=kind,
                             error_detail=redact_text(detail)[:500])
        self.records.append(record)
        return FetchedPayload(planned, record, None, [record])

    async def _fetch_with_retries(self, planned: PlannedUrl, depth: int) -> tuple[list[FetchRecord], bytes | None]:
        s = self.settings
        attempts: list[FetchRecord] = []
        deadline = time.monotonic() + s.fetch_total_timeout_s
        while True:
            record, data, stop = await self._timed_attempt(planned, depth, deadline)
            attempts.append(record)
            if stop is None or not stop.transient or len(attempts) > s.fetch_retries:
                return attempts, data
            delay = stop.retry_after if stop.retry_after is not None else s.fetch_retry_backoff_s * 2 ** (len(attempts) - 1)
            if delay > s.fetch_max_retry_after_s or time.monotonic() + delay >= deadline:
                record.error_detail = (f"{record.error_detail}; no retry: a wait of {delay:.1f}s is past the deadline "
                                       "or fetch_max_retry_after_s")
                return attempts, data
            await asyncio.sleep(delay)

    async def _timed_attempt(
        self, planned: PlannedUrl, depth: int, deadline: float
    ) -> tuple[FetchRecord, bytes | None, _Stop | None]:
        record = FetchRecord(url=planned.redacted, role=planned.role.value, depth=depth)
        started = time.monotonic()
        stop: _Stop | None = None
        data: bytes | None = None
        try:
            async with asyncio.timeout(max(0.0, deadline - started)):
                data = await self._attempt(planned.url, record)
        except _Stop as exc:
            stop = exc
        except TimeoutError:
            stop = _Stop("timeout", f"total timeout of {self.settings.fetch_total_timeout_s}s passed "
                                    f"after {record.bytes} bytes")
        except FetchBlocked as exc:
            stop = _Stop(exc.kind, exc.detail)
        except httpx.ConnectTimeout as exc:
            stop = _Stop("timeout", f"connect timeout: {exc}", transient=True)
        except httpx.TimeoutException as exc:
            stop = _Stop("timeout", f"{type(exc).__name__}: no data for {self.settings.fetch_read_timeout_s}s")
        except httpx.ConnectError as exc:
            stop = _Stop("connect_failed", str(exc) or "connection refused", transient=True)
        except httpx.RemoteProtocolError as exc:
            stop = _Stop("protocol_error", str(exc) or "the server broke the HTTP protocol")
        except httpx.TransportError as exc:
            stop = _Stop("read_failed", f"{type(exc).__name__}: {exc}")
        except (httpx.InvalidURL, UnicodeError) as exc:  # e.g. a malformed IDNA label ("xn--")
            stop = _Stop("invalid_url", f"{type(exc).__name__}: {exc}")
        record.elapsed_ms = round((time.monotonic() - started) * 1000, 1)
        if stop is not None:
            record.error, record.error_detail = stop.kind, redact_text(stop.detail)[:500]
            record.status = stop.status if stop.status is not None else record.status
            record.fetched = False
            return record, None, stop
        return record, data, None

    async def _attempt(self, raw_url: str, record: FetchRecord) -> bytes:
        """One attempt: follow redirects by hand, re-checking every hop; stream with caps."""
        s = self.settings
        try:
            url = httpx.URL(raw_url)
        except (httpx.InvalidURL, TypeError, UnicodeError) as exc:
            raise _Stop("invalid_url", str(exc)) from None
        for _ in range(s.fetch_max_redirects + 1):
            # Credentials in the URL are never sent, and neither is the fragment.
            url = url.copy_with(username=None, password=None, fragment=None) if url.userinfo else url.copy_with(fragment=None)
            port = url.port or DEFAULT_PORTS.get(url.scheme, 0)
            self.fetcher.guard.check_url_static(url.scheme, url.host, port)
            async with self.fetcher.slot(url.host):
                response = await self.fetcher.open(url)
                try:
                    record.status = response.status_code
                    record.final_url = redact_url(str(url))
                    location = response.headers.get("location")
                    if response.status_code in REDIRECT_STATUSES and location:
                        try:
                            url = url.join(location)
                        except httpx.InvalidURL as exc:
                            raise _Stop("invalid_url", f"redirect to an invalid URL: {exc}") from None
                        record.redirects.append(redact_url(str(url)))
                        continue
                    if response.status_code >= 400 or response.status_code in REDIRECT_STATUSES:
                        raise _Stop("http_error", f"HTTP {response.status_code}", status=response.status_code,
                                    transient=response.status_code in TRANSIENT_STATUSES,
                                    retry_after=_retry_after(response.headers.get("retry-after")))
                    record.content_type = (response.headers.get("content-type") or "")[:200] or None
                    return await self._read_body(response, record)
                finally:
                    await response.aclose()
        raise _Stop("too_many_redirects", f"more than {s.fetch_max_redirects} redirects")

    async def _read_body(self, response: httpx.Response, record: FetchRecord) -> bytes:
        s = self.settings
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > s.fetch_max_bytes:
            raise _Stop("too_large", f"Content-Length {declared} is over fetch_max_bytes {s.fetch_max_bytes}",
                        status=response.status_code)
        digest = hashlib.sha256()
        chunks: list[bytes] = []
        async for chunk in raw_chunks(response):
            if record.bytes + len(chunk) > s.fetch_max_bytes:
                raise _Stop("too_large", f"body passed fetch_max_bytes {s.fetch_max_bytes}", status=response.status_code)
            if self.bytes_used + len(chunk) > s.fetch_total_bytes:
                self.bytes_used = s.fetch_total_bytes
                raise _Stop("budget_exhausted", f"inspection byte budget fetch_total_bytes {s.fetch_total_bytes} spent",
                            status=response.status_code)
            self.bytes_used += len(chunk)
            record.bytes += len(chunk)
            digest.update(chunk)
            chunks.append(chunk)
        record.fetched = True
        record.sha256 = digest.hexdigest()
        return b"".join(chunks)
