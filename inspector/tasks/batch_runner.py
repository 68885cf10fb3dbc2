"""Where rescan batches run: the `BatchRunner` protocol and the local process pool.

The Celery runner (celery_app.py) is the other implementation; the rescan service
(inspector/service/rescan_service.py) picks one by the `engine` setting.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol

from inspector.config import Settings
from inspector.store import RescanInfo, Store
from inspector.tasks.worker import BatchResult, rescan_batch_in_process, warm_process


class BatchRunner(Protocol):
    """Runs rescan batches somewhere (this machine's processes, Celery workers) until none is open."""

    async def run(self, store: Store, rescan: RescanInfo, on_progress: Callable[[], None]) -> None: ...

    async def workers(self) -> int:
        """How many workers take batches at once (batches are sized to spread over them)."""
        ...

    def close(self) -> None: ...


class LocalBatchRunner:
    """A process pool on this machine; each process keeps its compiled rules between batches."""

    def __init__(self, settings: Settings, processes: int | None = None) -> None:
        self.settings = settings
        self.processes = processes or settings.rescan_processes or os.cpu_count() or 1
        # spawn, not fork: the parent has database and event-loop threads a forked child must not inherit.
        # Each process opens the store and compiles the rules once, as it starts.
        self._pool = ProcessPoolExecutor(max_workers=self.processes, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=warm_process, initargs=(settings,))

    async def workers(self) -> int:
        return self.processes

    async def warm(self) -> None:
        """Start every process now (imports, store, rules) instead of on the first batches."""
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._pool, warm_process, self.settings)
                               for _ in range(self.processes)))

    async def run(self, store: Store, rescan: RescanInfo, on_progress: Callable[[], None]) -> None:
        loop = asyncio.get_running_loop()
        while not await all_batches_done(store, rescan.id):
            open_batches = await store.rescans.open_batches(rescan.id)
            if not open_batches:
                # The rest is leased by someone else, maybe a killed run: its lease will expire.
                await asyncio.sleep(self.settings.rescan_poll_s)
                continue
            futures = [loop.run_in_executor(self._pool, rescan_batch_in_process, self.settings, rescan.id, n)
                       for n, _state in open_batches]
            for done in asyncio.as_completed(futures):
                result: BatchResult = await done
                if result.claimed:
                    on_progress()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


async def all_batches_done(store: Store, rescan_id: str) -> bool:
    info = await store.rescans.get(rescan_id, changes_limit=0)
    return info is not None and info.progress.batches_done >= info.progress.batches_total
