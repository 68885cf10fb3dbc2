"""The payload inspector of the activity stream: a record's request body through the payload
pipeline, the inspection stored like any other (shared by `inspector activity ingest` and
`POST /v1/activity`).
"""

from __future__ import annotations

import uuid

from inspector.activity import ActivityRecord, Inspected, PayloadInspector
from inspector.extensions.request import InputKind, InspectionInput
from inspector.pipeline import Inspector
from inspector.store import Store


def _event_of(record: ActivityRecord) -> dict[str, object]:
    """The record as one REST-shaped event, the caller left out: what the payload pipeline reads."""
    return {"operationName": {"value": record.operation}, "status": {"value": record.status},
            "subStatus": {"value": record.sub_status}, "resourceId": record.resource_id,
            "correlationId": record.correlation_id, "subscriptionId": record.subscription_id,
            "eventTimestamp": record.event_time.isoformat(), "properties": {"requestbody": record.request_body}}


def payload_inspector(inspector: Inspector, store: Store) -> PayloadInspector:
    """Inspect a record's request body on its own (its own kind and status) and store the inspection."""

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
