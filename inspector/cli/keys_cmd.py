"""`inspector keys create|list|revoke`: manage the API keys of the HTTP service.

`create` prints only the new key on stdout, so scripts can capture it; the key is shown
this once (only its hash is stored).
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import TypeVar

import click

from inspector.cli.help import WholeSummaryGroup
from inspector.config import Settings
from inspector.store import ROLES, Store, StoreError

Answer = TypeVar("Answer")


def _with_store(settings: Settings, action: Callable[[Store], Awaitable[Answer]]) -> Answer:
    async def run() -> Answer:
        store = await Store.open(settings)
        try:
            return await action(store)
        finally:
            await store.close()

    try:
        return asyncio.run(run())
    except StoreError as exc:
        click.echo(f"inspector: {exc}", err=True)
        sys.exit(2)


@click.group(cls=WholeSummaryGroup)
def keys() -> None:
    """API keys of the HTTP service (roles: detector, analyst, admin)."""


@keys.command("create")
@click.option("--role", required=True, type=click.Choice(ROLES), help="What the key may do.")
@click.option("--name", default=None, help="A label, e.g. the detector that uses the key.")
@click.pass_obj
def create(app: object, role: str, name: str | None) -> None:
    """Create a key and print it (only the key) on stdout."""
    settings: Settings = app.settings  # type: ignore[attr-defined]
    info, secret = _with_store(settings, lambda store: store.keys.create(role, name))  # type: ignore[arg-type]
    click.echo(secret)
    click.echo(f"created {info.role} key {info.id}", err=True)


@keys.command("list")
@click.pass_obj
def list_keys(app: object) -> None:
    """List keys: id, role, state, created, last used, name (never the secret)."""
    settings: Settings = app.settings  # type: ignore[attr-defined]
    rows = _with_store(settings, lambda store: store.keys.all())
    for key in rows:
        state = "active" if key.active else f"revoked {key.revoked_at:%Y-%m-%d %H:%M}"
        used = f"{key.last_used_at:%Y-%m-%d %H:%M}" if key.last_used_at else "never"
        click.echo(f"{key.id}\t{key.role}\t{state}\tcreated {key.created_at:%Y-%m-%d %H:%M}\t"
                   f"used {used}\t{key.name or ''}")


@keys.command("revoke")
@click.argument("key_id")
@click.pass_obj
def revoke(app: object, key_id: str) -> None:
    """Revoke a key by id (exit 1 if no active key has that id)."""
    settings: Settings = app.settings  # type: ignore[attr-defined]
    if not _with_store(settings, lambda store: store.keys.revoke(key_id)):
        click.echo(f"inspector: no active key {key_id}", err=True)
        sys.exit(1)
    click.echo(f"revoked {key_id}", err=True)
