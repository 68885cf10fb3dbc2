"""Event delivery runs against both databases, like the store suite."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from inspector.store import Store
from inspector.store.testing import Backend, postgres_unreachable_reason, temporary_store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> Backend:
    if request.param == "postgres" and (reason := postgres_unreachable_reason()):
        pytest.skip(reason)
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
async def store(backend: Backend, tmp_path: Path) -> AsyncIterator[Store]:
    async with temporary_store(backend, tmp_path, events_on_new_verdicts=True, webhook_lease_s=0.3,
                               webhook_max_backoff_s=0.05) as opened:
        yield opened
