"""The scan task code every engine runs: the local process pool and Celery workers alike.

A worker process keeps one `WorkerState` (settings, a store connection, the compiled
ruleset) for its lifetime, built on its first task, so each batch costs only its own work.
"""

from __future__ import annotations

import asyncio
import os
import socket
import time
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from inspector.analysis.parallel import exit_with_parent
from inspector.config import Settings
from inspector.model import Finding
from inspector.rescan.scanner import ArtifactScanner, RescanDepth, replaced_sources
from inspector.store import Store


class RulesetMismatch(RuntimeError):
    """This worker's rules are not the ones the rescan is for (it will be retried elsewhere or later)."""


@dataclass(frozen=True)
class BatchResult:
    rescan_id: str
    batch_no: int
    claimed: bool
    scanned: int = 0
    missing: int = 0
    bytes: int = 0
    seconds: float = 0.0


@dataclass
class WorkerState:
    settings: Settings
    runner: asyncio.Runner
    store: Store
    scanners: dict[RescanDepth, ArtifactScanner] = field(default_factory=dict)
    inspector: Any = None  # inspector.pipeline.Inspector, started on the first inspection task
    inspector_rules: str = ""  # digest of the rule files the inspector was started from
    owner: str = field(default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}")
    metrics: Any = None  # tasks.worker_metrics.InspectionMetrics, made on the first inspection task

    @classmethod
    def open(cls, settings: Settings) -> WorkerState:
        runner = asyncio.Runner()
        store = runner.run(Store.open(settings, migrate=False))
        return cls(settings=settings, runner=runner, store=store)

    def close(self) -> None:
        if self.inspector is not None:
            self.runner.run(self.inspector.close())
        self.runner.run(self.store.close())
        self.runner.close()

    async def active_inspector(self) -> Any:
        """One in-process Inspector per worker, with the store's analysis cache; started again
        only when the rule files change, not compiled for every task."""
        from inspector.pipeline import Inspector
        from inspector.rules.ruleset import sources_digest
        from inspector.rules.paths import signature_dirs

        digest = sources_digest(signature_dirs(self.settings))
        if self.inspector is None or digest != self.inspector_rules:
            if self.inspector is not None:
                await self.inspector.close()
            self.inspector = await Inspector.start(self.settings, workers=0, cache=self.store.analysis_cache)
            self.inspector_rules = digest
        return self.inspector

    def inspection_metrics(self) -> Any:
        """This process's inspection series, in no registry: `inspector worker --metrics-port`
        serves every pool process's values from the main process (multiprocess mode)."""
        from inspector.tasks.worker_metrics import InspectionMetrics

        if self.metrics is None:
            self.metrics = InspectionMetrics.register(registry=None)
        return self.metrics

    def scanner_for_active(self, depth: RescanDepth) -> ArtifactScanner:
        if depth not in self.scanners:
            self.scanners[depth] = ArtifactScanner.from_settings(self.settings, depth)
        return self.scanners[depth]

    def scanner_for(self, ruleset_version: str, analyzer_version: str) -> ArtifactScanner:
        """The scanner for a rescan's versions: recompiled once if the rule folders changed since."""
        depth: RescanDepth = "rules" if replaced_sources(analyzer_version) else "full"
        scanner = self.scanners.get(depth)
        if scanner is None or scanner.ruleset_version != ruleset_version:
            scanner = self.scanners[depth] = ArtifactScanner.from_settings(self.settings, depth)
        if (scanner.ruleset_version, scanner.analyzer_version) != (ruleset_version, analyzer_version):
            raise RulesetMismatch(
                f"worker {self.owner} has ruleset {scanner.ruleset_version} / analyzers {scanner.analyzer_version}, "
                f"rescan needs {ruleset_version} / {analyzer_version}")
        return scanner


def run_rescan_batch(state: WorkerState, rescan_id: str, batch_no: int) -> BatchResult:
    """Claim one batch, analyse its artifacts, and record the results in one transaction."""
    started = time.monotonic()
    store = state.store
    info = state.runner.run(store.rescans.get(rescan_id, changes_limit=0))
    if info is None or info.status != "running":
        return BatchResult(rescan_id, batch_no, claimed=False)
    scanner = state.scanner_for(info.ruleset_version, info.analyzer_version)
    lease = timedelta(seconds=state.settings.rescan_lease_s)
    items = state.runner.run(store.rescans.claim_batch(rescan_id, batch_no, state.owner, lease))
    if items is None:
        return BatchResult(rescan_id, batch_no, claimed=False)
    results: dict[str, list[Finding]] = {}
    missing: list[str] = []
    total = 0
    for sha256, type_name in items:
        data = store.blobs.get_sync(sha256)
        if data is None:
            missing.append(sha256)
            continue
        total += len(data)
        found = scanner.scan(sha256, data, type_name)
        if found is None:  # cut short by its deadline: not a result, its stored findings stay
            missing.append(sha256)
            continue
        results[sha256] = found
    recorded = state.runner.run(store.rescans.complete_batch(
        rescan_id, batch_no, state.owner, ruleset_version=info.ruleset_version,
        analyzer_version=info.analyzer_version, results=results, missing=missing))
    return BatchResult(rescan_id, batch_no, claimed=recorded, scanned=len(results) if recorded else 0,
                       missing=len(missing) if recorded else 0, bytes=total, seconds=time.monotonic() - started)


# One state per worker process (process pools and Celery prefork children each build their own).
_process_state: WorkerState | None = None


def process_state(settings: Settings) -> WorkerState:
    """This process's state. Settings travel by pickle or fork, never as JSON, which masks secrets."""
    global _process_state
    if _process_state is None:
        _process_state = WorkerState.open(settings)
    return _process_state


def warm_process(settings: Settings) -> None:
    """Process-pool initializer: open the store and compile the rules before the first batch."""
    exit_with_parent()
    process_state(settings).scanner_for_active("rules")


def rescan_batch_in_process(settings: Settings, rescan_id: str, batch_no: int) -> BatchResult:
    """Entry point for a process pool: picklable arguments only."""
    return run_rescan_batch(process_state(settings), rescan_id, batch_no)
