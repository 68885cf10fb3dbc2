"""Every bound the service puts on a request before any work is done for it.

- bodies: a byte cap checked against Content-Length first and while streaming, and a time
  limit for the whole body (slow clients get 408, not a held connection forever);
- JSON: depth (measured before parsing), number of values and string length;
- per-key rate: a token bucket per API key;
- work: a bounded admission queue; when it is full the caller gets 429 with Retry-After.

All state lives in objects owned by one application instance, never in module globals.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from inspector.api.problems import (
    BODY_TIMEOUT,
    BODY_TOO_LARGE,
    FIELD_TOO_LARGE,
    INVALID_JSON,
    JSON_TOO_DEEP,
    JSON_TOO_LARGE,
    QUEUE_FULL,
    RATE_LIMITED,
    ProblemError,
)
from inspector.extensions.jsonguard import parse_json as guarded_parse_json
from inspector.extensions.request import InputError

_READ_CHUNK = 64 * 1024


async def read_body(request: web.Request, *, max_bytes: int, timeout_s: float) -> bytes:
    """The whole request body, refusing more than `max_bytes` and slower than `timeout_s`."""
    declared = request.content_length
    if declared is not None and declared > max_bytes:
        raise ProblemError(BODY_TOO_LARGE, f"the body is {declared} bytes; the limit is {max_bytes}")
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(timeout_s):
            while True:
                chunk = await request.content.read(_READ_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise ProblemError(BODY_TOO_LARGE, f"the body exceeds the limit of {max_bytes} bytes")
                chunks.append(chunk)
    except TimeoutError:
        raise ProblemError(BODY_TIMEOUT, f"the body was not received within {timeout_s:g} s") from None
    return b"".join(chunks)


@dataclass(frozen=True)
class JsonLimits:
    max_depth: int
    max_nodes: int
    max_string_chars: int


def parse_json(raw: bytes, limits: JsonLimits) -> Any:
    """Parse a JSON body (UTF-8, RFC 8259) within the limits, or raise a 400 problem.

    Nesting is measured before parsing by the extension reader's guard; value count and string
    length are checked on the parsed value.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemError(INVALID_JSON, f"the body is not UTF-8 (byte {exc.start})") from None
    try:
        value = guarded_parse_json(text, max_bytes=len(raw), max_depth=limits.max_depth)
    except InputError as exc:
        kind = {"too_deep": JSON_TOO_DEEP, "too_large": JSON_TOO_LARGE}.get(exc.kind, INVALID_JSON)
        raise ProblemError(kind, exc.detail) from None
    check_json_shape(value, limits)
    return value


def check_json_shape(value: Any, limits: JsonLimits) -> None:
    """Walk a parsed JSON value iteratively, enforcing the value count and string sizes."""
    stack: list[tuple[Any, str]] = [(value, "$")]
    nodes = 0
    while stack:
        item, path = stack.pop()
        nodes += 1
        if nodes > limits.max_nodes:
            raise ProblemError(JSON_TOO_LARGE, f"the body has more than {limits.max_nodes} values")
        if isinstance(item, str):
            if len(item) > limits.max_string_chars:
                raise ProblemError(
                    FIELD_TOO_LARGE,
                    f"the string at {path} has {len(item)} characters; the limit is {limits.max_string_chars}",
                )
        elif isinstance(item, dict):
            for key, child in item.items():
                if len(key) > limits.max_string_chars:
                    raise ProblemError(FIELD_TOO_LARGE, f"a key under {path} is longer than {limits.max_string_chars} characters")
                stack.append((child, f"{path}.{key[:64]}"))
        elif isinstance(item, list):
            stack.extend((child, f"{path}[{index}]") for index, child in enumerate(item))


@dataclass
class _Bucket:
    tokens: float
    updated: float


@dataclass
class RateLimiter:
    """Token bucket per API key: `rate_per_s` refill, `burst` capacity; rate 0 disables it.

    The table of buckets is bounded (least recently used keys are forgotten first), and a
    forgotten key simply starts again with a full bucket.
    """

    rate_per_s: float
    burst: int
    max_keys: int = 10_000
    _buckets: OrderedDict[str, _Bucket] = field(default_factory=OrderedDict)

    def acquire(self, key_id: str, now: float | None = None) -> None:
        """Take one token for `key_id` or raise a 429 problem with Retry-After."""
        if self.rate_per_s <= 0:
            return
        now = time.monotonic() if now is None else now
        bucket = self._buckets.get(key_id)
        if bucket is None:
            bucket = _Bucket(tokens=float(self.burst), updated=now)
            self._buckets[key_id] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(key_id)
            bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.updated) * self.rate_per_s)
            bucket.updated = now
        if bucket.tokens < 1.0:
            wait = (1.0 - bucket.tokens) / self.rate_per_s
            raise ProblemError(
                RATE_LIMITED,
                f"this key may send {self.rate_per_s:g} requests per second (burst {self.burst})",
                headers={"Retry-After": str(max(1, math.ceil(wait)))},
            )
        bucket.tokens -= 1.0


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
