"""Rescans and verdict events over HTTP: `POST /v1/rescans`, `GET /v1/rescans/{id}`, `GET /v1/events`.

The work itself is the rescan service's (inspector/service/rescan_service.py) and the store's
event outbox; these handlers authenticate, bound their input and shape the answers.
"""

from __future__ import annotations

from datetime import datetime

import regex
from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, StrictBool

from inspector.api.auth import ADMIN, INSPECT, READ, require_role
from inspector.api.limits import read_body
from inspector.api.middleware import log_fields
from inspector.api.routes import caller, validate_body
from inspector.model import VerdictClass
from inspector.rescan.refetch import RefetchRefused
from inspector.service.json_body import parse_json
from inspector.service.problems import (
    INVALID_PARAMETER, NOT_FOUND, REFETCH_REFUSED, UNSUPPORTED_MEDIA_TYPE, ProblemError,
)
from inspector.service.state import SERVICE_STATE
from inspector.store import MAX_EVENTS_PAGE, EventRecord, RescanFilter, RescanInfo, StoreError

__all__ = ["RESCAN_ID_PATTERN", "EventsPage", "RescanRequest", "add_rescan_routes"]

_JSON = "application/json"
RESCAN_ID_PATTERN = "^[A-Za-z0-9_-]{1,32}$"
_RESCAN_ID = regex.compile(RESCAN_ID_PATTERN)
_CURSOR = regex.compile(r"[0-9]{1,19}")
# A rescan request is a handful of fields; anything bigger is not one.
MAX_RESCAN_BODY = 16 * 1024
DEFAULT_EVENTS_PAGE = 100


class RescanRequest(BaseModel):
    """What to rescan. Every field is optional: an empty body rescans every stored inspection."""

    model_config = ConfigDict(extra="forbid")

    since: datetime | None = Field(default=None, description="only inspections created at or after (ISO 8601)")
    kind: str | None = Field(default=None, max_length=32, description="only inspections of this request kind")
    verdict: VerdictClass | None = Field(default=None, description="only inspections whose current verdict is this")
    dry_run: StrictBool = Field(default=False, description="record the changes a rescan would make without applying them")
    full: StrictBool = Field(default=False, description="re-run every analyzer (after an upgrade), not only the rules")
    refetch: StrictBool = Field(default=False, description="fetch each inspection's URLs again and judge what they serve now"
                          " (409 refetch-refused when fetching is off)")

    def filters(self) -> RescanFilter:
        return RescanFilter(since=self.since, kind=self.kind, verdict=self.verdict)


class EventsPage(BaseModel):
    """Verdict events after the cursor asked for, oldest first."""

    events: list[EventRecord]
    next_cursor: str = Field(description="pass as `after` to read the events that follow (unchanged when none came)")


def _json_response(body: BaseModel, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(status=status, body=body.model_dump_json().encode(), content_type=_JSON, headers=headers)


def _rescan_location(info: RescanInfo) -> str:
    return f"/v1/rescans/{info.id}"


async def create_rescan(request: web.Request) -> web.Response:
    state = request.app[SERVICE_STATE]
    key = await caller(request)
    require_role(key, ADMIN, "starting rescans")
    raw = await read_body(request, max_bytes=MAX_RESCAN_BODY, timeout_s=state.settings.api_body_timeout_s)
    if raw.strip():
        if request.content_type != _JSON:
            raise ProblemError(UNSUPPORTED_MEDIA_TYPE, f"send {_JSON}; got {request.content_type or 'no content type'}")
        req = validate_body(RescanRequest, parse_json(raw, state.json_limits))
    else:
        req = RescanRequest()
    try:
        info = await state.rescans.submit(req.filters(), dry_run=req.dry_run, full=req.full, refetch=req.refetch,
                                          requested_by=f"key:{key.id}")
    except RefetchRefused as exc:
        raise ProblemError(REFETCH_REFUSED, str(exc)) from None
    log_fields(request)["rescan_id"] = info.id
    location = _rescan_location(info)
    return _json_response(info, status=202, headers={"Location": location})


async def get_rescan(request: web.Request) -> web.Response:
    state = request.app[SERVICE_STATE]
    key = await caller(request)
    require_role(key, ADMIN, "reading rescans")
    rescan_id = request.match_info["rescan_id"]
    if not _RESCAN_ID.fullmatch(rescan_id, timeout=0.05):
        raise ProblemError(INVALID_PARAMETER, "a rescan id is 1-32 letters, digits, - or _")
    info = await state.store.rescans.get(rescan_id)
    if info is None:
        raise ProblemError(NOT_FOUND, f"no rescan {rescan_id}")
    log_fields(request)["rescan_id"] = rescan_id
    return _json_response(info)


def _events_limit(request: web.Request) -> int:
    value = request.query.get("limit")
    if value is None:
        return DEFAULT_EVENTS_PAGE
    if not value.isdigit() or not 1 <= int(value) <= MAX_EVENTS_PAGE:
        raise ProblemError(INVALID_PARAMETER, f"query parameter limit must be an integer, 1 to {MAX_EVENTS_PAGE}")
    return int(value)


async def list_events(request: web.Request) -> web.Response:
    state = request.app[SERVICE_STATE]
    key = await caller(request)
    require_role(key, INSPECT, "reading events")
    after = request.query.get("after", "")
    if after and not _CURSOR.fullmatch(after, timeout=0.05):
        raise ProblemError(INVALID_PARAMETER, "query parameter after must be the cursor of an event (digits)")
    limit = _events_limit(request)
    try:
        # A detector reads the events of its own inspections only, by the rule of
        # GET /v1/inspections/{id}: others' inspections are not its to see.
        found = await state.store.events.read(after or None, limit,
                                              submitted_by=None if key.role in READ else key.id)
    except StoreError as exc:
        raise ProblemError(INVALID_PARAMETER, str(exc)) from None
    next_cursor = found[-1].cursor if found else (after or "0")
    return _json_response(EventsPage(events=found, next_cursor=next_cursor))


def add_rescan_routes(app: web.Application) -> None:
    app.router.add_post("/v1/rescans", create_rescan)
    app.router.add_get("/v1/rescans/{rescan_id}", get_rescan, allow_head=False)
    app.router.add_get("/v1/events", list_events, allow_head=False)
