"""The Store: inspections, verdict history, content-addressed payloads, API keys.

One code path for SQLite and PostgreSQL (SQLAlchemy Core on an async engine). Opening a
store brings the schema to the newest migration. Payload bytes live in a BlobStore; the
database holds metadata only.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import secrets
from collections.abc import AsyncIterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from inspector.config import Settings
from inspector.model import ArtifactType, CachedTree, Finding, Verdict
from inspector.redact import redact_text
from inspector.store import database, outbox, rescan_queries
from inspector.store import inspection_rows
from inspector.store.blob_backends import BlobBackend, open_blob_backend
from inspector.store.blobs import BlobStore, check_sha256
from inspector.store.compiled_writes import CompiledWrites
from inspector.store.group_commit import GroupCommitter, WriterClosed
from inspector.store.inspection_rows import FinishedInspection, FinishedWrites
from inspector.store.tree_memo import TreeMemo
from inspector.store.records import (
    ROLES,
    ApiKeyInfo,
    CacheStats,
    EventRecord,
    InspectionFilter,
    InspectionSummary,
    PayloadInfo,
    PayloadVerdict,
    RescanFilter,
    RescanInfo,
    RetentionReport,
    Role,
    StoredInspection,
)
from inspector.store.schema import (
    analysis_cache,
    analysis_trees,
    api_keys,
    event_cursors,
    events,
    inspection_alerts,
    inspection_artifacts,
    inspection_fetches,
    inspections,
    payloads,
    rescan_locks,
    rescans,
    utcnow,
    verdict_changes,
    verdicts,
)

KEY_PREFIX = "pi"
# Writing last_used_at on every request would turn each read into a write; minute precision is plenty.
LAST_USED_RESOLUTION = timedelta(seconds=60)
MAX_LIST_LIMIT = 1000
MAX_ERROR_DETAIL = 2000
MAX_PAYLOAD_INSPECTIONS = 200
MAX_TREE_KEY = 64


class StoreError(Exception):
    """A store operation was asked something impossible (unknown inspection, bad argument)."""


class UnknownInspection(StoreError, LookupError):
    pass


def _hash_secret(secret: str) -> str:
    # Secrets are 256-bit random tokens, so a plain sha256 is not brute-forceable; no salt needed.
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


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


class Store:
    def __init__(self, engine: AsyncEngine, blobs: BlobBackend, settings: Settings,
                 sqlite_writer: Engine | None = None) -> None:
        self.engine = engine
        self.blobs = blobs
        self.settings = settings
        self.dialect = engine.dialect.name
        self._cache_stats = CacheStats()
        # Finished inspections of concurrent callers share transactions (group commit); started on first use.
        self._finished_writer: GroupCommitter[FinishedInspection, None] | None = None
        # SQLite: finished inspections are written by one thread that owns a plain connection, so a
        # transaction is one hop to that thread instead of one per statement (see database.py).
        self._sqlite_writer = sqlite_writer
        self._writer_thread = (ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
                               if sqlite_writer is not None else None)
        self._finished_writes = FinishedWrites(self._insert)
        # Hot analysed trees, so a payload submitted again and again is not read from the database
        # each time (see tree_memo.py).
        self._tree_memo = TreeMemo(settings.analysis_cache_memory_entries, settings.analysis_cache_memory_bytes,
                                   settings.analysis_cache_memory_ttl_s)
        self._compiled_writes = CompiledWrites(sqlite_writer.dialect) if sqlite_writer is not None else None

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    async def open(cls, settings: Settings, *, migrate: bool = True) -> Store:
        engine = database.create_engine(settings)
        try:
            if migrate:
                await database.upgrade(engine, settings)
            blobs = open_blob_backend(settings, engine, database.database_url(settings))
        except BaseException:
            await engine.dispose()
            raise
        return cls(engine, blobs, settings, database.create_sqlite_writer_engine(settings))

    async def close(self) -> None:
        """Commit the inspections still queued for the writer, then let go of the database."""
        if self._finished_writer is not None:
            await self._finished_writer.close()
        thread, self._writer_thread = self._writer_thread, None  # close() may be called again
        if thread is not None and self._sqlite_writer is not None:
            await asyncio.get_running_loop().run_in_executor(thread, self._sqlite_writer.dispose)
            thread.shutdown(wait=True)
        self.blobs.close()
        await self.engine.dispose()

    async def ping(self) -> bool:
        """True when the database answers (readiness probes)."""
        try:
            async with self.engine.connect() as conn:
                await conn.execute(sa.text("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001 - any failure means "not ready"
            return False

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[AsyncConnection]:
        """A write transaction (BEGIN IMMEDIATE on SQLite, see database.py)."""
        async with self.engine.connect() as conn:
            conn = await conn.execution_options(write=True)
            async with conn.begin():
                yield conn

    @asynccontextmanager
    async def _read(self) -> AsyncIterator[AsyncConnection]:
        async with self.engine.connect() as conn:
            async with conn.begin():
                yield conn

    def _insert(self, table: sa.Table) -> Any:
        """INSERT with ON CONFLICT support (both dialects spell it the same way in SQLAlchemy)."""
        return postgresql.insert(table) if self.dialect == "postgresql" else sqlite.insert(table)

    # ------------------------------------------------------------------ API keys

    async def create_key(self, role: Role, name: str | None = None) -> tuple[ApiKeyInfo, str]:
        """A new key; the secret is returned once and only its hash is kept."""
        if role not in ROLES:
            raise StoreError(f"unknown role {role!r}; expected one of {', '.join(ROLES)}")
        if name is not None and len(name) > 200:
            raise StoreError("key name longer than 200 characters")
        key_id = secrets.token_hex(6)
        secret = f"{KEY_PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
        now = utcnow()
        async with self._write() as conn:
            await conn.execute(
                api_keys.insert().values(
                    id=key_id, secret_hash=_hash_secret(secret), role=role, name=name, created_at=now
                )
            )
        return ApiKeyInfo(id=key_id, role=role, name=name, created_at=now), secret

    async def authenticate(self, secret: str) -> ApiKeyInfo | None:
        """The key a secret belongs to, or None for unknown, malformed or revoked secrets."""
        prefix, _, rest = secret.partition("_")
        key_id, _, _token = rest.partition("_")
        if prefix != KEY_PREFIX or not key_id or len(secret) > 200:
            return None
        async with self._read() as conn:
            row = (await conn.execute(sa.select(api_keys).where(api_keys.c.id == key_id))).mappings().first()
        # Compare even when the id is unknown so timing does not reveal which ids exist.
        expected = row["secret_hash"] if row else "0" * 64
        if not hmac.compare_digest(expected, _hash_secret(secret)) or row is None or row["revoked_at"]:
            return None
        info = self._key_info(row)
        now = utcnow()
        if info.last_used_at is None or now - info.last_used_at >= LAST_USED_RESOLUTION:
            async with self._write() as conn:
                await conn.execute(api_keys.update().where(api_keys.c.id == key_id).values(last_used_at=now))
            info = info.model_copy(update={"last_used_at": now})
        return info

    async def list_keys(self) -> list[ApiKeyInfo]:
        async with self._read() as conn:
            rows = (await conn.execute(sa.select(api_keys).order_by(api_keys.c.created_at, api_keys.c.id))).mappings()
            return [self._key_info(row) for row in rows]

    async def revoke_key(self, key_id: str) -> bool:
        """Revoke a key; False when it does not exist or was already revoked."""
        async with self._write() as conn:
            result = await conn.execute(
                api_keys.update()
                .where(api_keys.c.id == key_id, api_keys.c.revoked_at.is_(None))
                .values(revoked_at=utcnow())
            )
        return result.rowcount == 1

    async def count_keys(self) -> int:
        """Active (unrevoked) keys: zero means the service still needs its first admin key."""
        async with self._read() as conn:
            count = await conn.scalar(
                sa.select(sa.func.count()).select_from(api_keys).where(api_keys.c.revoked_at.is_(None))
            )
        return int(count or 0)

    @staticmethod
    def _key_info(row: Mapping[str, Any]) -> ApiKeyInfo:
        return ApiKeyInfo(
            id=row["id"],
            role=row["role"],
            name=row["name"],
            created_at=row["created_at"],
            revoked_at=row["revoked_at"],
            last_used_at=row["last_used_at"],
        )

    # ------------------------------------------------------------------ inspections

    async def create_inspection(
        self,
        inspection_id: str,
        kind: str,
        redacted_request: object,
        context: dict[str, Any] | None,
        key_id: str | None,
        input_name: str | None = None,
    ) -> None:
        """Record a new inspection in status "queued". The request must already be redacted."""
        if not inspection_id or len(inspection_id) > 64:
            raise StoreError("inspection id must be 1-64 characters")
        now = utcnow()
        async with self._write() as conn:
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
                )
            )

    async def mark_running(self, inspection_id: str) -> None:
        await self._set_status(inspection_id, status="running")

    async def mark_failed(self, inspection_id: str, kind: str, detail: str) -> None:
        await self._set_status(
            inspection_id,
            status="failed",
            error_kind=kind[:64],
            error_detail=redact_text(detail)[:MAX_ERROR_DETAIL],
        )

    async def _set_status(self, inspection_id: str, **values: Any) -> None:
        async with self._write() as conn:
            result = await conn.execute(
                inspections.update().where(inspections.c.id == inspection_id).values(updated_at=utcnow(), **values)
            )
        if result.rowcount != 1:
            raise UnknownInspection(f"no inspection {inspection_id!r}")

    async def save_verdict(self, inspection_id: str, verdict: Verdict, blobs: Mapping[str, bytes]) -> None:
        """Store the verdict, its payload tree and the payload bytes; the inspection becomes "done".

        Blobs are written first: they are content-addressed, so a failure afterwards leaves at
        most an unreferenced file that retention removes, never a row pointing at nothing.
        """
        await self._put_blobs(blobs)
        async with self._write() as conn:
            exists = await conn.scalar(sa.select(inspections.c.id).where(inspections.c.id == inspection_id))
            if exists is None:
                raise UnknownInspection(f"no inspection {inspection_id!r}")
            await self._save_tree(conn, inspection_id, verdict, blobs.keys())
            await self._record_verdict(conn, inspection_id, verdict, cause="inspection", status="done")
            event = inspection_rows.new_verdict_event(inspection_id, verdict)
            if self.settings.events_on_new_verdicts and event is not None:
                await outbox.append_events(conn, [event])

    async def save_completed_inspection(
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

        The rows of `create_inspection` followed by `save_verdict` (status "done") in one
        transaction instead of two; with `store_group_commit` (the default) that transaction
        also carries other callers' inspections. Returns once they are committed, so an answer
        built on it may say the verdict is stored; a caller cancelled while waiting does not
        withdraw the write. The request must already be redacted. Raises StoreError for a
        malformed or already recorded id, BlobError for bytes that do not match their key.
        `verdict_json`: `verdict.model_dump_json()` when the caller has it already.
        """
        if not inspection_id or len(inspection_id) > 64:
            raise StoreError("inspection id must be 1-64 characters")
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
            async with self._read() as conn:
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
        thread = self._writer_thread
        if thread is None or not isinstance(self.blobs, BlobStore):  # a folder is written on the thread
            await self._put_blobs(inspection_rows.blobs_of(items))
        if thread is not None:
            await asyncio.get_running_loop().run_in_executor(thread, self._commit_finished_sync, items)
        else:
            async with self._write() as conn:
                await conn.run_sync(inspection_rows.insert_finished, self._finished_writes, items)
        return [None] * len(items)

    def _commit_finished_sync(self, items: Sequence[FinishedInspection]) -> None:
        """`_commit_finished` on the SQLite writer thread: bytes and transaction without leaving it,
        the statements compiled once and run on the driver (see compiled_writes.py)."""
        assert self._sqlite_writer is not None and self._compiled_writes is not None
        if isinstance(self.blobs, BlobStore):
            self.blobs.put_many_sync(inspection_rows.blobs_of(items))
        connection = self._sqlite_writer.raw_connection()
        try:
            self._compiled_writes.run_transaction(connection.driver_connection, self._finished_writes.plan(items))
        finally:
            connection.close()  # back to the engine's pool

    async def _put_blobs(self, blobs: Mapping[str, bytes]) -> None:
        """An inspection's payload bytes; the local folder takes a whole tree in one thread hop."""
        if isinstance(self.blobs, BlobStore):
            await self.blobs.put_many(blobs)
            return
        for sha256, data in blobs.items():
            await self.blobs.put(sha256, data)

    async def _save_tree(
        self, conn: AsyncConnection, inspection_id: str, verdict: Verdict, stored: Any
    ) -> None:
        rows = inspection_rows.payload_rows(verdict, stored, utcnow())
        if rows:
            await conn.execute(self._finished_writes.upsert_payloads, rows)
        # Saving again (a retried task) replaces the tree rather than duplicating it.
        for table in (inspection_artifacts, inspection_fetches):
            await conn.execute(table.delete().where(table.c.inspection_id == inspection_id))
        for table, rows in ((inspection_artifacts, inspection_rows.artifact_rows(inspection_id, verdict)),
                            (inspection_fetches, inspection_rows.fetch_rows(inspection_id, verdict))):
            if rows:
                await conn.execute(table.insert(), rows)

    async def _record_verdict(
        self, conn: AsyncConnection, inspection_id: str, verdict: Verdict, *, cause: str, status: str
    ) -> int:
        """Append a verdict row and make it the inspection's current verdict."""
        now = utcnow()
        verdict_id = await conn.scalar(
            verdicts.insert()
            .values(
                inspection_id=inspection_id,
                ruleset_version=verdict.signatures.version,
                verdict=verdict.verdict.value,
                score=verdict.score,
                severity=verdict.severity,
                cause=cause,
                body=verdict.model_dump_json(),
                created_at=now,
            )
            .returning(verdicts.c.id)
        )
        await conn.execute(
            inspections.update()
            .where(inspections.c.id == inspection_id)
            .values(
                status=status,
                updated_at=now,
                verdict=verdict.verdict.value,
                score=verdict.score,
                severity=verdict.severity,
                ruleset_version=verdict.signatures.version,
                current_verdict_id=verdict_id,
                error_kind=None,
                error_detail=None,
            )
        )
        await conn.execute(inspection_alerts.delete().where(inspection_alerts.c.inspection_id == inspection_id))
        alert_types = sorted({a.alertType for a in verdict.alerts})
        if alert_types:
            await conn.execute(
                inspection_alerts.insert(),
                [{"inspection_id": inspection_id, "alert_type": t} for t in alert_types],
            )
        return int(verdict_id)

    async def get_inspection(self, inspection_id: str) -> StoredInspection | None:
        async with self._read() as conn:
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

    async def list_inspections(
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
        async with self._read() as conn:
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

    # ------------------------------------------------------------------ payloads

    async def get_payload(self, sha256: str) -> PayloadInfo | None:
        sha256 = sha256.lower()
        async with self._read() as conn:
            row = (await conn.execute(sa.select(payloads).where(payloads.c.sha256 == sha256))).mappings().first()
            if row is None:
                return None
            ids = (
                await conn.execute(
                    sa.select(inspections.c.id)
                    .where(
                        inspections.c.id.in_(
                            sa.select(inspection_artifacts.c.inspection_id).where(inspection_artifacts.c.sha256 == sha256)
                        )
                    )
                    .order_by(inspections.c.created_at.desc(), inspections.c.id.desc())
                    .limit(MAX_PAYLOAD_INSPECTIONS)
                )
            ).scalars().all()
            verdict_rows = await conn.execute(
                sa.select(
                    verdicts.c.ruleset_version,
                    verdicts.c.inspection_id,
                    verdicts.c.verdict,
                    verdicts.c.score,
                    verdicts.c.created_at,
                )
                .where(verdicts.c.inspection_id.in_(ids))
                .order_by(verdicts.c.id.desc())
            )
            latest: dict[str, PayloadVerdict] = {}
            for v in verdict_rows.mappings():
                if v["ruleset_version"] not in latest:
                    latest[v["ruleset_version"]] = PayloadVerdict(**v)
        return PayloadInfo(
            sha256=row["sha256"],
            size=row["size"],
            type=ArtifactType(row["type"]) if row["type"] in ArtifactType._value2member_map_ else ArtifactType.UNKNOWN,
            first_seen=row["first_seen"],
            last_seen=row["last_seen"],
            blob_available=row["blob_state"] == "present",
            expired=row["blob_state"] == "expired",
            inspections=list(ids),
            verdicts=list(latest.values()),
        )

    async def get_blob(self, sha256: str) -> bytes | None:
        return await self.blobs.get(check_sha256(sha256.lower()))

    # ------------------------------------------------------------------ analysis cache

    @property
    def cache_stats(self) -> CacheStats:
        """Hits and misses of this process's cache lookups (the API exports them as metrics)."""
        return self._cache_stats.model_copy()

    async def get_cached_analysis(self, sha256: str, ruleset_version: str, analyzer_version: str) -> list[Finding] | None:
        """Findings of an artifact analysed before with the same rules and analyzers, else None."""
        if not self.settings.analysis_cache:
            return None
        async with self._read() as conn:
            found = await rescan_queries.cached_findings(conn, [sha256], ruleset_version, analyzer_version)
        if sha256 in found:
            self._cache_stats.hits += 1
            return [Finding.model_validate(f) for f in found[sha256]]
        self._cache_stats.misses += 1
        return None

    async def put_cached_analysis(
        self, sha256: str, ruleset_version: str, analyzer_version: str, findings: list[Finding]
    ) -> None:
        """Remember an artifact's findings; the first result for a key wins (analysis is deterministic)."""
        if not self.settings.analysis_cache:
            return
        body = json.dumps([f.model_dump(mode="json") for f in findings])
        async with self._write() as conn:
            await conn.execute(
                self._insert(analysis_cache)
                .values(sha256=check_sha256(sha256), ruleset_version=ruleset_version,
                        analyzer_version=analyzer_version, findings=body, created_at=utcnow())
                .on_conflict_do_nothing(index_elements=[analysis_cache.c.sha256, analysis_cache.c.ruleset_version,
                                                        analysis_cache.c.analyzer_version])
            )

    # Whole trees for the live inspection path (it implements analysis.tree_cache.AnalysisCache).

    async def get_tree(self, root_sha256: str, key: str) -> CachedTree | None:
        """The analysed tree of a root payload under the same analysis key, else None (a miss)."""
        if not self.settings.analysis_cache:
            return None
        memo_key = (root_sha256.lower(), key)
        body = self._tree_memo.get(memo_key)
        if body is None:
            async with self._read() as conn:
                body = await conn.scalar(sa.select(analysis_trees.c.tree).where(
                    analysis_trees.c.root_sha256 == memo_key[0], analysis_trees.c.key == key))
            if body is None:
                self._cache_stats.misses += 1
                return None
            self._tree_memo.put(memo_key, body)
        self._cache_stats.hits += 1
        return CachedTree.model_validate_json(body)  # a fresh tree each time: callers may change it

    async def put_tree(self, root_sha256: str, key: str, tree: CachedTree) -> None:
        """Remember an analysed tree; the first one for a (root, key) wins (analysis is deterministic)."""
        if not self.settings.analysis_cache:
            return
        if len(key) > MAX_TREE_KEY:
            raise StoreError(f"an analysis key is at most {MAX_TREE_KEY} characters")
        body = tree.model_dump_json()
        async with self._write() as conn:
            result = await conn.execute(
                self._insert(analysis_trees)
                .values(root_sha256=check_sha256(root_sha256.lower()), key=key, tree=body, created_at=utcnow())
                .on_conflict_do_nothing(index_elements=[analysis_trees.c.root_sha256, analysis_trees.c.key])
            )
        if result.rowcount == 1:  # ours is the stored one (the first wins)
            self._tree_memo.put((root_sha256.lower(), key), body)

    async def _drop_expired_trees(self, expired: list[str]) -> int:
        """Trees rooted at payloads whose bytes retention removed: a cached tree must not outlive them,
        so a payload seen again after expiry is analysed (and its bytes stored) afresh."""
        self._tree_memo.clear()
        removed = 0
        for start in range(0, len(expired), 500):
            async with self._write() as conn:
                result = await conn.execute(analysis_trees.delete().where(
                    analysis_trees.c.root_sha256.in_(expired[start:start + 500])))
                removed += result.rowcount or 0
        return removed

    # ------------------------------------------------------------------ events

    async def list_events(self, after: str | int | None = None, limit: int = 100) -> list[EventRecord]:
        """Events after a cursor (the `cursor` of the last event seen), oldest first."""
        try:
            start = outbox.parse_cursor(after)
        except ValueError as exc:
            raise StoreError(str(exc)) from None
        async with self._read() as conn:
            return await outbox.read_events(conn, start, limit)

    async def claim_sink(self, sink: str, owner: str, lease: timedelta) -> int | None:
        async with self._write() as conn:
            return await outbox.claim_sink(conn, sink, owner, lease, self._insert)

    async def advance_sink(self, sink: str, owner: str, seq: int) -> bool:
        async with self._write() as conn:
            return await outbox.advance_sink(conn, sink, owner, seq)

    async def sink_failed(self, sink: str, owner: str, error: str) -> int:
        async with self._write() as conn:
            return await outbox.sink_failed(conn, sink, owner, error)

    async def release_sink(self, sink: str, owner: str) -> None:
        async with self._write() as conn:
            await outbox.release_sink(conn, sink, owner)

    async def events_pending(self, sinks: list[str]) -> dict[str, int]:
        """Per sink name: events written and not yet delivered (a sink never claimed has all pending)."""
        if not sinks:
            return {}
        async with self._read() as conn:
            delivered = {row.sink: row.delivered_seq for row in await conn.execute(
                sa.select(event_cursors.c.sink, event_cursors.c.delivered_seq)
                .where(event_cursors.c.sink.in_(sinks)))}
            pending: dict[str, int] = {}
            for sink in sinks:
                pending[sink] = int(await conn.scalar(
                    sa.select(sa.func.count()).select_from(events)
                    .where(events.c.seq > delivered.get(sink, 0))) or 0)
        return pending

    # ------------------------------------------------------------------ rescans

    async def rescan_status_counts(self) -> dict[str, int]:
        """How many rescans are in each status (queued, running, done, failed); absent statuses count 0."""
        async with self._read() as conn:
            rows = (await conn.execute(sa.select(rescans.c.status, sa.func.count().label("n"))
                                       .group_by(rescans.c.status))).all()
        counts = dict.fromkeys(("queued", "running", "done", "failed"), 0)
        counts.update({row.status: int(row.n) for row in rows})
        return counts

    async def create_rescan(
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
        async with self._write() as conn:
            await rescan_queries.insert_rescan(
                conn, rescan_id=rescan_id, ruleset_version=ruleset_version, rule_count=rule_count,
                analyzer_version=analyzer_version,
                filters=filters or RescanFilter(), dry_run=dry_run, refetch=refetch, requested_by=requested_by)
        info = await self.get_rescan(rescan_id)
        assert info is not None
        return info

    async def get_rescan(self, rescan_id: str, changes_limit: int = rescan_queries.MAX_CHANGES_SHOWN) -> RescanInfo | None:
        async with self._read() as conn:
            return await rescan_queries.load(conn, rescan_id, changes_limit)

    async def list_rescans(self, limit: int = 50) -> list[RescanInfo]:
        async with self._read() as conn:
            ids = (await conn.execute(sa.select(rescans.c.id).order_by(rescans.c.created_at.desc())
                                      .limit(max(1, min(limit, MAX_LIST_LIMIT))))).scalars().all()
            return [r for i in ids if (r := await rescan_queries.load(conn, i, 0)) is not None]

    async def unfinished_rescan(self, ruleset_version: str) -> str | None:
        """The id of the rescan holding this ruleset version's lock, if any."""
        async with self._read() as conn:
            return await conn.scalar(sa.select(rescan_locks.c.rescan_id)
                                     .where(rescan_locks.c.ruleset_version == ruleset_version))

    async def plan_rescan(self, rescan_id: str) -> bool:
        async with self._write() as conn:
            return await rescan_queries.plan(conn, rescan_id, self.settings.rescan_batch_size)

    async def open_rescan_batches(self, rescan_id: str) -> list[tuple[int, str]]:
        async with self._read() as conn:
            return await rescan_queries.open_batches(conn, rescan_id, utcnow())

    async def claim_rescan_batch(
        self, rescan_id: str, batch_no: int, owner: str, lease: timedelta
    ) -> list[tuple[str, str]] | None:
        async with self._write() as conn:
            return await rescan_queries.claim_batch(conn, rescan_id, batch_no, owner, lease)

    async def complete_rescan_batch(self, rescan_id: str, batch_no: int, owner: str, *, ruleset_version: str,
                                    analyzer_version: str, results: Mapping[str, list[Finding]],
                                    missing: list[str]) -> bool:
        encoded = {sha: json.dumps([f.model_dump(mode="json") for f in found]) for sha, found in results.items()}
        async with self._write() as conn:
            return await rescan_queries.complete_batch(
                conn, self._insert, rescan_id=rescan_id, batch_no=batch_no, owner=owner,
                ruleset_version=ruleset_version, analyzer_version=analyzer_version, results=encoded, missing=missing)

    async def rescan_inspections_page(
        self, rescan_id: str, after: str | None, limit: int
    ) -> list[tuple[str, Verdict, dict[str, Any] | None]]:
        """The next inspections to re-score (id order): id, current verdict and the stored context."""
        async with self._read() as conn:
            filters = RescanFilter.model_validate(
                await conn.scalar(sa.select(rescans.c.filters).where(rescans.c.id == rescan_id)))
            scope = rescan_queries.scope_query(filters).subquery()
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

    async def cached_findings_for(self, shas: list[str], ruleset_version: str,
                                  analyzer_version: str) -> dict[str, list[Finding]]:
        async with self._read() as conn:
            found = await rescan_queries.cached_findings(conn, shas, ruleset_version, analyzer_version)
        return {sha: [Finding.model_validate(f) for f in items] for sha, items in found.items()}

    async def apply_rescan_page(self, rescan_id: str, rescored: list[tuple[Verdict, Verdict]], cursor: str,
                                trees: Mapping[str, set[str]] | None = None) -> int:
        """Record the changed verdicts of one page (and their events) and move the cursor; returns changes.

        `trees` names the inspections whose payload tree a refetch replaced, each with the sha256s
        whose bytes were just stored; their tree rows are replaced by the new verdict's."""
        changed = 0
        async with self._write() as conn:
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
                    await self._save_tree(conn, old.id, new, trees[old.id])
                await self._record_verdict(conn, old.id, new, cause=f"rescan:{rescan_id}", status="done")
                pending_events.append(("verdict.changed", old.id, {
                    "rescan_id": rescan_id,
                    "ruleset_version": new.signatures.version,
                    "old": {"verdict": old.verdict.value, "score": old.score, "alerts": old_alerts},
                    "new": {"verdict": new.verdict.value, "score": new.score, "alerts": new_alerts,
                            "severity": new.severity},
                }))
            await outbox.append_events(conn, pending_events)
            await conn.execute(rescans.update().where(rescans.c.id == rescan_id).values(
                rescore_cursor=cursor, inspections_done=rescans.c.inspections_done + len(rescored),
                changes=rescans.c.changes + changed))
        return changed

    async def finish_rescan(self, rescan_id: str, *, error: str | None = None) -> None:
        """Mark a rescan done (or failed) and release its ruleset version's lock."""
        async with self._write() as conn:
            await conn.execute(rescans.update().where(rescans.c.id == rescan_id).values(
                status="failed" if error else "done", finished_at=utcnow(),
                error=redact_text(error)[:MAX_ERROR_DETAIL] if error else None))
            await conn.execute(rescan_locks.delete().where(rescan_locks.c.rescan_id == rescan_id))

    # ------------------------------------------------------------------ retention

    async def apply_retention(self, *, now: datetime | None = None, orphan_grace: timedelta = timedelta(hours=1)
                              ) -> RetentionReport:
        """Drop payload bytes older than `retention_days` and beyond `retention_max_bytes` (oldest first).

        Only bytes go: payload rows, artifacts, verdicts and changes stay, and the payload is
        marked expired. Rows are marked before files are deleted, so a crash in between leaves
        an unreferenced file (removed by the orphan sweep), never a row promising missing bytes.
        """
        now = now or utcnow()
        report = RetentionReport()
        expire: list[str] = []
        async with self._read() as conn:
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
            async with self._write() as conn:
                await conn.execute(payloads.update().where(payloads.c.sha256.in_(expire[start:start + 500]),
                                                           payloads.c.blob_state == "present")
                                   .values(blob_state="expired"))
        for sha in expire:
            report.freed_bytes += await self.blobs.delete(sha)
        report.expired_payloads = len(expire)
        report.cached_trees_removed = await self._drop_expired_trees(expire)
        report.orphan_blobs_removed, report.blob_bytes_kept = await self._sweep_orphans(now - orphan_grace)
        return report

    async def _sweep_orphans(self, older_than: datetime) -> tuple[int, int]:
        on_disk = await self.blobs.inventory()
        referenced: set[str] = set()
        names = list(on_disk)
        async with self._read() as conn:
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


def verdict_changed(old: Verdict, new: Verdict) -> bool:
    """A change worth recording: the class, the score or the set of alert types moved."""
    return (old.verdict != new.verdict or old.score != new.score
            or {a.alertType for a in old.alerts} != {a.alertType for a in new.alerts})


def _consume_exception(task: asyncio.Future[None]) -> None:
    """A caller cancelled while its write went on never reads the write's error; mark it seen."""
    if not task.cancelled():
        task.exception()
