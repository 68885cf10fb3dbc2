"""The rescan coordinator: plan, hand batches to an engine, re-score inspections, finish.

Every step is restartable from the database: planning happens once (in one transaction),
batches are claimed under a lease and their results recorded atomically, and re-scoring
advances a cursor page by page. Calling `run_rescan` again on an unfinished rescan (after
a kill) continues it; `start_rescan` resumes the unfinished rescan of the active ruleset
instead of starting a second one.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol

import structlog

from inspector.config import Settings
from inspector.model import SignatureInfo
from inspector.rescan.named import NamedArtifactScans
from inspector.rescan.refetch import Refetcher, refetch_page
from inspector.rescan.rescore import rescore
from inspector.rescan.scanner import replaced_sources
from inspector.scoring import Bands
from inspector.store import RescanConflict, RescanFilter, RescanInfo, Store
from inspector.tasks.worker import BatchResult, rescan_batch_in_process, warm_process

log = structlog.get_logger(__name__)
RESCORE_PAGE = 200

ProgressCallback = Callable[[RescanInfo], None]


class BatchRunner(Protocol):
    """Runs rescan batches somewhere (this machine's processes, Celery workers) until none is open."""

    async def run(self, store: Store, rescan: RescanInfo, on_progress: Callable[[], None]) -> None: ...

    def close(self) -> None: ...


class LocalBatchRunner:
    """A process pool on this machine; each process keeps its compiled rules between batches."""

    def __init__(self, settings: Settings, processes: int | None = None) -> None:
        self.settings = settings
        self.processes = processes or settings.rescan_processes or os.cpu_count() or 1
        # spawn, not fork: the parent has database and event-loop threads a forked child must not inherit.
        # Each process opens the store and compiles the rules once, as it starts.
        self._pool = ProcessPoolExecutor(max_workers=self.processes, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=warm_process, initargs=(settings,))

    async def warm(self) -> None:
        """Start every process now (imports, store, rules) instead of on the first batches."""
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._pool, warm_process, self.settings)
                               for _ in range(self.processes)))

    async def run(self, store: Store, rescan: RescanInfo, on_progress: Callable[[], None]) -> None:
        loop = asyncio.get_running_loop()
        while not await _all_batches_done(store, rescan.id):
            open_batches = await store.open_rescan_batches(rescan.id)
            if not open_batches:
                # The rest is leased by someone else, maybe a killed run: its lease will expire.
                await asyncio.sleep(self.settings.rescan_poll_s)
                continue
            futures = [loop.run_in_executor(self._pool, rescan_batch_in_process, self.settings, rescan.id, n)
                       for n, _state in open_batches]
            for done in asyncio.as_completed(futures):
                result: BatchResult = await done
                if result.claimed:
                    on_progress()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


async def _all_batches_done(store: Store, rescan_id: str) -> bool:
    info = await store.get_rescan(rescan_id, changes_limit=0)
    return info is not None and info.progress.batches_done >= info.progress.batches_total


async def start_rescan(store: Store, *, ruleset_version: str, rule_count: int, analyzer_version: str,
                       filters: RescanFilter | None = None, dry_run: bool = False, refetch: bool = False,
                       requested_by: str | None = None) -> tuple[RescanInfo, bool]:
    """A new rescan, or the unfinished one for this ruleset (resumed); the flag says which."""
    try:
        return await store.create_rescan(ruleset_version, analyzer_version, filters, rule_count=rule_count,
                                         dry_run=dry_run, refetch=refetch, requested_by=requested_by), False
    except RescanConflict as conflict:
        existing = await store.get_rescan(conflict.rescan_id)
        if existing is None:
            raise
        return existing, True


async def run_rescan(store: Store, rescan_id: str, runner: BatchRunner, *, settings: Settings,
                     on_progress: ProgressCallback | None = None, refetch_workers: int | None = 0) -> RescanInfo:
    """Drive a rescan to the end (or to `failed`), resuming whatever a previous run left.

    A rescan created with `refetch` also fetches each inspection's URLs again while re-scoring
    (refetch.py); `refetch_workers` is the analysis pool for the fetched content (0: in-process).
    """
    try:
        await store.plan_rescan(rescan_id)
        rescan = await _get(store, rescan_id)

        async def report() -> None:
            if on_progress is not None:
                on_progress(await _get(store, rescan_id))

        pending_reports: set[asyncio.Task[None]] = set()

        def batch_done() -> None:
            task = asyncio.ensure_future(report())
            pending_reports.add(task)
            task.add_done_callback(pending_reports.discard)

        await runner.run(store, rescan, batch_done)
        await asyncio.gather(*pending_reports)
        await _rescore_all(store, rescan, settings, report, refetch_workers)
        await store.finish_rescan(rescan_id)
    except Exception as exc:
        log.error("rescan_failed", rescan_id=rescan_id, error=type(exc).__name__)
        await store.finish_rescan(rescan_id, error=f"{type(exc).__name__}: {exc}")
        raise
    final = await store.get_rescan(rescan_id)
    assert final is not None
    if on_progress is not None:
        on_progress(final)
    return final


async def _rescore_all(store: Store, rescan: RescanInfo, settings: Settings,
                       report: Callable[[], object], refetch_workers: int | None = 0) -> None:
    if rescan.refetch:
        refetcher = await Refetcher.start(settings, rescan.ruleset_version, workers=refetch_workers)
        try:
            await _rescore_pages(store, rescan, settings, report, refetcher)
        finally:
            await refetcher.close()
    else:
        await _rescore_pages(store, rescan, settings, report, None)


async def _rescore_pages(store: Store, rescan: RescanInfo, settings: Settings,
                         report: Callable[[], object], refetcher: Refetcher | None) -> None:
    bands = Bands(settings.suspicious_threshold, settings.malicious_threshold)
    cursor = (await _get(store, rescan.id)).rescore_cursor
    signatures = SignatureInfo(version=rescan.ruleset_version, rule_count=rescan.rule_count)
    replaced = replaced_sources(rescan.analyzer_version)
    named = NamedArtifactScans(settings, store, rescan)
    while page := await store.rescan_inspections_page(rescan.id, cursor, RESCORE_PAGE):
        shas = sorted({a.sha256 for _, verdict, _ in page for a in verdict.artifacts})
        findings = await store.cached_findings_for(shas, rescan.ruleset_version, rescan.analyzer_version)
        # Artifacts that were files are judged under their names too (named.py).
        rescored = [(old, rescore(old, await named.findings_for(old, findings), context, bands, signatures, replaced))
                    for _, old, context in page]
        cursor = page[-1][0]
        trees = None
        if refetcher is not None:
            rescored, trees = await refetch_page(refetcher, store, rescored, [context for _, _, context in page],
                                                 dry_run=rescan.dry_run)
        await store.apply_rescan_page(rescan.id, rescored, cursor, trees)
        await report()  # type: ignore[misc]


async def _get(store: Store, rescan_id: str) -> RescanInfo:
    info = await store.get_rescan(rescan_id, changes_limit=0)
    if info is None:
        raise LookupError(f"no rescan {rescan_id}")
    return info
