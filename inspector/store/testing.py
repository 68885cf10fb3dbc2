"""Throwaway stores for tests and benchmarks: a fresh SQLite folder or a private PostgreSQL schema.

Each PostgreSQL store lives in its own schema (dropped on exit), so parallel runs against
one server never see each other's rows.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import socket
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from inspector.config import Settings
from inspector.model import Alert, Artifact, ArtifactType, FetchRecord, SignatureInfo, Verdict, VerdictClass
from inspector.store.store import Store

Backend = Literal["sqlite", "postgres"]
DEFAULT_POSTGRES_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


def postgres_url() -> str:
    return os.environ.get("INSPECTOR_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


def postgres_unreachable_reason() -> str | None:
    """Why the test PostgreSQL cannot be used, or None when its port answers."""
    url = make_url(postgres_url())
    host, port = url.host or "127.0.0.1", url.port or 5432
    try:
        with socket.create_connection((host, port), timeout=1.0):
            return None
    except OSError as exc:
        return f"PostgreSQL at {host}:{port} is unreachable ({exc}); .ci/run starts it"


def store_settings(backend: Backend, data_dir: Path, **overrides: Any) -> Settings:
    """Settings for a private store in `data_dir` (and a new schema on PostgreSQL)."""
    if backend == "postgres":
        overrides.setdefault("database_url", postgres_url())
        overrides.setdefault("database_schema", f"t_{secrets.token_hex(8)}")
    return Settings(data_dir=data_dir, **overrides)


def subprocess_env(settings: Settings, **extra: str) -> dict[str, str]:
    """Environment for a child process (`inspector rescan`, `inspector worker`) sharing this store."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env["INSPECTOR_DATA_DIR"] = str(settings.data_dir)
    if settings.database_url:
        env["INSPECTOR_DATABASE_URL"] = settings.database_url
    if settings.database_schema:
        env["INSPECTOR_DATABASE_SCHEMA"] = settings.database_schema
    if settings.signature_dirs:
        env["INSPECTOR_SIGNATURE_DIRS"] = os.pathsep.join(str(d) for d in settings.signature_dirs)
    env["INSPECTOR_RESCAN_BATCH_SIZE"] = str(settings.rescan_batch_size)
    env["INSPECTOR_RESCAN_LEASE_S"] = str(settings.rescan_lease_s)
    env["INSPECTOR_RESCAN_POLL_S"] = str(settings.rescan_poll_s)
    env.update(extra)
    return env


async def drop_schema(settings: Settings) -> None:
    if not settings.database_url or not settings.database_schema:
        return
    engine = create_async_engine(settings.database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{settings.database_schema}" CASCADE'))
    finally:
        await engine.dispose()


@asynccontextmanager
async def temporary_store(backend: Backend, data_dir: Path, **overrides: Any) -> AsyncIterator[Store]:
    settings = store_settings(backend, data_dir, **overrides)
    store = await Store.open(settings)
    try:
        yield store
    finally:
        await store.close()
        await drop_schema(settings)


def make_verdict(
    inspection_id: str,
    contents: list[bytes],
    *,
    verdict: VerdictClass = VerdictClass.CLEAN,
    score: int = 0,
    alerts: Sequence[str] = (),
    ruleset: str = "rules-v1",
    urls: list[str | None] | None = None,
) -> Verdict:
    """A verdict whose artifact tree is `contents[0]` with every later item as its child."""
    artifacts = []
    for i, data in enumerate(contents):
        sha = hashlib.sha256(data).hexdigest()
        artifacts.append(
            Artifact(
                sha256=sha,
                size=len(data),
                type=ArtifactType.POWERSHELL if i == 0 else ArtifactType.TEXT,
                origin="protectedSettings.commandToExecute" if i == 0 else f"decoded:base64[{i}]",
                parent=None if i == 0 else artifacts[0].sha256,
                depth=0 if i == 0 else 1,
                url=(urls or [None] * len(contents))[i],
            )
        )
    return Verdict(
        id=inspection_id,
        verdict=verdict,
        score=score,
        severity="None" if verdict is VerdictClass.CLEAN else "High",
        complete=True,
        request_kind="extension",
        alerts=[Alert(alertType=t, severity="High", tactics=["Execution"], reason="test") for t in alerts],
        findings=[],
        artifacts=artifacts,
        fetches=[
            FetchRecord(url=u, fetched=True, status=200, sha256=artifacts[i].sha256)
            for i, u in enumerate(urls or [])
            if u
        ],
        signatures=SignatureInfo(version=ruleset, rule_count=3),
        engine="test",
        elapsed_ms=1.0,
        created_at="2026-11-29T12:00:00Z",
    )


def blobs_of(contents: list[bytes]) -> dict[str, bytes]:
    return {hashlib.sha256(d).hexdigest(): d for d in contents}
