"""API keys: a secret is handed out once; only its hash is kept."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from inspector.store.database import Database
from inspector.store.errors import StoreError
from inspector.store.records import ROLES, ApiKeyInfo, Role
from inspector.store.schema import api_keys, utcnow

KEY_PREFIX = "pi"
# Writing last_used_at on every request would turn each read into a write; minute precision is plenty.
LAST_USED_RESOLUTION = timedelta(seconds=60)
MAX_KEY_NAME = 200


def hash_secret(secret: str) -> str:
    # Secrets are 256-bit random tokens, so a plain sha256 is not brute-forceable; no salt needed.
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class KeyRepository:
    def __init__(self, database: Database) -> None:
        self.database = database

    async def create(self, role: Role, name: str | None = None) -> tuple[ApiKeyInfo, str]:
        """A new key; the secret is returned once and only its hash is kept."""
        if role not in ROLES:
            raise StoreError(f"unknown role {role!r}; expected one of {', '.join(ROLES)}")
        if name is not None and len(name) > MAX_KEY_NAME:
            raise StoreError(f"key name longer than {MAX_KEY_NAME} characters")
        key_id = secrets.token_hex(6)
        secret = f"{KEY_PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
        now = utcnow()
        async with self.database.write() as conn:
            await conn.execute(
                api_keys.insert().values(
                    id=key_id, secret_hash=hash_secret(secret), role=role, name=name, created_at=now
                )
            )
        return ApiKeyInfo(id=key_id, role=role, name=name, created_at=now), secret

    async def authenticate(self, secret: str) -> ApiKeyInfo | None:
        """The key a secret belongs to, or None for unknown, malformed or revoked secrets."""
        prefix, _, rest = secret.partition("_")
        key_id, _, _token = rest.partition("_")
        if prefix != KEY_PREFIX or not key_id or len(secret) > 200 or not secret.isascii():
            return None
        async with self.database.read() as conn:
            row = (await conn.execute(sa.select(api_keys).where(api_keys.c.id == key_id))).mappings().first()
        # Compare even when the id is unknown so timing does not reveal which ids exist.
        expected = row["secret_hash"] if row else "0" * 64
        if not hmac.compare_digest(expected, hash_secret(secret)) or row is None or row["revoked_at"]:
            return None
        info = _key_info(row)
        now = utcnow()
        if info.last_used_at is None or now - info.last_used_at >= LAST_USED_RESOLUTION:
            async with self.database.write() as conn:
                await conn.execute(api_keys.update().where(api_keys.c.id == key_id).values(last_used_at=now))
            info = info.model_copy(update={"last_used_at": now})
        return info

    async def get(self, key_id: str) -> ApiKeyInfo | None:
        """A key by its public id, revoked or not."""
        async with self.database.read() as conn:
            row = (await conn.execute(sa.select(api_keys).where(api_keys.c.id == key_id))).mappings().first()
        return _key_info(row) if row is not None else None

    async def all(self) -> list[ApiKeyInfo]:
        """Every key, oldest first."""
        async with self.database.read() as conn:
            rows = (await conn.execute(sa.select(api_keys).order_by(api_keys.c.created_at, api_keys.c.id))).mappings()
            return [_key_info(row) for row in rows]

    async def revoke(self, key_id: str) -> bool:
        """Revoke a key; False when it does not exist or was already revoked."""
        async with self.database.write() as conn:
            result = await conn.execute(
                api_keys.update()
                .where(api_keys.c.id == key_id, api_keys.c.revoked_at.is_(None))
                .values(revoked_at=utcnow())
            )
        return result.rowcount == 1

    async def count_active(self) -> int:
        """Active (unrevoked) keys: zero means the service still needs its first admin key."""
        async with self.database.read() as conn:
            count = await conn.scalar(
                sa.select(sa.func.count()).select_from(api_keys).where(api_keys.c.revoked_at.is_(None))
            )
        return int(count or 0)


def _key_info(row: Mapping[str, Any]) -> ApiKeyInfo:
    return ApiKeyInfo(
        id=row["id"],
        role=row["role"],
        name=row["name"],
        created_at=row["created_at"],
        revoked_at=row["revoked_at"],
        last_used_at=row["last_used_at"],
    )
