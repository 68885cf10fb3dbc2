"""Rescans: queue one, drive it to the end (plan, batches, re-scoring, finish), resume it after a kill.

`RescanService` is the service's own (`POST /v1/rescans`, and one started by itself when new
rules load): `submit` answers at once with the rescan record (status `queued`, or the
unfinished rescan of that ruleset) and drives it in a background task with the configured
engine. Only one background run per rescan id exists in a process; the database lock makes
that true across replicas too. `start_rescan` and `run_rescan` are the same steps for
`inspector rescan`.

Every step is restartable from the database: planning happens once (in one transaction),
batches are claimed under a lease and their results recorded atomically (by a `BatchRunner`
of inspector/tasks/), and re-scoring advances a cursor page by page. Calling `run_rescan`
again on an unfinished rescan (after a kill) continues it; `start_rescan` resumes the
unfinished rescan of the active ruleset instead of starting a second one.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable

import structlog

from inspector.config import Settings
from inspector.model import SignatureInfo
from inspector.rescan.named import NamedArtifactScans
from inspector.rescan.refetch import Refetcher, RefetchRefused, refetch_page, refetch_refusal
from inspector.rescan.rescore import cut_by_the_clock, rescore
from inspector.rescan.scanner import ArtifactScanner, replaced_sources
from inspector.scoring import Bands
from inspector.store import RescanConflict, RescanFilter, RescanInfo, Store
from inspector.tasks.batch_runner import BatchRunner, LocalBatchRunner

log = structlog.get_logger(__name__)
RESCORE_PAGE = 200
# Batches per worker: more than one, so a worker that drew a slow batch does not hold up the rest.
BATCHES_PER_WORKER = 2
# Smallest batch cut to spread work: below it a batch's claim and commit cost more than its scans.
MIN_SPREAD_BATCH = 64

ProgressCallback = Callable[[RescanInfo], None]


class RescanService:
    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self._running: dict[str, asyncio.Task[RescanInfo]] = {}

    def _batch_runner(self) -> BatchRunner:
        if self.settings.engine == "celery":
            from inspector.tasks.celery_app import CeleryBatchRunner

            return CeleryBatchRunner(self.settings)
        return LocalBatchRunner(self.settings)

    async def submit(self, filters: RescanFilter | None = None, *, dry_run: bool = False, full: bool = False,
                     refetch: bool = False, requested_by: str | None = None) -> RescanInfo:
        """Queue a rescan with the rules as they are on disk now, and start driving it.

        `full` re-runs every analyzer (after an upgrade), not only YARA (see rescan/scanner.py).
        `refetch` also fetches each inspection's URLs again (rescan/refetch.py); it raises
        RefetchRefused at once when fetching is off, before anything is queued.
        """
        if refetch and (reason := refetch_refusal(self.settings)):
            raise RefetchRefused(reason)
        scanner = await asyncio.to_thread(ArtifactScanner.from_settings, self.settings, "full" if full else "rules")
        info, resumed = await start_rescan(
            self.store, ruleset_version=scanner.ruleset_version, rule_count=scanner.rule_count,
            analyzer_version=scanner.analyzer_version, filters=filters, dry_run=dry_run, refetch=refetch,
            requested_by=requested_by)
        if info.id not in self._running:
            self._running[info.id] = asyncio.create_task(self._drive(info.id), name=f"rescan:{info.id}")
        log.info("rescan_submitted", rescan_id=info.id, resumed=resumed, ruleset=info.ruleset_version)
        return info

    async def resume_unfinished(self) -> list[str]:
        """Drive again every queued or running rescan, e.g. those a killed process left; returns their ids.

        Safe with several replicas: batches are claimed under leases and re-scoring pages are
        applied once, so two drivers of one rescan only share its work.
        """
        resumed = [rescan_id for rescan_id in await self.store.rescans.unfinished_ids()
                   if rescan_id not in self._running]
        for rescan_id in resumed:
            self._running[rescan_id] = asyncio.create_task(self._drive(rescan_id), name=f"rescan:{rescan_id}")
            log.info("rescan_resumed", rescan_id=rescan_id)
        return resumed

    async def on_ruleset_loaded(self) -> RescanInfo | None:
        """Call after a successful signature reload: starts a rescan when `auto_rescan_on_reload` is on."""
        if not self.settings.auto_rescan_on_reload:
            return None
        return await self.submit(requested_by="auto:reload")

    async def _drive(self, rescan_id: str) -> RescanInfo:
        batch_runner = self._batch_runner()
        try:
            # Fetched content is analysed in one worker process: the service's event loop stays free.
            return await run_rescan(self.store, rescan_id, batch_runner, settings=self.settings, refetch_workers=1)
        finally:
            batch_runner.close()
            self._running.pop(rescan_id, None)

    async def wait(self, rescan_id: str) -> RescanInfo | None:
        """Wait for a background rescan of this process (tests, graceful shutdown)."""
        task = self._running.get(rescan_id)
        return await task if task is not None else await self.store.rescans.get(rescan_id)

    async def close(self) -> None:
        for task in list(self._running.values()):
            task.cancel()
        await asyncio.gather(*self._running.values(), return_exceptions=True)


async def start_rescan(store: Store, *, ruleset_version: str, rule_count: int, analyzer_version: str,
                       filters: RescanFilter | None = None, dry_run: bool = False, refetch: bool = False,
                       requested_by: str | None = None) -> tuple[RescanInfo, bool]:
    """A new rescan, or the unfinished one for this ruleset (resumed); the flag says which."""
    try:
        return await store.rescans.create(ruleset_version, analyzer_version, filters, rule_count=rule_count,
                                          dry_run=dry_run, refetch=refetch, requested_by=requested_by), False
    except RescanConflict as conflict:
        existing = await store.rescans.get(conflict.rescan_id)
        if existing is None:
            raise
        return existing, True


async def run_rescan(store: Store, rescan_id: str, batch_runner: BatchRunner, *, settings: Settings,
                     on_progress: ProgressCallback | None = None, refetch_workers: int | None = 0) -> RescanInfo:
    """Drive a rescan to the end (or to `failed`), resuming whatever a previous run left.

    A rescan created with `refetch` also fetches each inspection's URLs again while re-scoring
    (refetch.py); `refetch_workers` is the analysis pool for the fetched content (0: in-process).
    """
    try:
        workers = await batch_runner.workers()
        await store.rescans.plan(rescan_id, lambda artifacts: spread_batch_size(
            artifacts, workers, settings.rescan_batch_size))
        rescan = await _get(store, rescan_id)

        async def report() -> None:
            if on_progress is not None:
                on_progress(await _get(store, rescan_id))

        pending_reports: set[asyncio.Task[None]] = set()

        def batch_done() -> None:
            task = asyncio.ensure_future(report())
            pending_reports.add(task)
            task.add_done_callback(pending_reports.discard)

        await batch_runner.run(store, rescan, batch_done)
        await asyncio.gather(*pending_reports)
        await _rescore_all(store, rescan, settings, report, refetch_workers)
        await store.rescans.finish(rescan_id)
    except Exception as exc:
        log.error("rescan_failed", rescan_id=rescan_id, error=type(exc).__name__)
        await store.rescans.finish(rescan_id, error=f"{type(exc).__name__}: {exc}")
        raise
    final = await store.rescans.get(rescan_id)
    assert final is not None
    if on_progress is not None:
        on_progress(final)
    return final


def spread_batch_size(artifacts: int, workers: int, limit: int, floor: int = MIN_SPREAD_BATCH) -> int:
    """Artifacts per batch so that `artifacts` spread over `workers` (`BATCHES_PER_WORKER` each).

    Never above `limit` (the `rescan_batch_size` setting), never below `floor` unless `limit` is.
    """
    spread = math.ceil(artifacts / (max(1, workers) * BATCHES_PER_WORKER))
    return min(limit, max(floor, spread))


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
    while page := await store.rescans.inspections_page(rescan.id, cursor, RESCORE_PAGE):
        shas = sorted({a.sha256 for _, verdict, _ in page for a in verdict.artifacts})
        findings = await store.analysis_cache.findings_for(shas, rescan.ruleset_version, rescan.analyzer_version)
        # Artifacts that were files are judged under their names too (rescan/named.py). A verdict
        # whose analysis stopped at its deadline is kept as it is: what it missed depended on the
        # clock, not on the rules, so a rescan does not turn it into a verdict change.
        rescored = [(old, old if cut_by_the_clock(old) else
                     rescore(old, await named.findings_for(old, findings), context, bands, signatures, replaced))
                    for _, old, context in page]
        if kept := sum(1 for old, new in rescored if old is new):
            log.info("rescan_kept_clock_cut_verdicts", rescan_id=rescan.id, inspections=kept)
        cursor = page[-1][0]
        trees = None
        if refetcher is not None:
            rescored, trees = await refetch_page(refetcher, store, rescored, [context for _, _, context in page],
                                                 dry_run=rescan.dry_run)
        await store.rescans.apply_page(rescan.id, rescored, cursor, trees)
        await report()  # type: ignore[misc]


async def _get(store: Store, rescan_id: str) -> RescanInfo:
    info = await store.rescans.get(rescan_id, changes_limit=0)
    if info is None:
        raise LookupError(f"no rescan {rescan_id}")
    return info
