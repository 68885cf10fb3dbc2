"""`inspector db`: bring the database schema up to date, show where it stands, apply retention."""

from __future__ import annotations

import asyncio

import click

from inspector.cli.help import WholeSummaryGroup
from inspector.config import Settings
from inspector.store import database


@click.group("db", cls=WholeSummaryGroup)
def db() -> None:
    """Database schema (SQLite by default, PostgreSQL with INSPECTOR_DATABASE_URL)."""


@db.command("upgrade")
@click.pass_obj
def upgrade_cmd(app: object) -> None:
    """Apply every pending migration (the service also does this on start-up)."""
    settings: Settings = app.settings  # type: ignore[attr-defined]
    revision = _run(_upgrade(settings))
    click.echo(f"database {database.display_url(database.database_url(settings))} at revision {revision}")


@db.command("current")
@click.pass_obj
def current_cmd(app: object) -> None:
    """Show the schema revision (exit 1 when migrations are pending)."""
    settings: Settings = app.settings  # type: ignore[attr-defined]
    current = _run(_current(settings))
    head = database.head_revision()
    click.echo(f"current {current or 'none'}, newest {head}")
    if current != head:
        raise SystemExit(1)


@db.command("retention")
@click.pass_obj
def retention_cmd(app: object) -> None:
    """Drop payload bytes past INSPECTOR_RETENTION_DAYS / _MAX_BYTES (verdict history stays)."""
    settings: Settings = app.settings  # type: ignore[attr-defined]
    report = _run(_retention(settings))
    click.echo(report)


def _run(coro: object) -> str | None:
    try:
        return asyncio.run(coro)  # type: ignore[arg-type]
    except database.DatabaseError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot reach the database: {exc}") from None


async def _upgrade(settings: Settings) -> str | None:
    engine = database.create_engine(settings)
    try:
        await database.upgrade(engine, settings)
        async with engine.connect() as conn:
            return await database.current_revision(conn)
    finally:
        await engine.dispose()


async def _retention(settings: Settings) -> str:
    from inspector.store import Store

    store = await Store.open(settings)
    try:
        r = await store.retention.apply()
    finally:
        await store.close()
    return (f"expired {r.expired_payloads} payloads, freed {r.freed_bytes} bytes, removed {r.orphan_blobs_removed} "
            f"unreferenced blobs, {r.blob_bytes_kept} bytes kept")


async def _current(settings: Settings) -> str | None:
    engine = database.create_engine(settings)
    try:
        async with engine.connect() as conn:
            return await database.current_revision(conn)
    finally:
        await engine.dispose()
