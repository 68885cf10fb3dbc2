"""`ordered_map`: results in input order from any number of workers, a bounded window, errors in place."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest

from inspector.analysis.parallel import effective_workers, ordered_map
from tests.processes import killed_parent_leaves_no_worker


def square_with_pid(n: int) -> tuple[int, int]:
    # Later items are cheaper, so workers finish out of order.
    sum(range((50 - n % 50) * 2000))
    return n * n, os.getpid()


def fail_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("item three")
    return n


def test_results_come_in_input_order_from_several_workers() -> None:
    results = list(ordered_map(square_with_pid, range(60), workers=2))
    assert [value for value, _ in results] == [n * n for n in range(60)]
    assert os.getpid() not in {pid for _, pid in results}


def test_one_worker_runs_in_this_process_with_the_same_results() -> None:
    in_process = list(ordered_map(square_with_pid, range(20), workers=1))
    pooled = list(ordered_map(square_with_pid, range(20), workers=2))
    assert {pid for _, pid in in_process} == {os.getpid()}
    assert [v for v, _ in in_process] == [v for v, _ in pooled]


def test_only_a_window_of_inputs_is_read_ahead() -> None:
    taken = 0

    def items() -> Iterator[int]:
        nonlocal taken
        for n in range(200):
            taken += 1
            yield n

    window = 6
    results = ordered_map(square_with_pid, items(), workers=2, window=window)
    for received, _ in enumerate(results, start=1):
        # Never more read than yielded plus the window in flight.
        assert taken <= received + window
        if received == 30:
            break
    results.close()
    assert taken <= 30 + window


def test_a_task_error_is_raised_at_its_place_after_the_earlier_results() -> None:
    seen = []
    with pytest.raises(ValueError, match="item three"):
        for value in ordered_map(fail_on_three, range(10), workers=2):
            seen.append(value)
    assert seen == [0, 1, 2]


def test_workers_default_to_the_cpus_and_never_exceed_the_inputs() -> None:
    assert effective_workers(0) >= 1
    assert effective_workers(None, 1) == 1
    assert effective_workers(8, 3) == 3
    assert effective_workers(2, 0) == 1


def pause(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_workers_end_by_themselves_when_the_parent_is_killed() -> None:
    # The first item returns at once (the pool is up); the others would keep both workers busy
    # for ten minutes, and with nothing after them a worker would wait for more work for ever.
    killed_parent_leaves_no_worker(
        "from inspector.analysis.parallel import ordered_map\n"
        "from tests.analysis.test_parallel import pause\n"
        "for pid in ordered_map(pause, [0, 600, 600, 600], workers=2):\n"
        "    print(pid, flush=True)\n")


def sigint_disposition(_: int) -> tuple[bool, bool]:
    """(ignored, blocked) for SIGINT in the process that runs this."""
    import signal

    return (signal.getsignal(signal.SIGINT) is signal.SIG_IGN,
            signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, set()))


def test_workers_ignore_ctrl_c_and_the_parent_still_receives_it() -> None:
    import signal

    # Workers are spawned with SIGINT blocked (a Ctrl-C while they import must not raise in
    # them); once started they ignore it and no longer block it. The parent's mask is as it was.
    before = signal.pthread_sigmask(signal.SIG_BLOCK, set())
    assert set(ordered_map(sigint_disposition, range(4), workers=2)) == {(True, False)}
    assert signal.pthread_sigmask(signal.SIG_BLOCK, set()) == before
