"""Time in tests: wait for events, bound only what must finish, compare growth within one run.

Tests specify behaviour, never speed: latency and throughput targets, and the figures
measured against them, live in benchmarks/ and docs/performance.md. A test shares two
cores with other work and may run ten times slower than when it was written, or much
faster on another machine, so
- it waits for what it needs (an event set, a row stored, a count reached) with `until`,
  `poll` or `until_blocking`, and gives up only after `GIVE_UP_S`;
- computation that must *finish* (a limit cuts it short, a loop is bounded) is checked with
  `finishes_within_cpu`, on the CPU time of the thread doing it, which other processes do
  not inflate; a wait that must end (a timeout fires, a retry is not waited for) with
  `finishes_within`, far above the time it takes with both cores busy;
- where linear cost is the point, `growth` compares a larger input with a small one in the
  same run, on CPU time too.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

#: How long a test waits for something that should happen before calling it a failure. The
#: slowest such wait measured on the shared 2-core machine with both cores kept busy (load
#: average 14-18, docs/testing.md) is a subprocess importing the whole package and walking its
#: objects (tests/detections/test_catalog.py), 59 s; `inspector scan` in a subprocess took up
#: to 41 s and `inspector serve` starting 35 s. This is ten times the slowest, and under the
#: per-test timeout (pyproject.toml), so the failure says what never happened. Waiting costs
#: nothing when the event comes.
GIVE_UP_S = 600.0

#: The CPU time that computation which must finish rather than hang may use: more than ten
#: times what the most expensive such case uses (about 2 s: a 5 MB single line through the
#: script heuristics), while the unbounded work it guards against (a quadratic walk, a regex
#: without a timeout, a loop over 2**31 headers) takes minutes to hours.
CPU_BOUND_S = 60.0


def frozen_clock() -> float:
    """A clock that never moves, for `ScanContext(clock=...)`: a scan deadline measured on it
    never passes (one of 0 s has passed already), so a test about another limit is never cut
    short by a slow machine instead."""
    return 0.0


class GaveUp(AssertionError):
    """What a test waited for did not happen within its bound."""


async def until(condition: Callable[[], bool], *, what: str, give_up_s: float = GIVE_UP_S,
                every_s: float = 0.01) -> None:
    """Return as soon as `condition()` holds; it is checked now and every `every_s` after."""
    deadline = time.monotonic() + give_up_s
    while not condition():
        if time.monotonic() > deadline:
            raise GaveUp(f"{what}: not within {give_up_s:g} s")
        await asyncio.sleep(every_s)


async def poll(probe: Callable[[], Awaitable[T]], accept: Callable[[T], bool], *, what: str,
               give_up_s: float = GIVE_UP_S, every_s: float = 0.02) -> T:
    """Call `probe()` until `accept` takes its answer, and return that answer."""
    deadline = time.monotonic() + give_up_s
    while True:
        answer = await probe()
        if accept(answer):
            return answer
        if time.monotonic() > deadline:
            raise GaveUp(f"{what}: not within {give_up_s:g} s; last seen {answer!r:.500}")
        await asyncio.sleep(every_s)


def until_blocking(condition: Callable[[], bool], *, what: str, give_up_s: float = GIVE_UP_S,
                   every_s: float = 0.05) -> None:
    """`until` for tests without an event loop (subprocesses, files)."""
    deadline = time.monotonic() + give_up_s
    while not condition():
        if time.monotonic() > deadline:
            raise GaveUp(f"{what}: not within {give_up_s:g} s")
        time.sleep(every_s)


@contextmanager
def finishes_within(bound_s: float = GIVE_UP_S) -> Iterator[None]:
    """Assert that the block, which waits for something, ended within `bound_s` of wall time."""
    started = time.monotonic()
    yield
    elapsed = time.monotonic() - started
    assert elapsed < bound_s, f"took {elapsed:.1f} s; the bound of {bound_s:g} s tells ending from hanging"


@contextmanager
def finishes_within_cpu(bound_s: float = CPU_BOUND_S) -> Iterator[None]:
    """Assert that the block's computation finished within `bound_s` of this thread's CPU time.

    How fast is for benchmarks/; a block that hangs without computing is left to the per-test
    timeout."""
    started = time.thread_time()
    yield
    used = time.thread_time() - started
    assert used < bound_s, f"used {used:.1f} s of CPU; the bound of {bound_s:g} s tells finishing from hanging"


def growth(run: Callable[[int], object], small: int, *, factor: int = 10, repeat: int = 3,
           attempts: int = 3) -> float:
    """How many times the CPU time of `run(small)` that `run(small * factor)` costs.

    Each size runs `repeat` times, alternating, and the fastest run of each counts: the CPU
    time of this thread does not grow when other processes take the cores, and the minimum
    drops the runs a cache flush or a collection slowed down. Linear work gives about
    `factor`; quadratic work gives about `factor ** 2`. Other work on the machine can still
    only make a measurement look worse (a busy sibling core slows the larger run's every
    repeat), never better, so up to `attempts` measurements are made and the lowest counts;
    one that is plainly linear (at most 1.5 `factor`) ends the search. Superlinear work is
    superlinear in every attempt.
    """
    sizes = (small, small * factor)
    ratios = []
    # The garbage collector's full passes cost in proportion to everything alive in the process
    # (thousands of earlier tests' objects in a full run), not to the input: one landing in the
    # larger run made linear work look 5x worse than it is. Collect first, then keep it out.
    gc.collect()
    gc.disable()
    try:
        for _ in range(attempts):
            best = [float("inf"), float("inf")]
            for _ in range(repeat):
                for index, size in enumerate(sizes):
                    started = time.thread_time()
                    run(size)
                    best[index] = min(best[index], time.thread_time() - started)
            ratios.append(best[1] / max(best[0], 1e-6))
            if ratios[-1] <= 1.5 * factor:
                break
    finally:
        gc.enable()
    return min(ratios)
