"""Asynchronous inspections (`202 Accepted`): one function for the local engine and Celery workers.

`run_inspection` takes an `Inspector` and a `Store`; the service calls it in its own event
loop (engine `local`) and a Celery worker calls it through `inspect_in_worker` (engine
`celery`). Requests travel to workers as JSON with byte fields in base64; they may carry
protected settings, so the broker must be private (see docs/deploy.md).
"""

from __future__ import annotations

import base64
from typing import Any

from inspector.extensions.request import InspectionInput
from inspector.store import Store
from inspector.tasks.worker import WorkerState

_BYTES_FIELDS = ("content",)


def encode_input(inp: InspectionInput) -> dict[str, Any]:
    data = inp.model_dump(mode="python", exclude={"content"})
    data = InspectionInput.model_validate(data).model_dump(mode="json", exclude={"content"})
    data["content_b64"] = base64.b64encode(inp.content).decode() if inp.content is not None else None
    return data


def decode_input(data: dict[str, Any]) -> InspectionInput:
    data = dict(data)
    encoded = data.pop("content_b64", None)
    data["content"] = base64.b64decode(encoded) if encoded is not None else None
    return InspectionInput.model_validate(data)


async def run_inspection(inspector: Any, store: Store, inspection_id: str, inp: InspectionInput,
                         fetch: bool | None = None) -> None:
    """Inspect a queued inspection and store its verdict (or its failure)."""
    await store.inspections.mark_running(inspection_id)
    try:
        result = await inspector.inspect(inp, inspection_id=inspection_id, fetch=fetch, input_name=inp.filename)
    except Exception as exc:
        await store.inspections.mark_failed(inspection_id, "inspection_failed", f"{type(exc).__name__}: {exc}")
        raise
    await store.inspections.save_verdict(inspection_id, result.verdict, result.blobs)


def inspect_in_worker(state: WorkerState, inspection_id: str, inp: InspectionInput, fetch: bool | None) -> None:
    async def _run() -> None:
        await run_inspection(await state.active_inspector(), state.store, inspection_id, inp, fetch)

    state.runner.run(_run())
