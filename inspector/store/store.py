"""The Store: inspections, verdict history, content-addressed payloads, API keys.

One code path for SQLite and PostgreSQL (SQLAlchemy Core on an async engine). Opening a
store brings the schema to the newest migration. Payload bytes live in a BlobStore; the
database holds metadata only.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from inspector.config import Settings
from inspector.model import ArtifactType, Verdict
from inspector.redact import redact_text
from inspector.store import database
from inspector.store.blobs import BlobStore, check_sha256
from inspector.store.records import (
    ROLES,
    ApiKeyInfo,
    InspectionFilter,
    InspectionSummary,
    PayloadInfo,
    PayloadVerdict,
    Role,
    StoredInspection,
)
from inspector.store.schema import (
    api_keys,
    inspection_alerts,
    inspection_artifacts,
    inspection_fetches,
    inspections,
    payloads,
    utcnow,
    verdicts,
)

KEY_PREFIX = "pi"
# Writing last_used_at on every request would turn each read into a write; minute precision is plenty.
LAST_USED_RESOLUTION = timedelta(seconds=60)
MAX_LIST_LIMIT = 1000
MAX_ERROR_DETAIL = 2000
MAX_PAYLOAD_INSPECTIONS = 200


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
    def __init__(self, engine: AsyncEngine, blobs: BlobStore, settings: Settings) -> None:
        self.engine = engine
        self.blobs = blobs
        self.settings = settings
        self.dialect = engine.dialect.name

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    async def open(cls, settings: Settings, *, migrate: bool = True) -> Store:
        engine = database.create_engine(settings)
        try:
            if migrate:
                await database.upgrade(engine, settings)
        except BaseException:
            await engine.dispose()
            raise
        blob_root = settings.blob_dir or Path(settings.data_dir) / "blobs"
        return cls(engine, BlobStore(blob_root), settings)

    async def close(self) -> None:
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
        for sha256, data in blobs.items():
            await self.blobs.put(sha256, data)
        async with self._write() as conn:
            exists = await conn.scalar(sa.select(inspections.c.id).where(inspections.c.id == inspection_id))
            if exists is None:
                raise UnknownInspection(f"no inspection {inspection_id!r}")
            await self._save_tree(conn, inspection_id, verdict, blobs.keys())
            await self._record_verdict(conn, inspection_id, verdict, cause="inspection", status="done")

    async def _save_tree(
        self, conn: AsyncConnection, inspection_id: str, verdict: Verdict, stored: Any
    ) -> None:
        now = utcnow()
        present = set(stored)
        distinct = {a.sha256: a for a in reversed(verdict.artifacts)}  # first occurrence wins
        if distinct:
            rows = [
                {
                    "sha256": check_sha256(a.sha256),
                    "size": a.size,
                    "type": a.type.value,
                    "first_seen": now,
                    "last_seen": now,
                    "blob_state": "present" if a.sha256 in present else "absent",
                }
                for a in distinct.values()
            ]
            stmt = self._insert(payloads)
            excluded = stmt.excluded
            await conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=[payloads.c.sha256],
                    set_={
                        "last_seen": excluded.last_seen,
                        # New bytes revive an expired payload; a tree without bytes never hides them.
                        "blob_state": sa.case(
                            (excluded.blob_state == "present", "present"), else_=payloads.c.blob_state
                        ),
                    },
                ),
                rows,
            )
        # Saving again (a retried task) replaces the tree rather than duplicating it.
        for table in (inspection_artifacts, inspection_fetches):
            await conn.execute(table.delete().where(table.c.inspection_id == inspection_id))
        if verdict.artifacts:
            await conn.execute(
                inspection_artifacts.insert(),
                [
                    {
                        "inspection_id": inspection_id,
                        "position": i,
                        "sha256": a.sha256,
                        "parent": a.parent,
                        "origin": a.origin,
                        "depth": a.depth,
                        "role": a.role,
                        "url": a.url,
                    }
                    for i, a in enumerate(verdict.artifacts)
                ],
            )
        if verdict.fetches:
            await conn.execute(
                inspection_fetches.insert(),
                [
                    {
                        "inspection_id": inspection_id,
                        "position": i,
                        "url": f.url,
                        "role": f.role,
                        "fetched": f.fetched,
                        "final_url": f.final_url,
                        "status": f.status,
                        "sha256": f.sha256,
                        "error": f.error,
                    }
                    for i, f in enumerate(verdict.fetches)
                ],
            )

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
