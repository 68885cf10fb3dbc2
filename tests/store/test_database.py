"""Engine set-up: SQLite pragmas, URL validation, password-free display, migrations."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from inspector.config import Settings
from inspector.store import Store
from inspector.store.database import DatabaseError, create_engine, database_url, display_url


def test_the_default_database_is_sqlite_in_the_data_folder(tmp_path: Path) -> None:
    assert database_url(Settings(data_dir=tmp_path)) == f"sqlite+aiosqlite:///{tmp_path / 'inspector.db'}"


async def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    store = await Store.open(Settings(data_dir=tmp_path / "nested" / "data"))
    try:
        async with store.database.engine.connect() as conn:
            assert (await conn.exec_driver_sql("PRAGMA journal_mode")).scalar() == "wal"
            assert (await conn.exec_driver_sql("PRAGMA foreign_keys")).scalar() == 1
            tables = set(await conn.run_sync(lambda c: sa.inspect(c).get_table_names()))
        assert {"inspections", "verdicts", "payloads", "api_keys", "alembic_version"} <= tables
        assert (tmp_path / "nested" / "data" / "inspector.db").is_file()
    finally:
        await store.close()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql+aiomysql://u@h/db", "unsupported database"),
        ("postgresql+psycopg2://u@h/db", "asyncpg"),
    ],
)
def test_unsupported_urls_are_refused_clearly(tmp_path: Path, url: str, message: str) -> None:
    with pytest.raises(DatabaseError, match=message):
        create_engine(Settings(data_dir=tmp_path, database_url=url))


def test_displayed_urls_never_show_the_password() -> None:
    shown = display_url("postgresql+asyncpg://user:s3cr3t@db:5432/inspector")
    assert "s3cr3t" not in shown and "user" in shown and "db:5432" in shown
    assert display_url("::not a url::") == "<unparsable database URL>"


def test_schema_names_are_validated(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        Settings(data_dir=tmp_path, database_schema='x"; drop table y; --')


async def test_concurrent_requests_reuse_pooled_connections_instead_of_opening_new_ones(tmp_path: Path) -> None:
    import asyncio

    store = await Store.open(Settings(data_dir=tmp_path, database_pool_size=8))
    opened = 0

    def count(*_args: object) -> None:
        nonlocal opened
        opened += 1

    sa.event.listen(store.database.engine.sync_engine, "connect", count)
    try:
        for _ in range(5):  # five waves of eight concurrent readers
            await asyncio.gather(*(store.inspections.get("none") for _ in range(8)))
        assert opened <= 8  # a pool of 5 (the library default) would open and close connections every wave
    finally:
        await store.close()


def test_the_pool_size_is_configurable_and_bounded(tmp_path: Path) -> None:
    assert create_engine(Settings(data_dir=tmp_path, database_pool_size=3)).pool.size() == 3  # type: ignore[attr-defined]
    with pytest.raises(ValueError):
        Settings(data_dir=tmp_path, database_pool_size=0)
