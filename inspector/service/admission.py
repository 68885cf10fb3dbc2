"""Admission control for inspections: a bounded number in progress, and an early 429 past it.

All state lives in the object owned by one service instance, never in module globals.
"""

from __future__ import annotations

import math

from inspector.service.problems import QUEUE_FULL, ProblemError


class WorkQueue:
    """Admission control for inspections: at most `capacity` admitted (running or waiting).

    The pipeline's worker pool does the actual queueing; this bound keeps the backlog (and
    memory) finite and lets callers know early, with a Retry-After derived from recent
    inspection times, instead of piling up requests that would time out anyway.
    """

    def __init__(self, capacity: int, workers: int) -> None:
        self.capacity = capacity
        self.workers = max(1, workers)
        self.depth = 0
        self._avg_s = 0.1  # running average of an inspection's duration, seeded small

    def admit(self) -> None:
        if self.depth >= self.capacity:
            raise ProblemError(
                QUEUE_FULL,
                f"{self.depth} inspections are in progress, the most this service accepts; retry later",
                headers={"Retry-After": str(self.retry_after_s())},
            )
        self.depth += 1

    def release(self, elapsed_s: float) -> None:
        self.depth = max(0, self.depth - 1)
        # Exponential moving average: recent load matters most.
        self._avg_s = 0.8 * self._avg_s + 0.2 * max(0.0, elapsed_s)

    def retry_after_s(self) -> int:
        """Whole seconds until the current backlog has likely drained through the workers."""
        return max(1, math.ceil(self.depth / self.workers * self._avg_s))
