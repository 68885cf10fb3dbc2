"""Crash recovery: work a dead process owned is ended by someone else, within a bounded time.

Every queued or running inspection carries a lease (`lease_expires_at`): the deadline of the
inspection plus `inspection_lease_grace_s` once started, `inspection_queued_lease_s` while it
waits for a Celery worker. A live process always ends its inspection before the lease passes
(the deadline is a hard bound), so a row whose lease passed belongs to a process that died: the
reaper marks it failed (`abandoned`). Rows are not re-run from the store: the stored request
is redacted (protected settings removed), so re-running it could make a different verdict.
A Celery task whose worker died is delivered again by the broker within the same bound
(`celery_visibility_timeout`), and the new worker takes the row up again.

`Reaper` runs the sweep once when the service starts and then every
`inspection_reap_interval_s`; with several replicas each sweeps, and the guarded update makes
that harmless. Rescans left unfinished by a dead process are driven again at start-up. The same
sweep releases activity records held back on subscriptions that went quiet
(service/activity_release.py), given as `also`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime

from inspector.config import Settings
from inspector.logging_setup import get_logger
from inspector.store import Store
from inspector.store.schema import utcnow

log = get_logger("inspector.service.recovery")

Clock = Callable[[], datetime]


async def reap_abandoned(store: Store, now: datetime) -> list[str]:
    """Mark failed every queued or running inspection whose lease passed by `now`; returns their ids."""
    reaped: list[str] = []
    while batch := await store.inspections.reap_abandoned(now):
        reaped.extend(batch)
    for inspection_id in reaped:
        log.warning("inspection_abandoned", inspection_id=inspection_id)
    return reaped


class Reaper:
    """The periodic sweep of `reap_abandoned` in the service (started and stopped with it)."""

    def __init__(self, store: Store, settings: Settings, *, clock: Clock = utcnow,
                 on_reaped: Callable[[int], None] | None = None,
                 also: Callable[[datetime], Awaitable[None]] | None = None) -> None:
        self.store = store
        self.interval_s = settings.inspection_reap_interval_s
        self.clock = clock
        self.on_reaped = on_reaped
        self.also = also
        self._task: asyncio.Task[None] | None = None

    async def sweep(self) -> list[str]:
        now = self.clock()
        reaped = await reap_abandoned(self.store, now)
        if reaped and self.on_reaped is not None:
            self.on_reaped(len(reaped))
        if self.also is not None:
            try:
                await self.also(now)
            except Exception as exc:  # its own trouble must not stop the reaping; the next sweep tries again
                log.warning("sweep_step_failed", error_type=type(exc).__name__)
        return reaped

    async def start(self) -> None:
        """Sweep once now (what the previous process left), then every interval in the background."""
        await self.sweep()
        self._task = asyncio.create_task(self._loop(), name="inspection-reaper")

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self.interval_s)
            try:
                await self.sweep()
            except Exception as exc:  # a database hiccup: the next sweep tries again
                log.warning("reaper_sweep_failed", error_type=type(exc).__name__)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
