"""Fixtures of the console suite: a real service on 127.0.0.1 and a cookie-keeping HTTP client."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.api.server import start_service
from tests.timing import GIVE_UP_S
from tests.ui.client import ConsoleClient, ConsoleService


@pytest.fixture
async def console(tmp_path: Path) -> AsyncIterator[ConsoleService]:
    async with start_service(tmp_path, console_wait_s=GIVE_UP_S) as svc:  # every verdict arrives within the wait
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
