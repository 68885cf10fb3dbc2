"""Request bounds of the API: the per-key token bucket."""

from __future__ import annotations

import pytest

from inspector.api.limits import RateLimiter
from inspector.service.problems import RATE_LIMITED, ProblemError


def test_token_bucket_allows_the_burst_then_refuses_with_retry_after():
    limiter = RateLimiter(rate_per_s=2.0, burst=3)
    for _ in range(3):
        limiter.acquire("k1", now=100.0)
    with pytest.raises(ProblemError) as info:
        limiter.acquire("k1", now=100.0)
    assert info.value.kind is RATE_LIMITED
    assert int(info.value.headers["Retry-After"]) >= 1


def test_token_bucket_refills_over_time_and_keys_are_independent():
    limiter = RateLimiter(rate_per_s=2.0, burst=1)
    limiter.acquire("k1", now=0.0)
    limiter.acquire("k2", now=0.0)  # another key has its own bucket
    with pytest.raises(ProblemError):
        limiter.acquire("k1", now=0.1)
    limiter.acquire("k1", now=0.6)  # half a second refills one token at 2/s


def test_rate_zero_disables_the_limit():
    limiter = RateLimiter(rate_per_s=0, burst=1)
    for _ in range(1000):
        limiter.acquire("k", now=0.0)


def test_bucket_table_is_bounded():
    limiter = RateLimiter(rate_per_s=1.0, burst=1, max_keys=10)
    for i in range(100):
        limiter.acquire(f"key{i}", now=0.0)
    assert len(limiter._buckets) == 10
