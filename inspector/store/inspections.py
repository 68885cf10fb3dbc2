"""Inspections: their status, their current verdict with its payload tree, and the finished-inspection write path.

An inspection recorded before its verdict goes queued -> running -> done (or failed);
`save_completed` writes one that already has its verdict in a single transaction, shared
with other callers' (group commit, see group_commit.py; on SQLite the transaction runs on
the database's writer thread, see compiled_writes.py). The rows themselves are built in
inspection_rows.py, also for the verdicts a rescan changes.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from inspector.config import Settings
from inspector.model import Verdict
from inspector.redact import redact_text
from inspector.store import events, inspection_rows
from inspector.store.blobs import BlobStore
from inspector.store.compiled_writes import CompiledWrites
from inspector.store.database import Database
from inspector.store.errors import StoreError, UnknownInspection
from inspector.store.group_commit import GroupCommitter, WriterClosed
from inspector.store.inspection_rows import FinishedInspection, FinishedWrites
from inspector.store.payloads import PayloadRepository
from inspector.store.records import InspectionFilter, InspectionSummary, StoredInspection
from inspector.store.schema import (
    inspection_alerts,
    inspection_artifacts,
    inspection_fetches,
    inspections,
    utcnow,
    verdicts,
)

MAX_LIST_LIMIT = 1000
MAX_ERROR_DETAIL = 2000
MAX_INSPECTION_ID = 64
ACTIVE_STATUSES = ("queued", "running")
REDELIVERY_SWEEP_S = 10
ABANDONED = "abandoned"  # error kind of an inspection whose process died (reap_abandoned)


# Leases (see service/recovery.py): how long a queued or running row may go on before it counts
# as abandoned by a dead process.


def visibility_timeout(settings: Settings) -> float:
    """Seconds a broker keeps a task unacknowledged before delivering it again (its worker died)."""
    if settings.celery_visibility_timeout_s is not None:
        return settings.celery_visibility_timeout_s
    return settings.api_inspection_timeout_s + settings.inspection_lease_grace_s


def redelivery_sweep_s(settings: Settings) -> int:
    """How often a Redis broker's consumers look for tasks past the visibility timeout (at most 10 s)."""
    return int(max(1, min(REDELIVERY_SWEEP_S, visibility_timeout(settings) / 2)))


def running_lease(settings: Settings, now: datetime) -> datetime:
    """Until when a started inspection may run before it counts as abandoned.

    Past the deadline, the grace and one redelivery sweep: a broker gets to deliver a dead
    worker's task to another worker (which renews the lease) before the reaper gives up on it.
    """
    seconds = max(settings.api_inspection_timeout_s + settings.inspection_lease_grace_s, visibility_timeout(settings))
    return now + timedelta(seconds=seconds + redelivery_sweep_s(settings))


def queued_lease(settings: Settings, now: datetime) -> datetime:
    """Until when an inspection queued for the workers may wait to be started."""
    return now + timedelta(seconds=settings.inspection_queued_lease_s)


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains(column: sa.ColumnElement[Any], value: str) -> sa.ColumnElement[bool]:
    return sa.func.lower(column).like(f"%{_like_escape(value.lower())}%", escape="\\")


def _jsonable(value: object) -> Any:
    """Requests and contexts arrive as dicts or pydantic models; store them as plain JSON."""
    if value is None:
        return None
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")  # type: ignore[no-any-return, union-attr]
    return json.loads(json.dumps(value, default=str))


def _check_id(inspection_id: str) -> None:
    if not inspection_id or len(inspection_id) > MAX_INSPECTION_ID:
        raise StoreError(f"inspection id must be 1-{MAX_INSPECTION_ID} characters")


class InspectionRepository:
    def __init__(self, database: Database, payloads: PayloadRepository, settings: Settings,
                 writes: FinishedWrites) -> None:
        self.database = database
        self.payloads = payloads
        self.settings = settings
        self._writes = writes
        # Finished inspections of concurrent callers share transactions (group commit); started on first use.
        self._finished_writer: GroupCommitter[FinishedInspection, None] | None = None
        sqlite_writer = database.sqlite_writer
        self._compiled_writes = CompiledWrites(sqlite_writer.dialect) if sqlite_writer is not None else None

    async def close(self) -> None:
        """Commit the inspections still queued for the writer."""
        if self._finished_writer is not None:
            await self._finished_writer.close()

    # ------------------------------------------------------------------ one step at a time

    async def create(
        self,
        inspection_id: str,
        kind: str,
        redacted_request: object,
        context: dict[str, Any] | None,
        key_id: str | None,
        input_name: str | None = None,
        *,
        lease_expires_at: datetime | None = None,
    ) -> None:
        """Record a new inspection in status "queued". The request must already be redacted.

        `lease_expires_at`: when the row counts as abandoned if nothing has taken it further
        (see `reap_abandoned`); None never expires.
        """
        _check_id(inspection_id)
        now = utcnow()
        async with self.database.write() as conn:
            await conn.execute(
                inspections.insert().values(
                    id=inspection_id,
                    kind=kind[:32],
                    status="queued",
                    key_id=key_id,
                    input_name=input_name[:1024] if input_name else None,
                    request=_jsonable(redacted_request),
                    context=_jsonable(context),
                    created_at=now,
                    updated_at=now,
                    lease_expires_at=lease_expires_at,
                )
            )

    async def mark_running(self, inspection_id: str, *, lease_expires_at: datetime | None = None) -> bool:
        """Start (or start again, after a redelivery) a queued or running inspection.

        Returns False, changing nothing, when the inspection already ended (done or failed): a
        redelivered task has nothing left to do. The lease is renewed and `attempts` counted.
        """
        return await self._transition(
            inspection_id, ACTIVE_STATUSES, status="running", lease_expires_at=lease_expires_at,
            attempts=inspections.c.attempts + 1)

    async def mark_failed(self, inspection_id: str, kind: str, detail: str) -> bool:
        """Record why a queued or running inspection ended without a verdict.

        Returns False, changing nothing, when it already ended: a failure never replaces a
        verdict, nor an earlier failure.
        """
        return await self._transition(
            inspection_id, ACTIVE_STATUSES,
            status="failed",
            error_kind=kind[:64],
            error_detail=redact_text(detail)[:MAX_ERROR_DETAIL],
            lease_expires_at=None,
        )

    async def _transition(self, inspection_id: str, from_statuses: Sequence[str], **values: Any) -> bool:
        """UPDATE guarded by the current status, so concurrent or repeated steps never regress it."""
        async with self.database.write() as conn:
            result = await conn.execute(
                inspections.update()
                .where(inspections.c.id == inspection_id, inspections.c.status.in_(from_statuses))
                .values(updated_at=utcnow(), **values)
            )
            if result.rowcount == 1:
                return True
            known = await conn.scalar(sa.select(inspections.c.id).where(inspections.c.id == inspection_id))
        if known is None:
            raise UnknownInspection(f"no inspection {inspection_id!r}")
        return False

    async def reap_abandoned(self, now: datetime, *, limit: int = 500) -> list[str]:
        """Mark failed (kind `abandoned`) the queued or running inspections whose lease passed by `now`.

        Their process died (kill -9, a lost host or broker message): nothing else would ever
        end them. Returns the ids marked, at most `limit` per call.
        """
        async with self.database.write() as conn:
            expired = list((await conn.scalars(
                sa.select(inspections.c.id)
                .where(inspections.c.status.in_(ACTIVE_STATUSES), inspections.c.lease_expires_at < now)
                .order_by(inspections.c.lease_expires_at)
                .limit(limit)
            )).all())
            if not expired:
                return []
            # Guarded again: a row finished between the select and here keeps its outcome.
            await conn.execute(
                inspections.update()
                .where(inspections.c.id.in_(expired), inspections.c.status.in_(ACTIVE_STATUSES),
                       inspections.c.lease_expires_at < now)
                .values(status="failed", updated_at=utcnow(), lease_expires_at=None, error_kind=ABANDONED,
                        error_detail="the process running the inspection stopped before it finished")
            )
        return expired

    async def save_verdict(self, inspection_id: str, verdict: Verdict, blobs: Mapping[str, bytes]) -> bool:
        """Store the verdict, its payload tree and the payload bytes; the inspection becomes "done".

        Returns False, storing nothing, when the inspection is done already (a task run twice).
        A failed one (e.g. marked abandoned while its worker was only slow) takes the verdict.

        Blobs are written first: they are content-addressed, so a failure afterwards leaves at
        most an unreferenced file that retention removes, never a row pointing at nothing.
        """
        await self.payloads.put_bytes(blobs)
        async with self.database.write() as conn:
            # Claims the row (a row lock on PostgreSQL) unless it is done already: a rerun after
            # a redelivery stores nothing twice.
            claimed = await conn.execute(
                inspections.update()
                .where(inspections.c.id == inspection_id, inspections.c.status != "done")
                .values(lease_expires_at=None)
            )
            if claimed.rowcount != 1:
                exists = await conn.scalar(sa.select(inspections.c.id).where(inspections.c.id == inspection_id))
                if exists is None:
                    raise UnknownInspection(f"no inspection {inspection_id!r}")
                return False
            await inspection_rows.save_tree(conn, self._writes, inspection_id, verdict, blobs.keys())
            await inspection_rows.record_verdict(conn, inspection_id, verdict, cause="inspection", status="done")
            event = inspection_rows.new_verdict_event(inspection_id, verdict)
            if self.settings.events_on_new_verdicts and event is not None:
                await events.append_events(conn, [event])
        return True

    # ------------------------------------------------------------------ finished in one write

    async def save_completed(
        self,
        inspection_id: str,
        kind: str,
        redacted_request: object,
        context: dict[str, Any] | None,
        key_id: str | None,
        input_name: str | None,
        verdict: Verdict,
        blobs: Mapping[str, bytes],
        *,
        verdict_json: str | None = None,
    ) -> None:
        """Record an inspection that already has its verdict: row, verdict, payload tree and bytes at once.

        The rows of `create` followed by `save_verdict` (status "done") in one transaction
        instead of two; with `store_group_commit` (the default) that transaction also carries
        other callers' inspections. Returns once they are committed, so an answer built on it
        may say the verdict is stored; a caller cancelled while waiting does not withdraw the
        write. The request must already be redacted. Raises StoreError for a malformed or
        already recorded id, BlobError for bytes that do not match their key.
        `verdict_json`: `verdict.model_dump_json()` when the caller has it already.
        """
        _check_id(inspection_id)
        item = FinishedInspection.build(
            inspection_id=inspection_id, kind=kind, request=_jsonable(redacted_request), context=_jsonable(context),
            key_id=key_id, input_name=input_name, verdict=verdict, blobs=blobs, now=utcnow(),
            with_event=self.settings.events_on_new_verdicts, verdict_json=verdict_json,
        )
        write = asyncio.ensure_future(self._store_finished(item))
        write.add_done_callback(_consume_exception)
        await asyncio.shield(write)

    async def _store_finished(self, item: FinishedInspection) -> None:
        try:
            if self.settings.store_group_commit:
                await self._writer().submit(item)
            else:
                await self._commit_finished([item])
        except WriterClosed:
            raise StoreError("the store is closed") from None
        except sa.exc.IntegrityError as exc:
            async with self.database.read() as conn:
                known = await conn.scalar(sa.select(inspections.c.id).where(inspections.c.id == item.inspection_id))
            if known is not None:
                raise StoreError(f"inspection {item.inspection_id!r} is already recorded") from exc
            raise

    def _writer(self) -> GroupCommitter[FinishedInspection, None]:
        if self._finished_writer is None:
            self._finished_writer = GroupCommitter(
                self._commit_finished,
                max_batch=self.settings.store_write_batch,
                max_queue=self.settings.store_write_queue,
                retry_alone=inspection_rows.is_item_error,
                name="inspection writer",
            )
        return self._finished_writer

    @property
    def write_batches(self) -> tuple[int, int, int]:
        """Group-commit figures of this process: (transactions, inspections, largest batch)."""
        w = self._finished_writer
        return (w.batches, w.items, w.largest_batch) if w is not None else (0, 0, 0)

    async def _commit_finished(self, items: Sequence[FinishedInspection]) -> list[None]:
        """One write transaction for `items` (a group-commit batch, or one item without it).

        The payload bytes go first, as in save_verdict: a failure after them leaves an
        unreferenced blob, never a row without its bytes.
        """
        on_thread = self.database.has_writer_thread
        if not on_thread or not isinstance(self.payloads.blobs, BlobStore):  # a folder is written on the thread
            await self.payloads.put_bytes(inspection_rows.blobs_of(items))
        if on_thread:
            await self.database.run_on_writer_thread(self._commit_finished_sync, items)
        else:
            async with self.database.write() as conn:
                await conn.run_sync(inspection_rows.insert_finished, self._writes, items)
        return [None] * len(items)

    def _commit_finished_sync(self, items: Sequence[FinishedInspection]) -> None:
        """`_commit_finished` on the SQLite writer thread: bytes and transaction without leaving it,
        the statements compiled once and run on the driver (see compiled_writes.py)."""
        sqlite_writer = self.database.sqlite_writer
        assert sqlite_writer is not None and self._compiled_writes is not None
        blobs = self.payloads.blobs
        if isinstance(blobs, BlobStore):
            blobs.put_many_sync(inspection_rows.blobs_of(items))
        connection = sqlite_writer.raw_connection()
        try:
            self._compiled_writes.run_transaction(connection.driver_connection, self._writes.plan(items))
        finally:
            connection.close()  # back to the engine's pool

    # ------------------------------------------------------------------ reads

    async def get(self, inspection_id: str) -> StoredInspection | None:
        async with self.database.read() as conn:
            row = (
                await conn.execute(
                    sa.select(inspections, verdicts.c.body)
                    .select_from(inspections.outerjoin(verdicts, verdicts.c.id == inspections.c.current_verdict_id))
                    .where(inspections.c.id == inspection_id)
                )
            ).mappings().first()
        if row is None:
            return None
        error = f"{row['error_kind']}: {row['error_detail']}" if row["error_kind"] else None
        return StoredInspection(
            id=row["id"],
            kind=row["kind"],
            status=row["status"],
            key_id=row["key_id"],
            input_name=row["input_name"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            verdict=Verdict.model_validate_json(row["body"]) if row["body"] else None,
            error=error,
            error_kind=row["error_kind"],
        )

    async def stored_request(self, inspection_id: str) -> Any:
        """The stored (already redacted) request of an inspection, as plain JSON; None when unknown."""
        async with self.database.read() as conn:
            return await conn.scalar(sa.select(inspections.c.request).where(inspections.c.id == inspection_id))

    async def search(
        self, f: InspectionFilter, limit: int = 50, before: str | None = None
    ) -> list[InspectionSummary]:
        """Newest first. `before` is the id of the last row of the previous page (keyset paging)."""
        limit = max(1, min(limit, MAX_LIST_LIMIT))
        i = inspections
        query = sa.select(i)
        if f.verdict is not None:
            query = query.where(i.c.verdict == f.verdict.value)
        if f.kind is not None:
            query = query.where(i.c.kind == f.kind)
        if f.status is not None:
            query = query.where(i.c.status == f.status)
        if f.since is not None:
            query = query.where(i.c.created_at >= f.since)
        if f.until is not None:
            query = query.where(i.c.created_at < f.until)
        if f.file_name:
            query = query.where(_contains(i.c.input_name, f.file_name))
        if f.alert_type is not None:
            query = query.where(
                sa.exists().where(
                    inspection_alerts.c.inspection_id == i.c.id, inspection_alerts.c.alert_type == f.alert_type
                )
            )
        if f.sha256 is not None:
            query = query.where(
                sa.exists().where(
                    inspection_artifacts.c.inspection_id == i.c.id,
                    inspection_artifacts.c.sha256 == f.sha256.lower(),
                )
            )
        if f.url:
            query = query.where(
                sa.or_(
                    sa.exists().where(
                        inspection_artifacts.c.inspection_id == i.c.id, _contains(inspection_artifacts.c.url, f.url)
                    ),
                    sa.exists().where(
                        inspection_fetches.c.inspection_id == i.c.id,
                        sa.or_(_contains(inspection_fetches.c.url, f.url), _contains(inspection_fetches.c.final_url, f.url)),
                    ),
                )
            )
        async with self.database.read() as conn:
            if before is not None:
                anchor = await conn.scalar(sa.select(i.c.created_at).where(i.c.id == before))
                if anchor is None:
                    raise StoreError(f"unknown pagination cursor {before[:80]!r}")
                query = query.where(
                    sa.or_(i.c.created_at < anchor, sa.and_(i.c.created_at == anchor, i.c.id < before))
                )
            query = query.order_by(i.c.created_at.desc(), i.c.id.desc()).limit(limit)
            rows = (await conn.execute(query)).mappings().all()
            alerts: dict[str, list[str]] = {}
            if rows:
                alert_rows = await conn.execute(
                    sa.select(inspection_alerts.c.inspection_id, inspection_alerts.c.alert_type)
                    .where(inspection_alerts.c.inspection_id.in_([r["id"] for r in rows]))
                    .order_by(inspection_alerts.c.alert_type)
                )
                for inspection_id, alert_type in alert_rows:
                    alerts.setdefault(inspection_id, []).append(alert_type)
        return [
            InspectionSummary(
                id=r["id"],
                kind=r["kind"],
                status=r["status"],
                key_id=r["key_id"],
                input_name=r["input_name"],
                created_at=r["created_at"],
                updated_at=r["updated_at"],
                verdict=r["verdict"],
                score=r["score"],
                severity=r["severity"],
                ruleset_version=r["ruleset_version"],
                alert_types=alerts.get(r["id"], []),
            )
            for r in rows
        ]


def _consume_exception(task: asyncio.Future[None]) -> None:
    """A caller cancelled while its write went on never reads the write's error; mark it seen."""
    if not task.cancelled():
        task.exception()
