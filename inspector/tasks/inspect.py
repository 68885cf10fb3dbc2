"""Asynchronous inspections (`202 Accepted`): one function for the local engine and Celery workers.

`run_inspection` takes an `Inspector` and a `Store`; the service calls it in its own event
loop (engine `local`) and a Celery worker calls it through `inspect_in_worker` (engine
`celery`). Requests travel to workers as JSON with byte fields in base64; they may carry
protected settings, so the broker must be private (see docs/deploy.md).
"""

from __future__ import annotations

import asyncio
import base64
import os
import time
from pathlib import Path
from typing import Any

from inspector.config import Settings
from inspector.extensions.request import InputError, InspectionInput
from inspector.logging_setup import get_logger
from inspector.store import Store
from inspector.store.inspections import running_lease
from inspector.store.schema import utcnow
from inspector.tasks.worker import WorkerState
from inspector.tasks.worker_metrics import InspectionMetrics

log = get_logger("inspector.tasks.inspect")

_BYTES_FIELDS = ("content",)

# Test-only: a folder in which a worker, right after storing a verdict and before the broker
# hears that the task is done, writes `<id>.saved` and waits for `<id>.release`. A test kills
# the worker at exactly that moment to force a redelivery of a task whose result is stored
# (tests/tasks/test_redelivery.py). Unset in any deployment: it costs one lookup per task.
HOLD_AFTER_SAVE_ENV = "INSPECTOR_TEST_HOLD_AFTER_SAVE"
HOLD_POLL_S = 0.05


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


async def run_inspection(inspector: Any, store: Store, settings: Settings, inspection_id: str,
                         inp: InspectionInput, fetch: bool | None = None,
                         metrics: InspectionMetrics | None = None) -> bool:
    """Inspect a queued inspection and store its verdict (or its failure); False when there was nothing to do.

    Safe to run twice (a broker redelivers a task whose worker died, even one that had stored
    its result): an inspection already done or failed is left as it is, and a verdict is
    stored once. The inspection runs under the service's hard bound (`api_inspection_timeout_s`);
    its lease says how long it may take before the reaper counts it as abandoned. `metrics`
    (a worker's) counts the verdict or failure and times the inspection, broker wait excluded.
    """
    if not await store.inspections.mark_running(inspection_id, lease_expires_at=running_lease(settings, utcnow())):
        log.info("inspection_already_ended", inspection_id=inspection_id)
        return False
    log.info("inspection_started", inspection_id=inspection_id)
    started = time.monotonic()

    def failed(kind: str) -> None:
        if metrics is not None:
            metrics.record_failure(kind)
            metrics.seconds.observe(time.monotonic() - started)

    try:
        async with asyncio.timeout(settings.api_inspection_timeout_s):
            result = await inspector.inspect(inp, inspection_id=inspection_id, fetch=fetch, input_name=inp.filename)
    except InputError as exc:
        await store.inspections.mark_failed(inspection_id, exc.kind, exc.detail)
        failed(exc.kind)
        log.info("inspection_failed", inspection_id=inspection_id, error_kind=exc.kind)
        return True
    except TimeoutError:
        limit = settings.api_inspection_timeout_s
        await store.inspections.mark_failed(inspection_id, "deadline", f"the inspection took longer than {limit:g} s")
        failed("deadline")
        log.info("inspection_failed", inspection_id=inspection_id, error_kind="deadline")
        return True
    except Exception as exc:
        await store.inspections.mark_failed(inspection_id, "inspection_failed", f"{type(exc).__name__}: {exc}")
        failed("inspection_failed")
        log.exception("inspection_crashed", inspection_id=inspection_id, error_type=type(exc).__name__)
        raise
    stored = await store.inspections.save_verdict(inspection_id, result.verdict, result.blobs)
    if metrics is not None:
        metrics.record_verdict(result.verdict)
        metrics.seconds.observe(time.monotonic() - started)
    log.info("inspection_done", inspection_id=inspection_id, verdict=result.verdict.verdict.value, stored=stored)
    await _hold_after_save(inspection_id)
    return True


async def _hold_after_save(inspection_id: str) -> None:
    folder = os.environ.get(HOLD_AFTER_SAVE_ENV)
    if not folder:
        return
    Path(folder, f"{inspection_id}.saved").touch()
    release = Path(folder, f"{inspection_id}.release")
    while not release.exists():
        await asyncio.sleep(HOLD_POLL_S)


def inspect_in_worker(state: WorkerState, inspection_id: str, inp: InspectionInput, fetch: bool | None) -> None:
    async def _run() -> None:
        await run_inspection(await state.active_inspector(), state.store, state.settings, inspection_id, inp, fetch,
                             metrics=state.inspection_metrics())

    state.runner.run(_run())
