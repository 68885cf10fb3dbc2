"""The API keys repository, run on SQLite and PostgreSQL alike (see conftest.py)."""

from __future__ import annotations

import hashlib

import pytest
import sqlalchemy as sa

from inspector.store import Store, StoreError
from inspector.store.schema import api_keys

# ---------------------------------------------------------------- API keys


async def test_a_new_key_authenticates_and_only_its_hash_is_stored(store: Store) -> None:
    info, secret = await store.keys.create("analyst", "console")
    assert info.role == "analyst" and info.name == "console" and info.revoked_at is None
    assert secret.startswith(f"pi_{info.id}_") and len(secret) > 40
    found = await store.keys.authenticate(secret)
    assert found is not None and found.id == info.id and found.role == "analyst"
    assert found.last_used_at is not None
    async with store.database.engine.connect() as conn:
        stored = (await conn.execute(sa.select(api_keys.c.secret_hash))).scalar_one()
    assert secret not in stored and stored == hashlib.sha256(secret.encode()).hexdigest()


async def test_unknown_malformed_and_tampered_secrets_are_refused(store: Store) -> None:
    info, secret = await store.keys.create("detector")
    assert await store.keys.authenticate(secret[:-1] + ("A" if secret[-1] != "A" else "B")) is None
    assert await store.keys.authenticate("pi_000000000000_" + "x" * 43) is None
    assert await store.keys.authenticate("not-a-key") is None
    assert await store.keys.authenticate("") is None
    assert await store.keys.authenticate("pi_" + "x" * 500) is None


async def test_revoked_keys_stop_working_and_count_drops(store: Store) -> None:
    admin, _ = await store.keys.create("admin")
    info, secret = await store.keys.create("detector")
    assert await store.keys.count_active() == 2
    assert await store.keys.revoke(info.id) is True
    assert await store.keys.revoke(info.id) is False
    assert await store.keys.revoke("nope") is False
    assert await store.keys.authenticate(secret) is None
    assert await store.keys.count_active() == 1
    listed = {k.id: k for k in await store.keys.all()}
    assert listed[info.id].revoked_at is not None and listed[admin.id].revoked_at is None


async def test_a_key_is_read_by_its_public_id(store: Store) -> None:
    info, _ = await store.keys.create("detector", "edr")
    found = await store.keys.get(info.id)
    assert found is not None and (found.id, found.role, found.name) == (info.id, "detector", "edr")
    assert await store.keys.get("nope") is None


async def test_unknown_roles_are_rejected(store: Store) -> None:
    with pytest.raises(StoreError, match="unknown role"):
        await store.keys.create("root")  # type: ignore[arg-type]
