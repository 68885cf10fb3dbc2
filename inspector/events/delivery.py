"""Deliver outbox events to each sink in order, with retries and exponential backoff.

Per sink, one loop (one replica at a time, under a lease in the database) reads events after
the sink's cursor and sends them one by one; the cursor advances only after the sink took the
event. A failing sink blocks its own queue (so events stay ordered, per inspection and
overall) and is retried after 0.5 s, 1 s, 2 s, ... up to `webhook_max_backoff_s`. Nothing is
lost across restarts: the cursor lives in the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import uuid
from datetime import timedelta
from typing import Protocol

import structlog

from inspector.config import Settings
from inspector.events.jsonl import JsonlSink
from inspector.events.webhook import DeliveryError, WebhookSink
from inspector.store import EventRecord, Store

log = structlog.get_logger(__name__)
BASE_BACKOFF_S = 0.5
PAGE = 100


# How long stop() lets a delivery in progress finish before cancelling it.
STOP_GRACE_S = 30.0

class Sink(Protocol):
    name: str

    def describe(self) -> str: ...

    async def send(self, event: EventRecord) -> None: ...

    async def close(self) -> None: ...


def backoff_delay(failures: int, cap_s: float, base_s: float = BASE_BACKOFF_S) -> float:
    """Seconds to wait after the n-th consecutive failure: base * 2^(n-1), capped."""
    if failures <= 0:
        return 0.0
    return min(cap_s, base_s * 2 ** min(failures - 1, 30))


def configured_sinks(settings: Settings) -> list[Sink]:
    sinks: list[Sink] = []
    if settings.webhook_url:
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        sinks.append(WebhookSink(settings.webhook_url, secret, settings.webhook_timeout_s))
    if settings.events_jsonl_path:
        sinks.append(JsonlSink(settings.events_jsonl_path))
    return sinks


class EventDelivery:
    """Background delivery for every configured sink: `await start()`, later `await stop()`."""

    def __init__(self, store: Store, settings: Settings, sinks: list[Sink] | None = None,
                 *, idle_poll_s: float = 1.0, base_backoff_s: float = BASE_BACKOFF_S) -> None:
        self.store = store
        self.settings = settings
        self.sinks = configured_sinks(settings) if sinks is None else sinks
        self.idle_poll_s = idle_poll_s
        self.base_backoff_s = base_backoff_s
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._tasks: list[asyncio.Task[None]] = []
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()

    async def start(self) -> None:
        self._tasks = [asyncio.create_task(self._loop(sink), name=f"events:{sink.name}") for sink in self.sinks]

    def wake(self) -> None:
        """New events were written: deliver without waiting for the next poll."""
        self._wake.set()

    async def stop(self) -> None:
        # Ask the loops to end between deliveries rather than cancelling one inside a store write:
        # a cancelled write could leave SQLite's write lock to a transaction nobody finishes, and
        # releasing the sinks below then fails with "database is locked". A loop that is still
        # busy after the grace period (a webhook slower than its own timeout) is cancelled.
        self._stop.set()
        self._wake.set()
        if self._tasks:
            _, late = await asyncio.wait(self._tasks, timeout=STOP_GRACE_S)
            for task in late:
                task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        for sink in self.sinks:
            await sink.close()
            await self.store.events.release_sink(sink.name, self.owner)

    async def deliver_once(self, sink: Sink) -> int:
        """Send what is pending for one sink; returns events delivered. Raises DeliveryError on failure."""
        lease = timedelta(seconds=self.settings.webhook_lease_s)
        cursor = await self.store.events.claim_sink(sink.name, self.owner, lease)
        if cursor is None:
            return 0  # another replica delivers this sink
        delivered = 0
        for event in await self.store.events.read(cursor, PAGE):
            try:
                await sink.send(event)
            except DeliveryError as exc:
                await self.store.events.sink_failed(sink.name, self.owner, str(exc))
                raise
            if not await self.store.events.advance_sink(sink.name, self.owner, int(event.cursor)):
                return delivered  # lease lost: the new owner continues from the cursor
            delivered += 1
        return delivered

    async def _loop(self, sink: Sink) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                delivered = await self.deliver_once(sink)
                failures = 0
                if delivered:
                    continue
            except DeliveryError as exc:
                failures += 1
                delay = backoff_delay(failures, self.settings.webhook_max_backoff_s, self.base_backoff_s)
                log.warning("event_delivery_failed", sink=sink.describe(), failures=failures, retry_in_s=delay,
                            error=str(exc)[:200])
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), timeout=delay)
                continue
            except Exception as exc:  # the database is briefly unreachable: keep the loop alive
                log.error("event_delivery_error", sink=sink.describe(), error=type(exc).__name__)
            if self._stop.is_set():
                break
            self._wake.clear()
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=self.idle_poll_s)
            except TimeoutError:
                pass
