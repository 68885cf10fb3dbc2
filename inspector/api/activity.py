"""The activity stream over HTTP: `POST /v1/activity` ingests a batch of activity-log records,
`GET /v1/alerts` and `GET /v1/alerts/{id}` read the alerts stored (docs/activity.md).

The ingest itself is inspector/activity/'s; alerts and their `alert.raised` events are stored in
one transaction by the store. Each batch holds its subscriptions against every other ingest of
them, in this process, other replicas and workers (`store.activity.serialised`): the ingesting
process holds a subscription's counters and writes them as absolute values, so two batches of
one subscription must not interleave; batches of other subscriptions go on meanwhile.
"""

from __future__ import annotations

import asyncio
import io
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import regex
from aiohttp import web
from pydantic import BaseModel, Field

from inspector.activity import ActivityAlert, ActivityLimits, Ingestor, RecordError, read_records, to_ocsf
from inspector.api.auth import INSPECT, READ, require_role
from inspector.api.limits import read_body
from inspector.api.middleware import log_fields
from inspector.api.routes import caller
from inspector.service.activity_bodies import payload_inspector
from inspector.service.problems import (
    BODY_TOO_LARGE, INVALID_PARAMETER, INVALID_REQUEST, NOT_FOUND, UNSUPPORTED_MEDIA_TYPE, FieldIssue, ProblemError,
)
from inspector.service.state import SERVICE_STATE
from inspector.store import MAX_ALERTS_PAGE

__all__ = ["ALERT_ID_PATTERN", "AlertsPage", "IngestResult", "add_activity_routes"]

_JSON = "application/json"
_NDJSON = ("application/x-ndjson", "application/jsonl", "application/json-lines")
ALERT_ID_PATTERN = "^[A-Za-z0-9_-]{1,64}$"
_ALERT_ID = regex.compile(ALERT_ID_PATTERN)
_ALERT_CURSOR = regex.compile(r"([0-9]{1,20})\.([A-Za-z0-9_-]{1,64})")
_ALERT_TYPE = regex.compile(r"[A-Za-z0-9_.-]{1,128}")
_MAX_QUERY_VALUE = 1024
DEFAULT_ALERTS_PAGE = 100
_YIELD_EVERY = 200  # records judged between turns given back to the event loop
_MAX_REPORTED = 100  # unreadable records listed in a 400
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class IngestError(BaseModel):
    position: str = Field(description="where the record sits in the body (line, index)")
    detail: str


class IngestResult(BaseModel):
    """What one batch did: counts, the records that could not be read, the alerts newly raised."""

    records: int
    judged: int
    duplicates: int
    too_late: int
    inspected: int
    held: int = Field(description="records of these subscriptions still held back for reordering, judged by a later"
                                  " batch or ?flush=true")
    released_early: int = Field(default=0, description="records judged before the reorder window passed them,"
                                " because their subscription held more than INSPECTOR_ACTIVITY_MAX_HELD_RECORDS;"
                                " a record later than these may be judged out of order")
    errors: list[IngestError]
    alerts: list[dict[str, Any]] = Field(description="ActivityAlert, or OCSF Detection Finding with ?format=ocsf")


class AlertsPage(BaseModel):
    """Stored alerts, newest first (start time, then id)."""

    alerts: list[dict[str, Any]]
    next_cursor: str | None = Field(description="pass as `after` for the next page; null on the last page")


def _json_response(body: BaseModel, status: int = 200) -> web.Response:
    return web.Response(status=status, body=body.model_dump_json().encode(), content_type=_JSON)


def _format(request: web.Request) -> str:
    fmt = request.query.get("format", "json")
    if fmt not in ("json", "ocsf"):
        raise ProblemError(INVALID_PARAMETER, "query parameter format must be json or ocsf")
    return fmt


def _render(body: dict[str, Any], fmt: str) -> dict[str, Any]:
    return to_ocsf(ActivityAlert.model_validate(body)) if fmt == "ocsf" else body


async def ingest_activity(request: web.Request) -> web.Response:
    state = request.app[SERVICE_STATE]
    key = await caller(request)
    require_role(key, INSPECT, "ingesting activity records")
    fmt = _format(request)
    flush = _flag(request, "flush")
    if request.content_type != _JSON and request.content_type not in _NDJSON:
        raise ProblemError(UNSUPPORTED_MEDIA_TYPE, f"send {_JSON} or application/x-ndjson; got "
                           f"{request.content_type or 'no content type'}")
    settings = state.settings
    raw = await read_body(request, max_bytes=settings.api_max_activity_body_bytes,
                          timeout_s=settings.api_body_timeout_s)
    limits = ActivityLimits.from_settings(settings)
    limits = replace(limits, max_batch_records=min(limits.max_batch_records, settings.api_max_activity_records))
    # Reading is bounded by the body and per-record limits; parse off the loop, it is CPU work.
    items: list[Any] = await asyncio.to_thread(lambda: list(read_records(io.BytesIO(raw), limits, "body")))
    records = sum(1 for i in items if not isinstance(i, RecordError))
    if records > settings.api_max_activity_records or any(
            isinstance(i, RecordError) and "MAX_BATCH_RECORDS" in i.detail for i in items):
        raise ProblemError(BODY_TOO_LARGE, f"a batch holds at most {settings.api_max_activity_records} records"
                           " (api_max_activity_records); split it")
    if records == 0 and not (flush and not items):  # a flush alone may carry no record
        unread = [FieldIssue(field=i.position, message=i.detail) for i in items[:_MAX_REPORTED]
                  if isinstance(i, RecordError)]
        raise ProblemError(INVALID_REQUEST, "the body holds no readable activity record"
                           + (f": {unread[0].field}: {unread[0].message}" if unread else ""),
                           errors=unread or None)
    inspector = payload_inspector(state.inspector, state.store) if limits.inspect_bodies else None
    # Held against every other ingest of these subscriptions, in this process and in any other
    # replica or worker on the same store: detectors read the history, then decide and save.
    subscriptions = {i.subscription_id.casefold() for i in items if not isinstance(i, RecordError)}
    if flush:  # every subscription with records held back, not only this batch's
        subscriptions.update(await state.store.activity.held_subscriptions())
    async with state.store.activity.serialised(*sorted(subscriptions)):
        # A stream: what is not due yet is held back, in the store, for the next batch.
        ingestor = Ingestor(state.store.activity, limits, inspector=inspector, streaming=True)
        for subscription in sorted(subscriptions):
            await ingestor.take_up(subscription)
        for n, item in enumerate(items, 1):
            await ingestor.add(item)
            if n % _YIELD_EVERY == 0:
                await asyncio.sleep(0)  # a large batch must not hold up the other requests
        await ingestor.finish(flush=flush)
        await ingestor.prune_store()
    state.events.wake()
    report = ingestor.report
    log_fields(request)["records"] = report.records
    log_fields(request)["alerts"] = len(report.alerts)
    return _json_response(IngestResult(
        records=report.records, judged=report.judged, duplicates=report.duplicates, too_late=report.too_late,
        inspected=report.inspected, held=report.held, released_early=report.released_early, errors=[IngestError(position=e.position, detail=e.detail) for e in report.errors],
        alerts=[to_ocsf(a) if fmt == "ocsf" else a.model_dump(mode="json") for a in report.alerts]))


def _flag(request: web.Request, name: str) -> bool:
    value = request.query.get(name, "false")
    if value not in ("true", "false", "1", "0"):
        raise ProblemError(INVALID_PARAMETER, f"query parameter {name} must be true or false")
    return value in ("true", "1")


def _query_text(request: web.Request, name: str) -> str | None:
    value = request.query.get(name)
    if value is None or value == "":
        return None
    if len(value) > _MAX_QUERY_VALUE:
        raise ProblemError(INVALID_PARAMETER, f"query parameter {name} is longer than {_MAX_QUERY_VALUE} characters")
    return value


def _query_time(request: web.Request, name: str) -> datetime | None:
    value = _query_text(request, name)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ProblemError(INVALID_PARAMETER, f"query parameter {name} must be an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise ProblemError(INVALID_PARAMETER, f"query parameter {name} must carry a time zone (Z or +00:00)")
    return moment


def _query_limit(request: web.Request) -> int:
    value = request.query.get("limit")
    if value is None:
        return DEFAULT_ALERTS_PAGE
    if not value.isdigit() or not 1 <= int(value) <= MAX_ALERTS_PAGE:
        raise ProblemError(INVALID_PARAMETER, f"query parameter limit must be an integer, 1 to {MAX_ALERTS_PAGE}")
    return int(value)


def _cursor_of(start_time: datetime, alert_id: str) -> str:
    return f"{(start_time - _EPOCH) // timedelta(microseconds=1)}.{alert_id}"


def _parse_cursor(request: web.Request) -> tuple[datetime, str] | None:
    value = _query_text(request, "after")
    if value is None:
        return None
    match = _ALERT_CURSOR.fullmatch(value, timeout=0.05)
    if match is None:
        raise ProblemError(INVALID_PARAMETER, "query parameter after must be the next_cursor of a page")
    try:
        at = _EPOCH + timedelta(microseconds=int(match.group(1)))
    except OverflowError:
        raise ProblemError(INVALID_PARAMETER, "query parameter after must be the next_cursor of a page") from None
    return at, match.group(2)


async def list_alerts(request: web.Request) -> web.Response:
    state = request.app[SERVICE_STATE]
    key = await caller(request)
    require_role(key, READ, "reading alerts")
    fmt = _format(request)
    alert_type = _query_text(request, "type")
    if alert_type is not None and not _ALERT_TYPE.fullmatch(alert_type, timeout=0.05):
        raise ProblemError(INVALID_PARAMETER, "query parameter type must be an alert type name")
    since, until = _query_time(request, "since"), _query_time(request, "until")
    if since is not None and until is not None and since >= until:
        raise ProblemError(INVALID_PARAMETER, "query parameter since must be before until")
    limit = _query_limit(request)
    rows = await state.store.activity.alerts(
        subscription_id=_query_text(request, "subscription"), alert_type=alert_type,
        resource_id=_query_text(request, "resource"), since=since, until=until,
        after=_parse_cursor(request), limit=limit + 1)
    page, more = rows[:limit], len(rows) > limit
    next_cursor = _cursor_of(page[-1].start_time, page[-1].id) if more and page else None
    return _json_response(AlertsPage(alerts=[_render(r.body, fmt) for r in page], next_cursor=next_cursor))


async def get_alert(request: web.Request) -> web.Response:
    state = request.app[SERVICE_STATE]
    key = await caller(request)
    require_role(key, READ, "reading alerts")
    fmt = _format(request)
    alert_id = request.match_info["alert_id"]
    if not _ALERT_ID.fullmatch(alert_id, timeout=0.05):
        raise ProblemError(INVALID_PARAMETER, "an alert id is 1-64 letters, digits, - or _")
    row = await state.store.activity.alert(alert_id)
    if row is None:
        raise ProblemError(NOT_FOUND, f"no alert {alert_id}")
    log_fields(request)["alert_id"] = alert_id
    return web.json_response(_render(row.body, fmt))


def add_activity_routes(app: web.Application) -> None:
    app.router.add_post("/v1/activity", ingest_activity)
    app.router.add_get("/v1/alerts", list_alerts, allow_head=False)
    app.router.add_get("/v1/alerts/{alert_id}", get_alert, allow_head=False)
