"""The admission queue: a bounded number of inspections in progress, 429 with Retry-After past it."""

from __future__ import annotations

import pytest

from inspector.service.admission import WorkQueue
from inspector.service.problems import QUEUE_FULL, ProblemError


def test_work_queue_admits_up_to_capacity_then_refuses_with_retry_after():
    queue = WorkQueue(capacity=2, workers=1)
    queue.admit()
    queue.admit()
    with pytest.raises(ProblemError) as info:
        queue.admit()
    assert info.value.kind is QUEUE_FULL
    assert int(info.value.headers["Retry-After"]) >= 1
    queue.release(0.05)
    queue.admit()
    assert queue.depth == 2


def test_retry_after_grows_with_backlog_and_inspection_time():
    queue = WorkQueue(capacity=100, workers=2)
    for _ in range(20):
        queue.release(10.0)  # recent inspections took 10 s
    for _ in range(40):
        queue.admit()
    assert queue.retry_after_s() >= 100  # 40 waiting / 2 workers * ~10 s
