"""Activity tests run on a real SQLite store (the store suite covers PostgreSQL for the repository)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from inspector.activity import ActivityAlert, ActivityLimits, IngestReport, ingest, records_of
from inspector.store import Store
from inspector.store.testing import temporary_store

Ingest = Callable[..., Awaitable[IngestReport]]


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    async with temporary_store("sqlite", tmp_path) as opened:
        yield opened


@pytest.fixture
def run(store: Store) -> Ingest:
    """Ingest a batch of raw records (one call, one batch); the report. Records are sent in event
    time order, as a log is, unless `as_given`."""

    async def go(batch: list[Any], limits: ActivityLimits | None = None, *, as_given: bool = False,
                 **kw: Any) -> IngestReport:
        limits = limits or ActivityLimits(inspect_bodies=False)
        if not as_given:
            batch = sorted(batch, key=lambda r: r.get("eventTimestamp", "") if isinstance(r, dict) else "")
        return await ingest(records_of(batch, limits), store.activity, limits, **kw)

    return go


def types(alerts: list[ActivityAlert]) -> list[str]:
    return sorted(a.alert_type for a in alerts)
