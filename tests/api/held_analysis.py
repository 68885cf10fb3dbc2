"""A worker pool whose analyses wait, inside the worker process, until the test releases them.

It stands in for the inspector's own pool (`start_service(..., executor=HeldAnalysisPool(1))`):
an inspection goes the whole way (admission, the pipeline, the hop to a worker process) and
the worker then stays busy for exactly as long as the test says, on a fast machine or a
loaded one. After the release each analysis runs for real, without signatures (this pool
compiles none), and the inspection ends as any other.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from inspector.analyzers.base import ScanLimits
from inspector.config import Settings
from inspector.pipeline import AnalysisEngine, AnalysisOutcome, RootPayload, analyze_payloads


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

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Each task an inspector sends its pool is one analysis: (roots, limits, known)."""
        if kwargs or len(args) != 3 or not isinstance(args[1], ScanLimits) \
                or not all(isinstance(root, RootPayload) for root in args[0]):
            raise TypeError(f"HeldAnalysisPool runs analyses only, not {fn!r}")
        roots, limits, known = args
        return super().submit(held_analysis, self._release, self._arrivals, self._settings_values,
                              roots, limits, known)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if self._closed:
            return
        self._closed = True
        self.release()  # a test that failed before releasing must not leave the workers waiting forever
        super().shutdown(wait=wait, cancel_futures=cancel_futures)
        self._manager.shutdown()
