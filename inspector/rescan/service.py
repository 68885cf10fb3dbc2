"""Rescans inside the service: `POST /v1/rescans`, and one started by itself when new rules load.

`RescanService.submit` answers at once with the rescan record (status `queued`, or the
unfinished rescan of that ruleset) and drives it in a background task with the configured
engine. Only one background run per rescan id exists in a process; the database lock makes
that true across replicas too.
"""

from __future__ import annotations

import asyncio

import structlog

from inspector.config import Settings
from inspector.rescan.refetch import RefetchRefused, refetch_refusal
from inspector.rescan.runner import BatchRunner, LocalBatchRunner, run_rescan, start_rescan
from inspector.rescan.scanner import ArtifactScanner
from inspector.store import RescanFilter, RescanInfo, Store

log = structlog.get_logger(__name__)


class RescanService:
    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self._running: dict[str, asyncio.Task[RescanInfo]] = {}

    def _runner(self) -> BatchRunner:
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

    async def on_ruleset_loaded(self) -> RescanInfo | None:
        """Call after a successful signature reload: starts a rescan when `auto_rescan_on_reload` is on."""
        if not self.settings.auto_rescan_on_reload:
            return None
        return await self.submit(requested_by="auto:reload")

    async def _drive(self, rescan_id: str) -> RescanInfo:
        runner = self._runner()
        try:
            # Fetched content is analysed in one worker process: the service's event loop stays free.
            return await run_rescan(self.store, rescan_id, runner, settings=self.settings, refetch_workers=1)
        finally:
            runner.close()
            self._running.pop(rescan_id, None)

    async def wait(self, rescan_id: str) -> RescanInfo | None:
        """Wait for a background rescan of this process (tests, graceful shutdown)."""
        task = self._running.get(rescan_id)
        return await task if task is not None else await self.store.get_rescan(rescan_id)

    async def close(self) -> None:
        for task in list(self._running.values()):
            task.cancel()
        await asyncio.gather(*self._running.values(), return_exceptions=True)
