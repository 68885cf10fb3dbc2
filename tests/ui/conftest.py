"""Fixtures of the console suite: a real service on 127.0.0.1 and a cookie-keeping HTTP client."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.api.server import start_service
from tests.ui.client import ConsoleClient, ConsoleService


@pytest.fixture
async def console(tmp_path: Path) -> AsyncIterator[ConsoleService]:
    # The longest wait the console allows: every verdict here arrives within it, loaded or not.
    async with start_service(tmp_path, console_wait_s=60.0) as svc:
        service = ConsoleService(svc)
        try:
            yield service
        finally:
            await service.close()


@pytest.fixture
async def analyst(console: ConsoleService) -> ConsoleClient:
    """A client signed in with the analyst key."""
    client = console.client()
    await client.sign_in(console.service.keys["analyst"])
    return client
