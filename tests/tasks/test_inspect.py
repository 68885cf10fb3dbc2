"""Asynchronous inspections: the task code shared by the service (local engine) and Celery workers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from inspector.extensions.request import InputKind, InspectionInput
from inspector.pipeline import Inspector
from inspector.store import Store
from inspector.store.testing import temporary_store
from inspector.tasks.inspect import decode_input, encode_input, run_inspection


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    async with temporary_store("sqlite", tmp_path) as opened:
        yield opened


def test_inputs_survive_the_trip_through_json_including_binary_bytes() -> None:
    inp = InspectionInput(kind=InputKind.FILE, content=b"MZ\x90\x00\xff\xfe", filename="a.exe")
    encoded = encode_input(inp)
    import json

    assert decode_input(json.loads(json.dumps(encoded))) == inp


async def test_a_queued_inspection_is_run_and_stored(store: Store) -> None:
    inspector = await Inspector.start(store.settings, workers=0, fetching=False)
    try:
        await store.inspections.create("async-1", "script", {}, None, None, "run.ps1")
        inp = InspectionInput(kind=InputKind.SCRIPT, content=b"Invoke-Mimikatz -DumpCreds", filename="run.ps1")
        await run_inspection(inspector, store, store.settings, "async-1", inp, fetch=False)
    finally:
        await inspector.close()
    stored = await store.inspections.get("async-1")
    assert stored is not None and stored.status == "done" and stored.verdict is not None
    assert stored.verdict.verdict != "clean" and stored.verdict.input == "run.ps1"


async def test_a_failing_inspection_is_marked_failed(store: Store) -> None:
    class Broken:
        async def inspect(self, *_: object, **__: object) -> object:
            raise RuntimeError("analysis exploded")

    await store.inspections.create("async-2", "script", {}, None, None)
    with pytest.raises(RuntimeError):
        await run_inspection(Broken(), store, store.settings, "async-2", InspectionInput(kind=InputKind.SCRIPT, content=b"x"))
    stored = await store.inspections.get("async-2")
    assert stored is not None and stored.status == "failed" and "analysis exploded" in (stored.error or "")


async def _verdict_rows(store: Store, inspection_id: str) -> int:
    import sqlalchemy as sa

    from inspector.store.schema import verdicts

    async with store.database.read() as conn:
        return int(await conn.scalar(sa.select(sa.func.count()).select_from(verdicts)
                                     .where(verdicts.c.inspection_id == inspection_id)))


async def test_a_task_delivered_again_after_its_verdict_was_stored_stores_nothing(store: Store) -> None:
    inspector = await Inspector.start(store.settings, workers=0, fetching=False)
    inp = InspectionInput(kind=InputKind.SCRIPT, content=b"Invoke-Mimikatz -DumpCreds")
    try:
        await store.inspections.create("again", "script", {}, None, None)
        assert await run_inspection(inspector, store, store.settings, "again", inp)
        first = await store.inspections.get("again")
        # The worker died before acknowledging: the broker delivers the task once more.
        assert not await run_inspection(inspector, store, store.settings, "again", inp)
    finally:
        await inspector.close()
    stored = await store.inspections.get("again")
    assert stored is not None and first is not None
    assert stored.status == "done" and stored.verdict == first.verdict and stored.updated_at == first.updated_at
    assert await _verdict_rows(store, "again") == 1


async def test_a_worker_gives_up_at_the_hard_deadline(tmp_path: Path) -> None:
    import asyncio

    class Hanging:
        async def inspect(self, *_: object, **__: object) -> object:
            await asyncio.Event().wait()
            raise AssertionError("unreachable")

    async with temporary_store("sqlite", tmp_path, api_inspection_timeout_s=0.2) as store:
        await store.inspections.create("slow", "url", {}, None, None)
        await run_inspection(Hanging(), store, store.settings, "slow", InspectionInput(kind=InputKind.SCRIPT, content=b"x"))
        stored = await store.inspections.get("slow")
    assert stored is not None and stored.status == "failed" and stored.error_kind == "deadline"
