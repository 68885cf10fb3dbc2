"""The test-time helpers of tests/timing.py: what they tell apart."""

from __future__ import annotations

from tests.timing import growth


def _linear(n: int) -> None:
    sum(range(n * 2000))


def _quadratic(n: int) -> None:
    for i in range(n * 3):
        sum(range(i))


def test_growth_tells_quadratic_work_from_linear_work():
    # Linear work costs about 10x for a 10x input, quadratic about 100x; the tests' bound is 30x.
    assert growth(_linear, 100) < 30 < growth(_quadratic, 100)
