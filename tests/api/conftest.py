"""Fixtures of the API suite (helpers live in tests/api/server.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.api.server import Service, start_service


@pytest.fixture
async def service(tmp_path: Path) -> AsyncIterator[Service]:
    async with start_service(tmp_path) as svc:
        yield svc
