"""Bounds the API puts on a request before any work is done for it.

- bodies: a byte cap checked against Content-Length first and while streaming, and a time
  limit for the whole body (slow clients get 408, not a held connection forever);
- per-key rate: a token bucket per API key.

JSON documents are bounded by inspector/service/json_body.py and the inspections in progress
by inspector/service/admission.py (the console shares both).
All state lives in objects owned by one application instance, never in module globals.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from aiohttp import web

from inspector.service.problems import BODY_TIMEOUT, BODY_TOO_LARGE, RATE_LIMITED, ProblemError

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
