"""Retention: payload bytes go after `retention_days` or beyond `retention_max_bytes`; history stays."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from inspector.config import Settings
from inspector.store.analysis_cache import AnalysisCacheRepository
from inspector.store.blob_backends import BlobBackend
from inspector.store.database import Database
from inspector.store.records import RetentionReport
from inspector.store.schema import payloads, utcnow


class Retention:
    def __init__(self, database: Database, blobs: BlobBackend, settings: Settings,
                 analysis_cache: AnalysisCacheRepository) -> None:
        self.database = database
        self.blobs = blobs
        self.settings = settings
        self.analysis_cache = analysis_cache

    async def apply(self, *, now: datetime | None = None, orphan_grace: timedelta = timedelta(hours=1)
                    ) -> RetentionReport:
        """Drop payload bytes older than `retention_days` and beyond `retention_max_bytes` (oldest first).

        Only bytes go: payload rows, artifacts, verdicts and changes stay, and the payload is
        marked expired. Rows are marked before files are deleted, so a crash in between leaves
        an unreferenced file (removed by the orphan sweep), never a row promising missing bytes.
        """
        now = now or utcnow()
        report = RetentionReport()
        expire: list[str] = []
        async with self.database.read() as conn:
            if self.settings.retention_days is not None:
                cutoff = now - timedelta(days=self.settings.retention_days)
                expire += (await conn.execute(sa.select(payloads.c.sha256).where(
                    payloads.c.blob_state == "present", payloads.c.last_seen < cutoff))).scalars().all()
            if self.settings.retention_max_bytes is not None:
                kept = 0
                rows = await conn.stream(sa.select(payloads.c.sha256, payloads.c.size)
                                         .where(payloads.c.blob_state == "present")
                                         .order_by(payloads.c.last_seen.desc(), payloads.c.sha256))
                already = set(expire)
                async for sha, size in rows:
                    if sha in already:
                        continue
                    if kept + size > self.settings.retention_max_bytes:
                        expire.append(sha)
                    else:
                        kept += size
        for start in range(0, len(expire), 500):
            async with self.database.write() as conn:
                await conn.execute(payloads.update().where(payloads.c.sha256.in_(expire[start:start + 500]),
                                                           payloads.c.blob_state == "present")
                                   .values(blob_state="expired"))
        for sha in expire:
            report.freed_bytes += await self.blobs.delete(sha)
        report.expired_payloads = len(expire)
        report.cached_trees_removed = await self.analysis_cache.drop_trees(expire)
        report.orphan_blobs_removed, report.blob_bytes_kept = await self._sweep_orphans(now - orphan_grace)
        return report

    async def _sweep_orphans(self, older_than: datetime) -> tuple[int, int]:
        """Delete blobs no present payload row refers to, once older than the grace period."""
        on_disk = await self.blobs.inventory()
        referenced: set[str] = set()
        names = list(on_disk)
        async with self.database.read() as conn:
            for start in range(0, len(names), 500):
                referenced.update((await conn.execute(sa.select(payloads.c.sha256).where(
                    payloads.c.sha256.in_(names[start:start + 500]), payloads.c.blob_state == "present"))).scalars())
        removed = 0
        for sha in set(names) - referenced:
            if on_disk[sha].stored_at < older_than:
                await self.blobs.delete(sha)
                removed += 1
                on_disk.pop(sha, None)
        return removed, sum(entry.size for entry in on_disk.values())
