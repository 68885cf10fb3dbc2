"""Many independent inputs over every core: an ordered, bounded map onto spawned worker processes.

`ordered_map` runs a task per item in a process pool and yields the results in the order of
the items, however the workers finish. Only a window of items is in flight at once (read
from the input iterator, submitted, or finished and waiting for an earlier one), so memory
stays bounded whatever the number of inputs. With one worker the same task runs in this
process, after the same initializer: one code path, one output.

Stopping early (Ctrl-C, a closed pipe, the consumer breaking out of the loop) terminates the
workers, which ignore SIGINT themselves so the parent alone decides; no process is left behind.
A parent killed outright (SIGKILL, the OOM killer) cannot stop its workers, so every pool worker
of the project ends itself when its parent dies (`exit_with_parent`).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from multiprocessing.connection import wait as wait_for_ready
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Items in flight per worker: enough that a worker never waits for the parent to hand it the
# next item while the parent writes out a result, few enough that memory stays small.
WINDOW_PER_WORKER = 4
# Exit status of a worker that ended because its parent died.
ORPHANED_EXIT_STATUS = 70
_PARENT_WATCH = "exit-with-parent"  # the watching thread's name: one per process


def default_workers() -> int:
    """One worker per CPU this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def effective_workers(requested: int | None, items: int | None = None) -> int:
    """`requested` (None or 0: one per CPU), never more than there are items to share."""
    workers = requested or default_workers()
    if items is not None:
        workers = min(workers, max(1, items))
    return max(1, workers)


def exit_with_parent() -> None:
    """In a spawned pool worker: end this process as soon as its parent dies.

    A `ProcessPoolExecutor` worker holds both ends of its call queue's pipe, so a parent killed
    with SIGKILL never gives it an end of file: it would wait for work for ever, holding its
    memory and compiled rules. The spawn start method hands each child a pipe whose other end
    only the parent holds (`parent_process().sentinel`); a thread waits on it. Safe to call
    more than once (pool initializers that also run as tasks)."""
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return
    if any(thread.name == _PARENT_WATCH for thread in threading.enumerate()):
        return
    threading.Thread(target=_exit_when_ready, args=(parent.sentinel,), name=_PARENT_WATCH, daemon=True).start()


def _exit_when_ready(sentinel: int) -> None:
    wait_for_ready([sentinel])
    os._exit(ORPHANED_EXIT_STATUS)  # no clean-up to run: the parent that wanted the results is gone


def _start_worker(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    # Ctrl-C on a terminal reaches the whole process group; the parent stops the pool itself.
    # The worker was spawned with SIGINT blocked (`_submit`): ignore it, then unblock it, which
    # drops a Ctrl-C that came while the worker was still importing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    exit_with_parent()
    if initializer is not None:
        initializer(*initargs)


def _submit(pool: ProcessPoolExecutor, task: Callable[[T], R], item: T) -> Future[R]:
    """`pool.submit`, with SIGINT blocked while it runs. The pool spawns a worker inside a submit
    when it needs one; the new process inherits the block, so a Ctrl-C during its start-up
    (seconds of imports on a loaded machine, before `_start_worker` can ignore SIGINT) cannot
    raise in it and print a traceback. Here the signal stays pending and is raised right after."""
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return pool.submit(task, item)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def ordered_map(task: Callable[[T], R], items: Iterable[T], *, workers: int,
                initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
                window: int | None = None) -> Iterator[R]:
    """`task(item)` for each item, in item order, on `workers` processes (1: in this process).

    `task` and `initializer` must be importable module-level functions (workers are spawned).
    An exception raised by a task is raised here, at its item's place, as in a plain loop;
    the items after it are not run."""
    if workers <= 1:
        if initializer is not None:
            initializer(*initargs)
        for item in items:
            yield task(item)
        return
    limit = max(workers, window or workers * WINDOW_PER_WORKER)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(initializer, initargs))
    pending: deque[Future[R]] = deque()
    finished = False
    try:
        source = iter(items)
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                item = next(source, _END)
                if item is _END:
                    exhausted = True
                    break
                pending.append(_submit(pool, task, item))
            if not pending:
                break
            yield pending.popleft().result()
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            stop_pool(pool)


_END: Any = object()


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop now: drop queued tasks, terminate the workers (a task may run for up to the scan
    deadline) and reap them, so nothing outlives the caller."""
    # The executor keeps its processes in `_processes` (stable since 3.2; 3.14 adds
    # `terminate_workers()`); copied first, shutdown forgets them.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(ProcessLookupError, OSError, ValueError):
            process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(ValueError, AssertionError):
            process.join()
