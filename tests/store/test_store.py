"""The Store as a whole, run on SQLite and PostgreSQL alike (see conftest.py): opening, migrating, ping."""

from __future__ import annotations

from inspector.store import Database, Store
from inspector.store.database import head_revision

# ---------------------------------------------------------------- lifecycle


async def test_open_migrates_to_head_and_answers_ping(store: Store) -> None:
    from inspector.store.database import current_revision

    assert await store.database.ping() is True
    async with store.database.engine.connect() as conn:
        assert await current_revision(conn) == head_revision()


async def test_opening_an_existing_database_again_is_harmless(store: Store) -> None:
    await store.keys.create("admin")
    again = await Store.open(store.settings)
    try:
        assert await again.keys.count_active() == 1
    finally:
        await again.close()


async def test_ping_is_false_when_the_database_is_gone(store: Store) -> None:
    from sqlalchemy.ext.asyncio import create_async_engine

    gone = Store(Database(create_async_engine("postgresql+asyncpg://nobody@127.0.0.1:1/none")), store.blobs, store.settings)
    try:
        assert await gone.database.ping() is False
    finally:
        await gone.close()
