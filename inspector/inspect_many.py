"""Inspect many inputs on every core, results in input order: what `inspector scan` and `inspector eval` share.

The parent compiles the rules once and writes them to a private folder (mode 0700); each
worker process reads them once and keeps its own in-process `Inspector` (and, with fetching,
its own fetcher) and event loop for all the inputs it is given. A job is whatever the
caller's task needs (a path, bytes read from standard input, a labelled sample); the task, a
module-level coroutine function, turns it into a picklable result with that `Inspector`.
With one worker everything runs in this process, through the same functions.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import dataclasses
import pickle
import shutil
import tempfile
from collections.abc import Awaitable, Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from inspector.analysis.parallel import effective_workers, ordered_map
from inspector.config import Settings
from inspector.pipeline import Inspector
from inspector.rules import Ruleset, load_ruleset
from inspector.rules.ruleset import load_compiled

J = TypeVar("J")
R = TypeVar("R")
Task = Callable[[Inspector, J], Awaitable[R]]

# This process's inspector and loop, set once by `_start`: in each worker, or in the parent
# when it analyses in-process.
_inspector: Inspector | None = None
_loop: asyncio.AbstractEventLoop | None = None


def _start(folder: str, settings_values: dict[str, Any], fetching: bool) -> None:
    global _inspector, _loop
    with open(Path(folder) / "ruleset.pickle", "rb") as handle:
        ruleset: Ruleset = pickle.load(handle)  # noqa: S301 - written by our parent, mode 0700 folder
    rules = load_compiled((Path(folder) / "rules.yarc").read_bytes())
    settings = Settings(**settings_values)
    _loop = asyncio.new_event_loop()
    _inspector = _loop.run_until_complete(_build(settings, dataclasses.replace(ruleset, rules=rules), fetching))
    atexit.register(_close)


async def _build(settings: Settings, ruleset: Ruleset, fetching: bool) -> Inspector:
    from inspector.fetch import Fetcher

    return Inspector(settings, ruleset, fetcher=Fetcher(settings) if fetching else None)


def _close() -> None:
    global _inspector, _loop
    if _inspector is not None and _loop is not None and not _loop.is_closed():
        with contextlib.suppress(Exception):
            _loop.run_until_complete(_inspector.close())
        _loop.close()
    _inspector = _loop = None


def _run(call: tuple[Task[Any, Any], Any]) -> Any:
    task, job = call
    assert _inspector is not None and _loop is not None, "inspect_many worker not started"
    return _loop.run_until_complete(task(_inspector, job))


def inspect_many(settings: Settings, task: Task[J, R], jobs: Iterable[J], *, workers: int | None = None,
                 count: int | None = None, fetching: bool = False,
                 window: int | None = None) -> Iterator[R]:
    """`task(inspector, job)` for every job, in job order, on `workers` processes (None or 0:
    one per CPU; never more than `count` jobs; 1: in this process)."""
    processes = effective_workers(workers, count)
    ruleset = load_ruleset(settings)
    folder = Path(tempfile.mkdtemp(prefix="payload-inspector-batch-"))
    try:
        (folder / "rules.yarc").write_bytes(ruleset.to_bytes())
        (folder / "ruleset.pickle").write_bytes(pickle.dumps(dataclasses.replace(ruleset, rules=None)))
        calls = ((task, job) for job in jobs)
        try:
            yield from ordered_map(_run, calls, workers=processes, window=window, initializer=_start,
                                   initargs=(str(folder), settings.model_dump(), fetching))
        finally:
            if processes <= 1:
                _close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
