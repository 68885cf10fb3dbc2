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
        await run_inspection(inspector, store, "async-1", inp, fetch=False)
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
        await run_inspection(Broken(), store, "async-2", InspectionInput(kind=InputKind.SCRIPT, content=b"x"))
    stored = await store.inspections.get("async-2")
    assert stored is not None and stored.status == "failed" and "analysis exploded" in (stored.error or "")
