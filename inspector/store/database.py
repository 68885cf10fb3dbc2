"""Engine creation and migrations: one code path for SQLite (embedded default) and PostgreSQL.

SQLite runs in WAL mode with a busy timeout, and write transactions start with
`BEGIN IMMEDIATE` so two writers queue for the lock instead of one failing halfway through
(a deferred transaction that reads first and writes later cannot wait for the lock).
PostgreSQL can be confined to one schema (`database_schema`), which keeps parallel test
runs and several deployments in one database apart.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
import sqlalchemy as sa
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy import event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from inspector.config import Settings
from inspector.store.private_files import private_sqlite_files

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Any constant shared by every replica: serialises concurrent `upgrade` runs on PostgreSQL.
_MIGRATION_LOCK_ID = 0x1A5EC7

Result = TypeVar("Result")


class DatabaseError(Exception):
    """The database URL is unusable or the schema cannot be brought up to date."""


def database_url(settings: Settings) -> str:
    """The configured URL, or SQLite in the data folder."""
    if settings.database_url:
        return settings.database_url
    return f"sqlite+aiosqlite:///{Path(settings.data_dir) / 'inspector.db'}"


def display_url(url: str) -> str:
    """The URL with any password hidden, for logs and messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):  # an unparsable URL is shown as a placeholder, never verbatim
        return "<unparsable database URL>"


def create_engine(settings: Settings) -> AsyncEngine:
    url = make_url(database_url(settings))
    backend = url.get_backend_name()
    # Concurrent requests each hold a connection briefly; past the pool's size a connection is
    # opened and closed per use (for SQLite a new thread, a file open and the PRAGMAs below).
    kwargs: dict[str, Any] = {}
    if backend == "sqlite":
        if url.database and url.database != ":memory:":
            private_sqlite_files(Path(url.database))
            kwargs["pool_size"] = settings.database_pool_size  # (an in-memory database has one connection)
        kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
    elif backend == "postgresql":
        if url.get_driver_name() != "asyncpg":
            raise DatabaseError(f"PostgreSQL needs the asyncpg driver (postgresql+asyncpg://), got {display_url(str(url))}")
        if settings.database_schema:
            kwargs["connect_args"] = {"server_settings": {"search_path": settings.database_schema}}
        kwargs["pool_pre_ping"] = True
        kwargs["pool_size"] = settings.database_pool_size
    else:
        raise DatabaseError(f"unsupported database {backend!r}: use sqlite+aiosqlite or postgresql+asyncpg")
    engine = create_async_engine(url, **kwargs)
    if backend == "sqlite":
        _configure_sqlite(engine.sync_engine)
    return engine


def create_sqlite_writer_engine(settings: Settings) -> Engine | None:
    """A synchronous engine with one connection to the SQLite file, for a dedicated writer thread.

    Through the async driver every statement is a hop to its thread and back; a writer thread
    that owns a plain connection runs a whole transaction in one hop. None for PostgreSQL and
    for an in-memory database (a second connection would see another, empty database).
    """
    url = make_url(database_url(settings))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    engine = create_sync_engine(
        url.set(drivername="sqlite+pysqlite"),
        pool_size=1,
        max_overflow=0,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy's "begin" event below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _alembic_config(connection: Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None, "the migrations folder ships with the package"
    return head


def _upgrade_sync(connection: Connection, schema: str | None) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK_ID})
        if schema:
            connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    command.upgrade(_alembic_config(connection), "head")


async def upgrade(engine: AsyncEngine, settings: Settings) -> None:
    """Bring the schema to the newest migration (idempotent, safe to run from many replicas)."""
    async with engine.connect() as conn:
        conn = await conn.execution_options(write=True)
        async with conn.begin():
            await conn.run_sync(_upgrade_sync, settings.database_schema)


async def current_revision(conn: AsyncConnection) -> str | None:
    def _current(sync_conn: Connection) -> str | None:
        return MigrationContext.configure(sync_conn).get_current_revision()

    return await conn.run_sync(_current)


class Database:
    """One database every repository of the store shares: its engine, its transactions, and on
    SQLite the writer thread that runs whole write transactions on a plain connection
    (see `create_sqlite_writer_engine`)."""

    def __init__(self, engine: AsyncEngine, sqlite_writer: Engine | None = None) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self.sqlite_writer = sqlite_writer
        self._writer_thread = (ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
                               if sqlite_writer is not None else None)

    @classmethod
    async def open(cls, settings: Settings, *, migrate: bool = True) -> Database:
        """Connect (lazily) and, with `migrate`, bring the schema to the newest migration."""
        engine = create_engine(settings)
        try:
            if migrate:
                await upgrade(engine, settings)
        except BaseException:
            await engine.dispose()
            raise
        return cls(engine, create_sqlite_writer_engine(settings))

    async def close(self) -> None:
        """Let go of the writer thread's connection, then of the pool; may be called again."""
        thread, self._writer_thread = self._writer_thread, None
        if thread is not None and self.sqlite_writer is not None:
            await asyncio.get_running_loop().run_in_executor(thread, self.sqlite_writer.dispose)
            thread.shutdown(wait=True)
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
    async def write(self) -> AsyncIterator[AsyncConnection]:
        """A write transaction (BEGIN IMMEDIATE on SQLite, see `_configure_sqlite`)."""
        async with self.engine.connect() as conn:
            conn = await conn.execution_options(write=True)
            async with conn.begin():
                yield conn

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        async with self.engine.connect() as conn:
            async with conn.begin():
                yield conn

    def insert(self, table: sa.Table) -> Any:
        """INSERT with ON CONFLICT support (both dialects spell it the same way in SQLAlchemy)."""
        return postgresql.insert(table) if self.dialect == "postgresql" else sqlite.insert(table)

    @property
    def has_writer_thread(self) -> bool:
        return self._writer_thread is not None

    async def run_on_writer_thread(self, work: Callable[..., Result], *args: Any) -> Result:
        """Run `work(*args)` on the SQLite writer thread (only when `has_writer_thread`)."""
        assert self._writer_thread is not None, "only a SQLite file database has a writer thread"
        return await asyncio.get_running_loop().run_in_executor(self._writer_thread, work, *args)
