"""`inspector db`: bring the database schema up to date, or show where it stands."""

from __future__ import annotations

import asyncio

import click

from inspector.config import Settings
from inspector.store import database


@click.group("db")
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


async def _current(settings: Settings) -> str | None:
    engine = database.create_engine(settings)
    try:
        async with engine.connect() as conn:
            return await database.current_revision(conn)
    finally:
        await engine.dispose()
