"""Where payload bytes live: a local folder (the default) or a `blobs` table in PostgreSQL.

Both backends keep blobs content-addressed by sha256 and check every write against its key,
offer a synchronous core (rescan worker processes read blobs between their own event-loop
runs) and async methods for the service, and list what they hold with sizes and ages so
retention works the same on both. `open_blob_backend` is the one place that picks one, from
`Settings.blob_backend`.

The s3 backend keeps blobs as objects `<prefix>ab/cd/<sha256>` in a bucket of any
S3-compatible store (AWS S3, MinIO, Ceph, ...) through boto3; its synchronous client is
thread-safe, so the async calls run it in a thread.

The database backend stores bytes in the store's own PostgreSQL database: async calls go
through the store's engine (asyncpg); synchronous calls use one plain psycopg connection per
process, opened on first use, because the async engine is bound to an event loop a
synchronous caller cannot enter. SQLite is refused: the folder next to it does the job better.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import regex
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from inspector.config import Settings
from inspector.store.blobs import BlobError, BlobStore, check_sha256
from inspector.store.schema import UtcDateTime, utcnow

# The blobs table is created by migration 0005; this description serves the queries only.
_metadata = sa.MetaData()
blobs_table = sa.Table(
    "blobs",
    _metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("data", sa.LargeBinary(), nullable=False),
    sa.Column("size", sa.BigInteger(), nullable=False),
    sa.Column("created_at", UtcDateTime(), nullable=False),
)


class BlobBackendError(BlobError):
    """The configured blob backend cannot be used with this database."""


@dataclass(frozen=True)
class BlobEntry:
    """One stored blob as retention sees it."""

    size: int
    stored_at: datetime


class BlobBackend(Protocol):
    """What the store, retention and rescan workers need from a blob store."""

    name: str

    def put_sync(self, sha256: str, data: bytes) -> bool:
        """Store `data` under its sha256 (checked); False when it was already there."""
        ...

    def get_sync(self, sha256: str) -> bytes | None: ...

    def exists_sync(self, sha256: str) -> bool: ...

    def delete_sync(self, sha256: str) -> int:
        """Remove a blob; the bytes freed (0 when it was not there)."""
        ...

    async def put(self, sha256: str, data: bytes) -> bool: ...

    async def get(self, sha256: str) -> bytes | None: ...

    async def exists(self, sha256: str) -> bool: ...

    async def delete(self, sha256: str) -> int: ...

    async def inventory(self) -> dict[str, BlobEntry]:
        """Every stored blob with its size and when it was stored (retention, orphan sweep)."""
        ...

    def close(self) -> None:
        """Release what the synchronous core holds (a database connection); async parts need nothing."""
        ...


def _verify(sha256: str, data: bytes) -> None:
    if hashlib.sha256(data).hexdigest() != check_sha256(sha256):
        raise BlobError(f"blob {sha256} does not match the sha256 of its {len(data)} bytes")


class FolderBlobBackend(BlobStore):
    """The local folder (`blob_dir`), see blobs.py; adds what the protocol asks beyond it."""

    name = "folder"

    def exists_sync(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def iter_entries(self) -> Iterator[tuple[str, BlobEntry]]:
        for sha256, size in self.iter_sizes():
            try:
                mtime = self.path(sha256).stat().st_mtime
            except FileNotFoundError:
                continue
            yield sha256, BlobEntry(size, datetime.fromtimestamp(mtime, UTC))

    async def exists(self, sha256: str) -> bool:
        return await asyncio.to_thread(self.exists_sync, sha256)

    async def inventory(self) -> dict[str, BlobEntry]:
        return await asyncio.to_thread(lambda: dict(self.iter_entries()))

    def close(self) -> None:
        return None


class DatabaseBlobBackend:
    """Blobs as rows of a `blobs` table (sha256, bytea, size, created_at) in PostgreSQL."""

    name = "database"

    def __init__(self, engine: AsyncEngine, connect_kwargs: dict[str, Any]) -> None:
        self.engine = engine
        self._connect_kwargs = connect_kwargs
        self._sync: Any = None  # psycopg.Connection, opened on first synchronous call
        self._sync_lock = threading.Lock()

    @classmethod
    def from_settings(cls, engine: AsyncEngine, settings: Settings, url: str) -> DatabaseBlobBackend:
        parsed = make_url(url)
        if parsed.get_backend_name() != "postgresql":
            raise BlobBackendError("blob_backend=database needs a PostgreSQL database_url; "
                                   "with SQLite keep blob_backend=folder")
        kwargs: dict[str, Any] = {"host": parsed.host or "127.0.0.1", "port": parsed.port or 5432,
                                  "dbname": parsed.database, "user": parsed.username, "autocommit": True}
        if parsed.password is not None:
            kwargs["password"] = parsed.password
        if settings.database_schema:
            # The name is validated by Settings (^[a-z_][a-z0-9_]*$), so it is safe in an option string.
            kwargs["options"] = f"-c search_path={settings.database_schema}"
        return cls(engine, kwargs)

    # --- synchronous core: one psycopg connection per process, one statement at a time

    def _execute(self, sql: str, params: tuple[Any, ...]) -> Any:
        import psycopg

        with self._sync_lock:
            if self._sync is None or self._sync.closed:
                self._sync = psycopg.connect(**self._connect_kwargs)
            return self._sync.execute(sql, params)

    def put_sync(self, sha256: str, data: bytes) -> bool:
        _verify(sha256, data)
        cursor = self._execute(
            "INSERT INTO blobs (sha256, data, size, created_at) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (sha256) DO NOTHING",
            (sha256, data, len(data), utcnow().replace(tzinfo=None)))
        return bool(cursor.rowcount == 1)

    def get_sync(self, sha256: str) -> bytes | None:
        row = self._execute("SELECT data FROM blobs WHERE sha256 = %s", (check_sha256(sha256),)).fetchone()
        return bytes(row[0]) if row else None

    def exists_sync(self, sha256: str) -> bool:
        return self._execute("SELECT 1 FROM blobs WHERE sha256 = %s", (check_sha256(sha256),)).fetchone() is not None

    def delete_sync(self, sha256: str) -> int:
        row = self._execute("DELETE FROM blobs WHERE sha256 = %s RETURNING size", (check_sha256(sha256),)).fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        with self._sync_lock:
            if self._sync is not None:
                self._sync.close()
                self._sync = None

    # --- async, through the store's engine

    async def put(self, sha256: str, data: bytes) -> bool:
        _verify(sha256, data)
        async with self.engine.begin() as conn:
            result = await conn.execute(
                postgresql.insert(blobs_table)
                .values(sha256=sha256, data=data, size=len(data), created_at=utcnow())
                .on_conflict_do_nothing(index_elements=[blobs_table.c.sha256]))
        return bool(result.rowcount == 1)

    async def get(self, sha256: str) -> bytes | None:
        async with self.engine.connect() as conn:
            data = await conn.scalar(sa.select(blobs_table.c.data).where(blobs_table.c.sha256 == check_sha256(sha256)))
        return bytes(data) if data is not None else None

    async def exists(self, sha256: str) -> bool:
        async with self.engine.connect() as conn:
            found = await conn.scalar(sa.select(sa.literal(1)).where(blobs_table.c.sha256 == check_sha256(sha256)))
        return found is not None

    async def delete(self, sha256: str) -> int:
        async with self.engine.begin() as conn:
            size = await conn.scalar(blobs_table.delete().where(blobs_table.c.sha256 == check_sha256(sha256))
                                     .returning(blobs_table.c.size))
        return int(size or 0)

    async def inventory(self) -> dict[str, BlobEntry]:
        async with self.engine.connect() as conn:
            rows = await conn.stream(sa.select(blobs_table.c.sha256, blobs_table.c.size, blobs_table.c.created_at))
            return {sha: BlobEntry(int(size), created) async for sha, size, created in rows}


class S3BlobBackend:
    """Blobs as objects `<prefix>ab/cd/<sha256>` in one bucket of an S3-compatible store."""

    name = "s3"

    def __init__(self, client: Any, bucket: str, prefix: str = "") -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix

    @classmethod
    def from_settings(cls, settings: Settings) -> S3BlobBackend:
        import boto3
        from botocore.config import Config

        if not settings.blob_s3_bucket:
            raise BlobBackendError("blob_backend=s3 needs blob_s3_bucket")
        secret = settings.blob_s3_secret_access_key
        client = boto3.client(
            "s3", endpoint_url=settings.blob_s3_endpoint_url, region_name=settings.blob_s3_region,
            aws_access_key_id=settings.blob_s3_access_key_id,
            aws_secret_access_key=secret.get_secret_value() if secret else None,
            # Path-style keys work with every S3-compatible server; bounded retries and timeouts.
            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 3, "mode": "standard"},
                          connect_timeout=5, read_timeout=30))
        return cls(client, settings.blob_s3_bucket, settings.blob_s3_prefix)

    def key(self, sha256: str) -> str:
        check_sha256(sha256)
        return f"{self.prefix}{sha256[:2]}/{sha256[2:4]}/{sha256}"

    @staticmethod
    def _missing(exc: Exception) -> bool:
        code = str(getattr(exc, "response", {}).get("Error", {}).get("Code", ""))
        return code in ("404", "NoSuchKey", "NotFound")

    def _head(self, sha256: str) -> dict[str, Any] | None:
        from botocore.exceptions import ClientError

        try:
            return dict(self.client.head_object(Bucket=self.bucket, Key=self.key(sha256)))
        except ClientError as exc:
            if self._missing(exc):
                return None
            raise

    def put_sync(self, sha256: str, data: bytes) -> bool:
        _verify(sha256, data)
        if self._head(sha256) is not None:
            return False
        # Two writers of the same key write the same bytes (content addressing): the race is harmless.
        self.client.put_object(Bucket=self.bucket, Key=self.key(sha256), Body=data)
        return True

    def get_sync(self, sha256: str) -> bytes | None:
        from botocore.exceptions import ClientError

        try:
            response = self.client.get_object(Bucket=self.bucket, Key=self.key(sha256))
        except ClientError as exc:
            if self._missing(exc):
                return None
            raise
        with response["Body"] as body:
            return bytes(body.read())

    def exists_sync(self, sha256: str) -> bool:
        return self._head(sha256) is not None

    def delete_sync(self, sha256: str) -> int:
        head = self._head(sha256)
        if head is None:
            return 0
        self.client.delete_object(Bucket=self.bucket, Key=self.key(sha256))
        return int(head.get("ContentLength", 0))

    def iter_entries(self) -> Iterator[tuple[str, BlobEntry]]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix)
        for page in pages:
            for item in page.get("Contents", []):
                name = str(item["Key"]).rsplit("/", 1)[-1]
                if _SHA256_NAME.match(name):
                    yield name, BlobEntry(int(item["Size"]), item["LastModified"].astimezone(UTC))

    def close(self) -> None:
        self.client.close()

    async def put(self, sha256: str, data: bytes) -> bool:
        return await asyncio.to_thread(self.put_sync, sha256, data)

    async def get(self, sha256: str) -> bytes | None:
        return await asyncio.to_thread(self.get_sync, sha256)

    async def exists(self, sha256: str) -> bool:
        return await asyncio.to_thread(self.exists_sync, sha256)

    async def delete(self, sha256: str) -> int:
        return await asyncio.to_thread(self.delete_sync, sha256)

    async def inventory(self) -> dict[str, BlobEntry]:
        return await asyncio.to_thread(lambda: dict(self.iter_entries()))


_SHA256_NAME = regex.compile(r"^[0-9a-f]{64}$")


def open_blob_backend(settings: Settings, engine: AsyncEngine, url: str) -> BlobBackend:
    """The backend `settings.blob_backend` names, on the store's engine (`url` is its database URL)."""
    if settings.blob_backend == "database":
        return DatabaseBlobBackend.from_settings(engine, settings, url)
    if settings.blob_backend == "s3":
        return S3BlobBackend.from_settings(settings)
    return FolderBlobBackend(settings.blob_dir or Path(settings.data_dir) / "blobs")
