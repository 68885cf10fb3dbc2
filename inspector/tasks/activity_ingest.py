"""Activity ingest on workers: a batch of records split by subscription, each subscription's
records one chain of tasks in event-time order, each task one serialised load-judge-save.

Why per subscription: a subscription's history is loaded, judged against and saved as totals
(`inspector/activity/`), so two workers on one subscription at once would decide on the same
history (two alerts) and write totals over each other. Every task holds its subscription
(`store.activity.serialised`: a PostgreSQL advisory lock) from loading to saving, so the second
worker sees what the first saved: its duplicate records are skipped, its counts add up, and an
alert already stored under its dedupe key is not raised again (the key is unique in the store).
Different subscriptions run in parallel on as many workers as there are.

Tasks carry the normalised records (`ActivityRecord` as JSON); alerts land in the store
(`store.activity.alerts`), as the local engine's do.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from inspector.activity import ActivityLimits, ActivityRecord, Ingestor, Inspected, PayloadInspector
from inspector.extensions.request import InputKind, InspectionInput
from inspector.store import Store
from inspector.tasks.worker import WorkerState

#: Records per task: bounds a broker message and the time one subscription is held.
RECORDS_PER_TASK = 2000


def _event_of(record: ActivityRecord) -> dict[str, object]:
    """The record as one REST-shaped event, the caller left out: what the payload pipeline reads."""
    return {"operationName": {"value": record.operation}, "status": {"value": record.status},
            "subStatus": {"value": record.sub_status}, "resourceId": record.resource_id,
            "correlationId": record.correlation_id, "subscriptionId": record.subscription_id,
            "eventTimestamp": record.event_time.isoformat(), "properties": {"requestbody": record.request_body}}


def payload_inspector(inspector: Any, store: Store) -> PayloadInspector:
    """Inspect a record's request body on its own (its own kind and status) and store the inspection.
    `inspector` is an `inspector.pipeline.Inspector`."""

    async def inspect(record: ActivityRecord) -> Inspected | None:
        inspection_id = uuid.uuid4().hex
        inp = InspectionInput(kind=InputKind.ACTIVITY_LOG, body=_event_of(record))
        result = await inspector.inspect(inp, inspection_id=inspection_id, input_name=record.position or None,
                                         fetch=False)
        await store.inspections.save_completed(inspection_id, inp.kind.value, result.plan.redacted_request,
                                               result.plan.context, None,  # type: ignore[arg-type]
                                               record.position or None, result.verdict, result.blobs)
        verdict = result.verdict
        return Inspected(inspection_id, verdict.verdict.value, tuple(a.alertType for a in verdict.alerts),
                         tuple(f"{a.alertType}: {a.reason}" for a in verdict.alerts))

    return inspect


def by_subscription(records: Iterable[ActivityRecord],
                    per_task: int = RECORDS_PER_TASK) -> dict[str, list[list[dict[str, Any]]]]:
    """Each subscription's records in event-time order (stable: input order breaks ties), cut
    into task-sized chunks, as JSON for the broker. Keys are casefolded subscription ids."""
    grouped: dict[str, list[ActivityRecord]] = {}
    for record in records:
        grouped.setdefault(record.subscription_id.casefold(), []).append(record)
    chunks: dict[str, list[list[dict[str, Any]]]] = {}
    for subscription, items in grouped.items():
        items.sort(key=lambda r: r.event_time)
        encoded = [r.model_dump(mode="json") for r in items]
        chunks[subscription] = [encoded[i:i + per_task] for i in range(0, len(encoded), per_task)]
    return chunks


@dataclass(frozen=True)
class IngestTaskResult:
    subscription_id: str
    records: int
    judged: int
    duplicates: int
    too_late: int
    held: int
    alerts: list[str]
    released_early: int = 0  # judged before the reorder window passed them (see engine.py)


async def ingest_serialised(store: Store, subscription_id: str, records: list[ActivityRecord],
                            limits: ActivityLimits, inspector: PayloadInspector | None, *,
                            streaming: bool = False, flush: bool | None = None) -> IngestTaskResult:
    """Ingest one subscription's records while holding the subscription (see the module doc).
    `streaming`: what is not due yet stays held back in the store for the next task
    (`inspector/activity/engine.py`); `flush=True` judges everything the subscription holds."""
    foreign = {r.subscription_id.casefold() for r in records} - {subscription_id.casefold()}
    if foreign:
        raise ValueError(f"a task for subscription {subscription_id} carries records of {sorted(foreign)}")
    async with store.activity.serialised(subscription_id):
        ingestor = Ingestor(store.activity, limits, inspector=inspector, streaming=streaming)
        await ingestor.take_up(subscription_id)
        for record in records:
            await ingestor.add(record)
        await ingestor.finish(flush=flush)
        await ingestor.prune_store()
    report = ingestor.report
    return IngestTaskResult(subscription_id, report.records, report.judged, report.duplicates, report.too_late,
                            report.held, [a.id for a in report.alerts], report.released_early)


def ingest_in_worker(state: WorkerState, subscription_id: str, encoded: list[dict[str, Any]],
                     inspect: bool, flush: bool = False) -> IngestTaskResult:
    """The Celery task's body: decode, then ingest under the subscription's lock, as a stream
    (what is not due yet stays held in the store for the next task; `flush` judges it all)."""
    limits = ActivityLimits.from_settings(state.settings)
    if not inspect:
        limits = replace(limits, inspect_bodies=False)
    records = [ActivityRecord.model_validate(item) for item in encoded]

    async def _run() -> IngestTaskResult:
        inspector = (payload_inspector(await state.active_inspector(), state.store)
                     if limits.inspect_bodies else None)
        return await ingest_serialised(state.store, subscription_id, records, limits, inspector,
                                       streaming=True, flush=flush)

    return state.runner.run(_run())
