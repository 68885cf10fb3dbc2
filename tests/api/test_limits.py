"""Request bounds: JSON shape limits, the per-key token bucket and the admission queue."""

from __future__ import annotations

import json

import pytest

from inspector.api.limits import JsonLimits, RateLimiter, WorkQueue, parse_json
from inspector.api.problems import (
    FIELD_TOO_LARGE,
    INVALID_JSON,
    JSON_TOO_DEEP,
    JSON_TOO_LARGE,
    QUEUE_FULL,
    RATE_LIMITED,
    ProblemError,
)

LIMITS = JsonLimits(max_depth=8, max_nodes=100, max_string_chars=32)


def test_valid_json_within_limits_is_returned_as_parsed():
    assert parse_json(b'{"kind": "script", "content": "Get-Date"}', LIMITS) == {"kind": "script", "content": "Get-Date"}


@pytest.mark.parametrize("raw", [b'{"kind": ', b"", b"{'a': 1}", b"[1, 2,]", b"NaN-ish"])
def test_malformed_json_is_an_invalid_json_problem_with_position(raw):
    with pytest.raises(ProblemError) as info:
        parse_json(raw, LIMITS)
    assert info.value.kind is INVALID_JSON
    assert "line" in info.value.detail


def test_integers_beyond_the_digit_limit_are_invalid_json_not_a_crash():
    with pytest.raises(ProblemError) as info:
        parse_json(b'{"n": ' + b"9" * 5000 + b"}", LIMITS)
    assert info.value.kind is INVALID_JSON


def test_non_utf8_body_is_invalid_json():
    with pytest.raises(ProblemError) as info:
        parse_json(b'{"a": "\xff"}', LIMITS)
    assert info.value.kind is INVALID_JSON
    assert "UTF-8" in info.value.detail


def test_nesting_beyond_the_limit_names_the_limit_and_where():
    nested = "[" * 9 + "]" * 9
    with pytest.raises(ProblemError) as info:
        parse_json(nested.encode(), LIMITS)
    assert info.value.kind is JSON_TOO_DEEP
    assert "limit of 8 levels" in info.value.detail


def test_nesting_at_the_limit_is_accepted():
    assert parse_json(("[" * 8 + "]" * 8).encode(), LIMITS) == [[[[[[[[]]]]]]]]


def test_absurd_nesting_that_breaks_the_parser_is_still_a_clean_problem():
    raw = ("[" * 200_000 + "]" * 200_000).encode()
    with pytest.raises(ProblemError) as info:
        parse_json(raw, LIMITS)
    assert info.value.kind is JSON_TOO_DEEP


def test_too_many_values_is_refused():
    with pytest.raises(ProblemError) as info:
        parse_json(json.dumps(list(range(200))).encode(), LIMITS)
    assert info.value.kind is JSON_TOO_LARGE


def test_an_oversized_string_is_refused_with_its_path():
    with pytest.raises(ProblemError) as info:
        parse_json(json.dumps({"resource": {"script": "A" * 33}}).encode(), LIMITS)
    assert info.value.kind is FIELD_TOO_LARGE
    assert "$.resource.script" in info.value.detail


def test_an_oversized_key_is_refused():
    with pytest.raises(ProblemError) as info:
        parse_json(json.dumps({"k" * 40: 1}).encode(), LIMITS)
    assert info.value.kind is FIELD_TOO_LARGE


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
