"""Rescans in the database: the per-version lock, batches with leases, per-artifact state, re-scoring.

Everything that must survive a kill is a row: which artifacts a rescan covers (planned once,
in one transaction), which batch each belongs to, which are scanned (written in the same
transaction as their analysis results), and how far re-scoring got. Restarting a rescan
therefore continues where it stopped, and no artifact's result is recorded twice.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from inspector.config import Settings
from inspector.model import Finding, Verdict
from inspector.redact import redact_text
from inspector.store import events, inspection_rows
from inspector.store.database import Database
from inspector.store.inspection_rows import FinishedWrites
from inspector.store.records import RescanFilter, RescanInfo, RescanProgress, VerdictChange
from inspector.store.schema import (
    analysis_cache,
    inspection_artifacts,
    inspections,
    payloads,
    rescan_batches,
    rescan_items,
    rescan_locks,
    rescans,
    utcnow,
    verdict_changes,
    verdicts,
)

MAX_CHANGES_SHOWN = 100
MAX_RESCANS_LISTED = 1000
MAX_ERROR_DETAIL = 2000


class RescanConflict(Exception):
    """A rescan for this ruleset version is already unfinished; its id is `rescan_id`."""

    def __init__(self, rescan_id: str, ruleset_version: str) -> None:
        super().__init__(f"rescan {rescan_id} for ruleset {ruleset_version} is not finished yet")
        self.rescan_id = rescan_id


def verdict_changed(old: Verdict, new: Verdict) -> bool:
    """A change worth recording: the class, the score or the set of alert types moved."""
    return (old.verdict != new.verdict or old.score != new.score
            or {a.alertType for a in old.alerts} != {a.alertType for a in new.alerts})


class RescanRepository:
    def __init__(self, database: Database, settings: Settings, writes: FinishedWrites) -> None:
        self.database = database
        self.settings = settings
        self._writes = writes

    async def status_counts(self) -> dict[str, int]:
        """How many rescans are in each status (queued, running, done, failed); absent statuses count 0."""
        async with self.database.read() as conn:
            rows = (await conn.execute(sa.select(rescans.c.status, sa.func.count().label("n"))
                                       .group_by(rescans.c.status))).all()
        counts = dict.fromkeys(("queued", "running", "done", "failed"), 0)
        counts.update({row.status: int(row.n) for row in rows})
        return counts

    async def create(
        self,
        ruleset_version: str,
        analyzer_version: str,
        filters: RescanFilter | None = None,
        *,
        rule_count: int = 0,
        dry_run: bool = False,
        refetch: bool = False,
        requested_by: str | None = None,
    ) -> RescanInfo:
        """A queued rescan; raises RescanConflict while another one for this ruleset is unfinished."""
        rescan_id = "r" + secrets.token_hex(8)
        async with self.database.write() as conn:
            await _insert_rescan(
                conn, rescan_id=rescan_id, ruleset_version=ruleset_version, rule_count=rule_count,
                analyzer_version=analyzer_version,
                filters=filters or RescanFilter(), dry_run=dry_run, refetch=refetch, requested_by=requested_by)
        info = await self.get(rescan_id)
        assert info is not None
        return info

    async def get(self, rescan_id: str, changes_limit: int = MAX_CHANGES_SHOWN) -> RescanInfo | None:
        async with self.database.read() as conn:
            return await _load(conn, rescan_id, changes_limit)

    async def recent(self, limit: int = 50) -> list[RescanInfo]:
        """The newest rescans first, without their changes."""
        async with self.database.read() as conn:
            ids = (await conn.execute(sa.select(rescans.c.id).order_by(rescans.c.created_at.desc())
                                      .limit(max(1, min(limit, MAX_RESCANS_LISTED))))).scalars().all()
            return [r for i in ids if (r := await _load(conn, i, 0)) is not None]

    async def unfinished_id(self, ruleset_version: str) -> str | None:
        """The id of the rescan holding this ruleset version's lock, if any."""
        async with self.database.read() as conn:
            return await conn.scalar(sa.select(rescan_locks.c.rescan_id)
                                     .where(rescan_locks.c.ruleset_version == ruleset_version))

    async def unfinished_ids(self) -> list[str]:
        """Every queued or running rescan, oldest first (to drive again after a restart)."""
        async with self.database.read() as conn:
            return list((await conn.scalars(sa.select(rescans.c.id)
                                            .where(rescans.c.status.in_(("queued", "running")))
                                            .order_by(rescans.c.created_at))).all())

    async def plan(self, rescan_id: str, batch_size_for: Callable[[int], int] | None = None) -> bool:
        """Fill items and batches for a queued rescan; False when it was planned already.

        `batch_size_for` turns the number of artifacts to scan into a batch size (default: the
        `rescan_batch_size` setting).
        """
        async with self.database.write() as conn:
            configured = self.settings.rescan_batch_size
            return await _plan(conn, rescan_id, batch_size_for or (lambda _artifacts: configured))

    async def open_batches(self, rescan_id: str) -> list[tuple[int, str]]:
        """Batches nobody is working on, with their state: pending, or running under an expired lease."""
        async with self.database.read() as conn:
            return await _open_batches(conn, rescan_id, utcnow())

    async def claim_batch(
        self, rescan_id: str, batch_no: int, owner: str, lease: timedelta
    ) -> list[tuple[str, str]] | None:
        """Take a batch for `lease`; returns (sha256, type) still to scan, or None when someone else has it."""
        async with self.database.write() as conn:
            return await _claim_batch(conn, rescan_id, batch_no, owner, lease)

    async def complete_batch(self, rescan_id: str, batch_no: int, owner: str, *, ruleset_version: str,
                             analyzer_version: str, results: Mapping[str, list[Finding]],
                             missing: list[str]) -> bool:
        """Record a batch's results atomically; False (and nothing written) if the lease was lost meanwhile."""
        encoded = {sha: json.dumps([f.model_dump(mode="json") for f in found]) for sha, found in results.items()}
        async with self.database.write() as conn:
            return await _complete_batch(
                conn, self.database.insert, rescan_id=rescan_id, batch_no=batch_no, owner=owner,
                ruleset_version=ruleset_version, analyzer_version=analyzer_version, results=encoded, missing=missing)

    async def inspections_page(
        self, rescan_id: str, after: str | None, limit: int
    ) -> list[tuple[str, Verdict, dict[str, Any] | None]]:
        """The next inspections to re-score (id order): id, current verdict and the stored context."""
        async with self.database.read() as conn:
            filters = RescanFilter.model_validate(
                await conn.scalar(sa.select(rescans.c.filters).where(rescans.c.id == rescan_id)))
            scope = _scope_query(filters).subquery()
            query = (
                sa.select(inspections.c.id, inspections.c.context, verdicts.c.body)
                .select_from(inspections.join(verdicts, verdicts.c.id == inspections.c.current_verdict_id))
                .where(inspections.c.id.in_(sa.select(scope.c.id)))
                .order_by(inspections.c.id).limit(limit)
            )
            if after is not None:
                query = query.where(inspections.c.id > after)
            rows = (await conn.execute(query)).all()
        return [(r.id, Verdict.model_validate_json(r.body), r.context) for r in rows]

    async def apply_page(self, rescan_id: str, rescored: list[tuple[Verdict, Verdict]], cursor: str,
                         trees: Mapping[str, set[str]] | None = None) -> int:
        """Record the changed verdicts of one page (and their events) and move the cursor; returns changes.

        `trees` names the inspections whose payload tree a refetch replaced, each with the sha256s
        whose bytes were just stored; their tree rows are replaced by the new verdict's."""
        changed = 0
        async with self.database.write() as conn:
            row = (await conn.execute(sa.select(rescans).where(rescans.c.id == rescan_id))).mappings().one()
            if row["rescore_cursor"] is not None and cursor <= row["rescore_cursor"]:
                return 0  # this page was applied before a restart
            pending_events = []
            for old, new in rescored:
                if not verdict_changed(old, new):
                    continue
                old_alerts = sorted({a.alertType for a in old.alerts})
                new_alerts = sorted({a.alertType for a in new.alerts})
                await conn.execute(verdict_changes.insert().values(
                    rescan_id=rescan_id, inspection_id=old.id, old_verdict=old.verdict.value,
                    new_verdict=new.verdict.value, old_score=old.score, new_score=new.score,
                    old_alerts=old_alerts, new_alerts=new_alerts, applied=not row["dry_run"], created_at=utcnow()))
                changed += 1
                if row["dry_run"]:
                    continue
                if trees is not None and old.id in trees:
                    await inspection_rows.save_tree(conn, self._writes, old.id, new, trees[old.id])
                await inspection_rows.record_verdict(conn, old.id, new, cause=f"rescan:{rescan_id}", status="done")
                pending_events.append(("verdict.changed", old.id, {
                    "rescan_id": rescan_id,
                    "ruleset_version": new.signatures.version,
                    "old": {"verdict": old.verdict.value, "score": old.score, "alerts": old_alerts},
                    "new": {"verdict": new.verdict.value, "score": new.score, "alerts": new_alerts,
                            "severity": new.severity},
                }))
            await events.append_events(conn, pending_events)
            await conn.execute(rescans.update().where(rescans.c.id == rescan_id).values(
                rescore_cursor=cursor, inspections_done=rescans.c.inspections_done + len(rescored),
                changes=rescans.c.changes + changed))
        return changed

    async def finish(self, rescan_id: str, *, error: str | None = None) -> None:
        """Mark a rescan done (or failed) and release its ruleset version's lock."""
        async with self.database.write() as conn:
            await conn.execute(rescans.update().where(rescans.c.id == rescan_id).values(
                status="failed" if error else "done", finished_at=utcnow(),
                error=redact_text(error)[:MAX_ERROR_DETAIL] if error else None))
            await conn.execute(rescan_locks.delete().where(rescan_locks.c.rescan_id == rescan_id))


def _scope_query(f: RescanFilter) -> sa.Select[Any]:
    """Ids of the finished inspections a rescan with these filters covers."""
    query = sa.select(inspections.c.id).where(inspections.c.status == "done")
    if f.since is not None:
        query = query.where(inspections.c.created_at >= f.since)
    if f.kind is not None:
        query = query.where(inspections.c.kind == f.kind)
    if f.verdict is not None:
        query = query.where(inspections.c.verdict == f.verdict.value)
    return query


async def _insert_rescan(conn: AsyncConnection, *, rescan_id: str, ruleset_version: str, rule_count: int,
                         analyzer_version: str,
                         filters: RescanFilter, dry_run: bool, refetch: bool, requested_by: str | None) -> None:
    existing = await conn.scalar(sa.select(rescan_locks.c.rescan_id)
                                 .where(rescan_locks.c.ruleset_version == ruleset_version))
    if existing is not None:
        raise RescanConflict(existing, ruleset_version)
    await conn.execute(rescans.insert().values(
        id=rescan_id, ruleset_version=ruleset_version, rule_count=rule_count, analyzer_version=analyzer_version,
        status="queued",
        filters=filters.model_dump(mode="json"), dry_run=dry_run, refetch=refetch, requested_by=requested_by,
        created_at=utcnow()))
    try:
        async with conn.begin_nested():
            await conn.execute(rescan_locks.insert().values(ruleset_version=ruleset_version, rescan_id=rescan_id))
    except IntegrityError:
        # Lost a race with another replica between the check and the insert.
        winner = await conn.scalar(sa.select(rescan_locks.c.rescan_id)
                                   .where(rescan_locks.c.ruleset_version == ruleset_version))
        raise RescanConflict(winner or "?", ruleset_version) from None


async def _plan(conn: AsyncConnection, rescan_id: str, batch_size_for: Callable[[int], int]) -> bool:
    row = (await conn.execute(sa.select(rescans).where(rescans.c.id == rescan_id))).mappings().one()
    if row["status"] != "queued":
        return False
    scope = _scope_query(RescanFilter.model_validate(row["filters"])).subquery()
    cache = analysis_cache
    artifact_rows = (await conn.execute(
        sa.select(payloads.c.sha256, payloads.c.size, payloads.c.blob_state, cache.c.sha256.label("cached"))
        .where(payloads.c.sha256.in_(sa.select(inspection_artifacts.c.sha256)
                                     .where(inspection_artifacts.c.inspection_id.in_(sa.select(scope.c.id)))))
        .outerjoin(cache, sa.and_(cache.c.sha256 == payloads.c.sha256,
                                  cache.c.ruleset_version == row["ruleset_version"],
                                  cache.c.analyzer_version == row["analyzer_version"]))
        .order_by(payloads.c.sha256)
    )).all()
    items: list[dict[str, Any]] = []
    batch_bytes: dict[int, int] = {}
    pending = 0
    batch_size = max(1, batch_size_for(sum(1 for _sha, _size, blob_state, cached in artifact_rows
                                           if cached is None and blob_state == "present")))
    for sha, size, blob_state, cached in artifact_rows:
        if cached is not None:
            state, batch_no = "cached", -1
        elif blob_state != "present":
            state, batch_no = "missing", -1
        else:
            batch_no = pending // batch_size
            pending += 1
            state = "pending"
            batch_bytes[batch_no] = batch_bytes.get(batch_no, 0) + int(size)
        items.append({"rescan_id": rescan_id, "sha256": sha, "batch_no": batch_no, "state": state})
    for start in range(0, len(items), 5000):
        await conn.execute(rescan_items.insert(), items[start:start + 5000])
    if batch_bytes:
        await conn.execute(rescan_batches.insert(), [
            {"rescan_id": rescan_id, "batch_no": n, "state": "pending", "bytes": b} for n, b in batch_bytes.items()])
    inspections_total = await conn.scalar(sa.select(sa.func.count()).select_from(scope))
    await conn.execute(rescans.update().where(rescans.c.id == rescan_id).values(
        status="running", started_at=utcnow(), artifacts_total=len(items),
        artifacts_cached=sum(1 for i in items if i["state"] == "cached"),
        artifacts_missing=sum(1 for i in items if i["state"] == "missing"),
        inspections_total=int(inspections_total or 0)))
    return True


async def _open_batches(conn: AsyncConnection, rescan_id: str, now: datetime) -> list[tuple[int, str]]:
    rows = await conn.execute(
        sa.select(rescan_batches.c.batch_no, rescan_batches.c.state)
        .where(rescan_batches.c.rescan_id == rescan_id,
               sa.or_(rescan_batches.c.state == "pending",
                      sa.and_(rescan_batches.c.state == "running", rescan_batches.c.lease_until < now)))
        .order_by(rescan_batches.c.batch_no))
    return [(r[0], r[1]) for r in rows]


async def _claim_batch(conn: AsyncConnection, rescan_id: str, batch_no: int, owner: str,
                       lease: timedelta) -> list[tuple[str, str]] | None:
    now = utcnow()
    result = await conn.execute(
        rescan_batches.update()
        .where(rescan_batches.c.rescan_id == rescan_id, rescan_batches.c.batch_no == batch_no,
               sa.or_(rescan_batches.c.state == "pending",
                      sa.and_(rescan_batches.c.state == "running",
                              sa.or_(rescan_batches.c.lease_until < now, rescan_batches.c.owner == owner))))
        .values(state="running", owner=owner, lease_until=now + lease, attempts=rescan_batches.c.attempts + 1))
    if result.rowcount != 1:
        return None
    rows = await conn.execute(
        sa.select(rescan_items.c.sha256, payloads.c.type)
        .join(payloads, payloads.c.sha256 == rescan_items.c.sha256)
        .where(rescan_items.c.rescan_id == rescan_id, rescan_items.c.batch_no == batch_no,
               rescan_items.c.state == "pending")
        .order_by(rescan_items.c.sha256))
    return [(r[0], r[1]) for r in rows]


async def _complete_batch(conn: AsyncConnection, insert: Any, *, rescan_id: str, batch_no: int, owner: str,
                          ruleset_version: str, analyzer_version: str, results: Mapping[str, str],
                          missing: Iterable[str]) -> bool:
    missing = list(missing)
    claimed = await conn.execute(
        rescan_batches.update()
        .where(rescan_batches.c.rescan_id == rescan_id, rescan_batches.c.batch_no == batch_no,
               rescan_batches.c.owner == owner, rescan_batches.c.state == "running")
        .values(state="done", lease_until=None, scanned=len(results), missing=len(missing)))
    if claimed.rowcount != 1:
        return False
    now = utcnow()
    if results:
        await conn.execute(
            insert(analysis_cache).on_conflict_do_nothing(
                index_elements=[analysis_cache.c.sha256, analysis_cache.c.ruleset_version,
                                analysis_cache.c.analyzer_version]),
            [{"sha256": sha, "ruleset_version": ruleset_version, "analyzer_version": analyzer_version,
              "findings": findings, "created_at": now} for sha, findings in results.items()])
        await _set_items(conn, rescan_id, list(results), "scanned")
    if missing:
        await _set_items(conn, rescan_id, missing, "missing")
    return True


async def _set_items(conn: AsyncConnection, rescan_id: str, shas: list[str], state: str) -> None:
    for start in range(0, len(shas), 500):
        await conn.execute(
            rescan_items.update()
            .where(rescan_items.c.rescan_id == rescan_id, rescan_items.c.sha256.in_(shas[start:start + 500]),
                   rescan_items.c.state == "pending")
            .values(state=state, scans=rescan_items.c.scans + 1))


async def _progress(conn: AsyncConnection, rescan_id: str, row: Mapping[str, Any]) -> RescanProgress:
    """Counts from the rescan row and its batch rows (a few hundred), never from the items."""
    b = rescan_batches.c
    total, done, scanned, missing = (await conn.execute(
        sa.select(sa.func.count(), sa.func.count().filter(b.state == "done"), sa.func.sum(b.scanned),
                  sa.func.sum(b.missing)).where(b.rescan_id == rescan_id))).one()
    return RescanProgress(
        artifacts_total=row["artifacts_total"], artifacts_scanned=int(scanned or 0),
        artifacts_cached=row["artifacts_cached"], artifacts_missing=row["artifacts_missing"] + int(missing or 0),
        inspections_total=row["inspections_total"], inspections_done=row["inspections_done"],
        batches_total=int(total), batches_done=int(done or 0))


async def _load(conn: AsyncConnection, rescan_id: str, changes_limit: int = MAX_CHANGES_SHOWN) -> RescanInfo | None:
    row = (await conn.execute(sa.select(rescans).where(rescans.c.id == rescan_id))).mappings().first()
    if row is None:
        return None
    change_rows = (await conn.execute(
        sa.select(verdict_changes).where(verdict_changes.c.rescan_id == rescan_id)
        .order_by(verdict_changes.c.id).limit(max(0, changes_limit)))).mappings()
    return RescanInfo(
        id=row["id"], status=row["status"], ruleset_version=row["ruleset_version"], rule_count=row["rule_count"],
        analyzer_version=row["analyzer_version"], filters=RescanFilter.model_validate(row["filters"]),
        dry_run=row["dry_run"], refetch=row["refetch"], requested_by=row["requested_by"],
        created_at=row["created_at"], started_at=row["started_at"], finished_at=row["finished_at"],
        progress=await _progress(conn, rescan_id, row), changes_count=row["changes"],
        changes=[VerdictChange(**{k: c[k] for k in VerdictChange.model_fields}) for c in change_rows],
        error=row["error"], rescore_cursor=row["rescore_cursor"])
