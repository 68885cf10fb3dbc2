"""The service's rescans run against both databases; rule folders are per test so a rule can be 'added'."""

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
def rules_dir(tmp_path: Path) -> Path:
    path = tmp_path / "rules"
    path.mkdir()
    return path


@pytest.fixture
async def store(backend: Backend, tmp_path: Path, rules_dir: Path) -> AsyncIterator[Store]:
    async with temporary_store(backend, tmp_path / "data", signature_dirs=[rules_dir], rescan_batch_size=4,
                               rescan_poll_s=0.05) as opened:
        yield opened
