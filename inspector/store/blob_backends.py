"""Where payload bytes live: a local folder (the default) or a `blobs` table in PostgreSQL.

Both backends keep blobs content-addressed by sha256 and check every write against its key,
offer a synchronous core (rescan worker processes read blobs between their own event-loop
runs) and async methods for the service, and list what they hold with sizes and ages so
retention works the same on both. `open_blob_backend` is the one place that picks one, from
`Settings.blob_backend`.

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


def open_blob_backend(settings: Settings, engine: AsyncEngine, url: str) -> BlobBackend:
    """The backend `settings.blob_backend` names, on the store's engine (`url` is its database URL)."""
    if settings.blob_backend == "database":
        return DatabaseBlobBackend.from_settings(engine, settings, url)
    return FolderBlobBackend(settings.blob_dir or Path(settings.data_dir) / "blobs")
