"""A worker pool whose analyses wait, inside the worker process, until the test releases them.

It stands in for the inspector's own pool (`start_service(..., pool=HeldAnalysisPool(1))`):
an inspection goes the whole way (admission, the pipeline, the hop to a worker process) and
the worker then stays busy for exactly as long as the test says, on a fast machine or a
loaded one. After the release each analysis runs for real, without signatures (this pool
compiles none), and the inspection ends as any other.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from inspector.analysis.engine import AnalysisEngine, AnalysisOutcome, RootPayload, analyze_payloads
from inspector.config import Settings
from inspector.stage import ScanLimits


def held_analysis(release: Any, arrivals: Any, settings_values: dict[str, Any], roots: Sequence[RootPayload],
                  limits: ScanLimits, known: Sequence[str]) -> AnalysisOutcome:
    """Runs in a worker process: say so, wait for the release, then analyse."""
    arrivals.put(os.getpid())
    release.wait()
    engine = AnalysisEngine.build(None, Settings(**settings_values))
    return analyze_payloads(roots, engine, limits, known)


class HeldAnalysisPool(ProcessPoolExecutor):
    """Worker processes that hold every analysis until `release()`."""

    def __init__(self, workers: int, settings: Settings | None = None) -> None:
        context = multiprocessing.get_context("spawn")
        super().__init__(max_workers=workers, mp_context=context)
        self.size = workers
        # Manager proxies can travel with each task; plain multiprocessing events cannot.
        self._manager = context.Manager()
        self._release = self._manager.Event()
        self._arrivals = self._manager.Queue()
        self._settings_values = (settings or Settings()).model_dump()
        self._closed = False

    @property
    def holding(self) -> int:
        """Analyses that have reached a worker process so far."""
        return int(self._arrivals.qsize())

    def release(self) -> None:
        self._release.set()

    async def analyze(self, roots: Sequence[RootPayload], limits: ScanLimits,
                      known: Sequence[str]) -> AnalysisOutcome:
        """What the inspector's pool does (`AnalysisPool.analyze`), held until the release."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self, held_analysis, self._release, self._arrivals, self._settings_values,
                                          list(roots), limits, list(known))

    async def warm_up(self, timeout_s: float = 60.0) -> int:
        return 0  # the workers start with the first held analysis

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if self._closed:
            return
        self._closed = True
        self.release()  # a test that failed before releasing must not leave the workers waiting forever
        super().shutdown(wait=wait, cancel_futures=cancel_futures)
        self._manager.shutdown()
