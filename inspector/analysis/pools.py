"""Process pools that run `analyze_payloads` off the event loop, the service's way to analyse.

Workers are spawned and build their `AnalysisEngine` once, in the pool's initializer, from
compiled rules the parent wrote to a private file: handing megabytes of rules through the
start-up pipe would block the event loop until each child has booted far enough to read them;
a file path is a few bytes.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import pickle
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from inspector.analysis.engine import AnalysisEngine, AnalysisOutcome, RootPayload, analyze_payloads
from inspector.analysis.parallel import exit_with_parent
from inspector.config import Settings
from inspector.rules.ruleset import Ruleset, load_compiled
from inspector.stage import ScanLimits

# The engine of this worker process, built once by the pool's initializer. Never set in the
# parent: each worker of a pool holds its own, which is what a pool initializer is for.
_worker_engine: AnalysisEngine | None = None


def _init_worker(compiled_rules_path: str, settings_values: dict[str, Any]) -> None:
    global _worker_engine
    exit_with_parent()  # a service killed with SIGKILL must not leave its workers waiting for ever
    with open(compiled_rules_path, "rb") as handle:
        rules = load_compiled(handle.read())
    # The parent's own compiled Sigma rules, written by the parent into its private folder:
    # the same rules as the parent's version, without parsing the folders again per worker.
    with open(_sigma_path(Path(compiled_rules_path)), "rb") as handle:
        sigma = pickle.load(handle)  # noqa: S301 - written by this service, mode 0700 folder
    _worker_engine = AnalysisEngine.build(rules, Settings(**settings_values), sigma)


def _sigma_path(rules_path: Path) -> Path:
    return rules_path.with_suffix(".sigma")


def _worker_ready() -> int:
    """Runs in a worker once its initializer has built the engine; slow enough that
    concurrent calls land on different workers and start them all."""
    assert _worker_engine is not None, "worker initializer did not run"
    time.sleep(0.05)
    return os.getpid()


def _analyze_in_worker(roots: Sequence[RootPayload], limits: ScanLimits, known: Sequence[str]) -> AnalysisOutcome:
    assert _worker_engine is not None, "worker initializer did not run"
    return analyze_payloads(roots, _worker_engine, limits, known)


class AnalysisPool(ProcessPoolExecutor):
    """Worker processes that each analyse with the ruleset and settings the pool started with.

    The compiled rules (YARA, and Sigma pickled) live in a private folder (mode 0700, named by mkdtemp: no other user can
    swap them), read by each worker once at start and removed when the pool is shut down."""

    def __init__(self, rules_path: Path, size: int, settings: Settings) -> None:
        super().__init__(max_workers=size, mp_context=multiprocessing.get_context("spawn"),
                         initializer=_init_worker, initargs=(str(rules_path), settings.model_dump()))
        self.rules_path = rules_path
        self.size = size

    @classmethod
    def start(cls, ruleset: Ruleset, settings: Settings, workers: int | None = None) -> AnalysisPool:
        """A pool of `workers` processes (one per CPU without); they start on first use or `warm_up`."""
        rules_dir = Path(tempfile.mkdtemp(prefix="payload-inspector-rules-"))
        rules_path = rules_dir / f"{ruleset.version or 'empty'}.yarc"
        rules_path.write_bytes(ruleset.to_bytes())
        _sigma_path(rules_path).write_bytes(pickle.dumps(ruleset.sigma))
        return cls(rules_path, workers or max(1, os.cpu_count() or 1), settings)

    async def analyze(self, roots: Sequence[RootPayload], limits: ScanLimits,
                      known: Sequence[str]) -> AnalysisOutcome:
        """`analyze_payloads` in a worker, with the worker's engine."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self, _analyze_in_worker, list(roots), limits, list(known))

    async def warm_up(self, timeout_s: float = 60.0) -> int:
        """Start every worker now (each loads the rules once) rather than on first use.

        Returns how many workers answered within the timeout."""
        loop = asyncio.get_running_loop()
        seen: set[int] = set()
        deadline = time.monotonic() + timeout_s
        while len(seen) < self.size and time.monotonic() < deadline:
            # A worker still booting takes no task, so ask again until each one has answered.
            rounds = (loop.run_in_executor(self, _worker_ready) for _ in range(self.size))
            seen.update(await asyncio.gather(*rounds))
        return len(seen)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        super().shutdown(wait=wait, cancel_futures=cancel_futures)
        if wait:
            self.rules_path.unlink(missing_ok=True)
            _sigma_path(self.rules_path).unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                self.rules_path.parent.rmdir()
