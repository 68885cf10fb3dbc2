"""The endpoints. Each handler authenticates, checks its role, bounds its input, then calls the
inspection runner, the store or the inspector of the service (inspector/service/); errors are
raised as problems (see problems.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import regex
from aiohttp import BodyPartReader, web
from aiohttp.http_exceptions import HttpProcessingError
from pydantic import BaseModel, ValidationError

from inspector.api.auth import ADMIN, INSPECT, READ, KeyAuthenticator, require_role
from inspector.api.limits import RateLimiter, read_body
from inspector.api.middleware import log_fields
from inspector.api.schemas import (
    HealthBody,
    InspectionAccepted,
    InspectionRequest,
    InspectionStatusBody,
    PayloadBody,
    PayloadVerdictBody,
    ReadyBody,
    SignaturesBody,
    SkippedRuleFile,
)
from inspector.config import Settings
from inspector.extensions import detect_input
from inspector.extensions.request import InputError, InspectionInput
from inspector.logging_setup import get_logger
from inspector.pipeline import SignatureStatus
from inspector.rules.ruleset import RulesetError
from inspector.service.inspection_runner import Outcome, Submission, warm_workers, worker_count
from inspector.service.json_body import parse_json
from inspector.service.problems import (
    BODY_TIMEOUT,
    BODY_TOO_LARGE,
    INVALID_PARAMETER,
    INVALID_REQUEST,
    INVALID_RULESET,
    NOT_FOUND,
    UNINSPECTABLE_INPUT,
    UNKNOWN_FIELDS,
    UNSUPPORTED_MEDIA_TYPE,
    FieldIssue,
    ProblemError,
    RulesetIssue,
)
from inspector.service.state import SERVICE_STATE
from inspector.store import ApiKeyInfo

_JSON = "application/json"
INSPECTION_ID_PATTERN = "^[A-Za-z0-9_-]{1,64}$"
SHA256_PATTERN = "^[A-Fa-f0-9]{64}$"
_INSPECTION_ID = regex.compile(INSPECTION_ID_PATTERN)
_SHA256 = regex.compile(SHA256_PATTERN)
# Bodies above this size are parsed off the event loop so small requests keep flowing.
_OFFLOAD_BYTES = 256 * 1024
_READY_PING_S = 2.0
# Multipart uploads: parts looked at before the `file` part must appear, and framing allowance.
_MAX_PARTS = 16
_MULTIPART_OVERHEAD = 64 * 1024

BodyModel = TypeVar("BodyModel", bound=BaseModel)
log = get_logger("inspector.api.routes")


@dataclass
class ApiState:
    """The API's own parts, beside the service state it shares with the console."""

    authenticator: KeyAuthenticator
    rate: RateLimiter
    openapi: bytes

    async def caller(self, request: web.Request) -> ApiKeyInfo:
        """Authenticate the request and charge its key one token."""
        key = await self.authenticator.authenticate(request)
        log_fields(request)["key_id"] = key.id
        self.rate.acquire(key.id)
        return key


API_STATE = web.AppKey("api", ApiState)


async def caller(request: web.Request) -> ApiKeyInfo:
    """The key of an API request (401/429 problems when it has none or is over its rate)."""
    return await request.app[API_STATE].caller(request)


def _json_response(body: BaseModel, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(status=status, body=body.model_dump_json(exclude_none=False).encode(),
                        content_type=_JSON, headers=headers)


async def _off_loop(fn: Callable[[], Any], size: int) -> Any:
    return await asyncio.to_thread(fn) if size > _OFFLOAD_BYTES else fn()


def validate_body(model: type[BodyModel], value: Any) -> BodyModel:
    """Validate a parsed body, reporting unknown fields by name and other issues per field."""
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        unknown: list[str] = []
        issues: list[FieldIssue] = []
        for err in exc.errors(include_url=False, include_input=False):
            where = ".".join(str(p) for p in err["loc"]) or "body"
            if err["type"] == "extra_forbidden":
                unknown.append(where)
            else:
                issues.append(FieldIssue(field=where, message=err["msg"]))
        if unknown:
            unknown.sort()
            raise ProblemError(UNKNOWN_FIELDS, "unknown fields: " + ", ".join(unknown),
                               unknown_fields=unknown, errors=issues or None) from None
        raise ProblemError(INVALID_REQUEST, "; ".join(f"{i.field}: {i.message}" for i in issues[:10]),
                           errors=issues) from None


def _wait_s(settings: Settings, request: web.Request, asked: float | None) -> float:
    if "respond-async" in request.headers.get("Prefer", "").lower():
        return 0.0
    if asked is None:
        return settings.api_wait_s
    return min(asked, settings.api_max_wait_s)


def _inspection_response(request: web.Request, outcome: Outcome) -> web.Response:
    fields = log_fields(request)
    fields["inspection_id"] = outcome.inspection_id
    if outcome.verdict is not None:
        fields["verdict"] = outcome.verdict.verdict.value
        fields["score"] = outcome.verdict.score
        body = outcome.verdict_json if outcome.verdict_json is not None else outcome.verdict.model_dump_json()
        return web.Response(body=body.encode(), content_type=_JSON)
    location = f"/v1/inspections/{outcome.inspection_id}"
    return _json_response(InspectionAccepted(id=outcome.inspection_id, status="running", location=location),
                          status=202, headers={"Location": location})


def _detect(data: bytes, filename: str | None) -> InspectionInput:
    try:
        return detect_input(data, filename=filename)
    except InputError as exc:
        raise ProblemError(UNINSPECTABLE_INPUT, f"{exc.kind}: {exc.detail}") from None


# --------------------------------------------------------------------------- inspections


async def create_inspection(request: web.Request) -> web.Response:
    state = request.app[SERVICE_STATE]
    key = await caller(request)
    require_role(key, INSPECT, "inspecting")
    if request.content_type != _JSON:
        raise ProblemError(UNSUPPORTED_MEDIA_TYPE, f"send {_JSON}; got {request.content_type or 'no content type'}"
                           " (files go to /v1/inspections/file)")
    settings = state.settings
    raw = await read_body(request, max_bytes=settings.api_max_body_bytes, timeout_s=settings.api_body_timeout_s)
    limits = state.json_limits
    body = await _off_loop(lambda: parse_json(raw, limits), len(raw))
    req = await _off_loop(lambda: validate_body(InspectionRequest, body), len(raw))
    misplaced = req.misplaced_fields()
    if misplaced:
        issues = [FieldIssue(field=f, message=m) for f, m in misplaced]
        raise ProblemError(INVALID_REQUEST, "; ".join(m for _, m in misplaced), errors=issues)
    log_fields(request)["kind"] = req.kind
    inp = req.to_input()
    options = req.options
    outcome = await state.runner.run(
        inp,
        Submission(kind=req.kind, key_id=key.id, input_name=req.filename, fetch=options.fetch if options else None),
        _wait_s(settings, request, options.deadline_s if options else None),
    )
    return _inspection_response(request, outcome)


def _query_bool(request: web.Request, name: str) -> bool | None:
    value = request.query.get(name)
    if value is None:
        return None
    lowered = value.lower()
    if lowered in ("true", "1", "yes"):
        return True
    if lowered in ("false", "0", "no"):
        return False
    raise ProblemError(INVALID_PARAMETER, f"query parameter {name} must be true or false")


def _query_deadline(request: web.Request) -> float | None:
    value = request.query.get("deadline_s")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 3600:
        raise ProblemError(INVALID_PARAMETER, "query parameter deadline_s must be a number of seconds, 0 to 3600")
    return seconds


async def _read_upload(request: web.Request, max_bytes: int, timeout_s: float) -> tuple[bytes, str | None]:
    """The `file` part of a multipart body, with its file name.

    Other parts are skipped (read and dropped), so the whole body is bounded as well as the
    file: at most `_MAX_PARTS` parts and `max_bytes` plus framing in total.
    """
    try:
        async with asyncio.timeout(timeout_s):
            reader = await request.multipart()
            for _ in range(_MAX_PARTS):
                if request.content.total_bytes > max_bytes + _MULTIPART_OVERHEAD:
                    raise ProblemError(BODY_TOO_LARGE, f"the body exceeds the limit of {max_bytes} bytes")
                part = await reader.next()
                if part is None:
                    raise ProblemError(INVALID_REQUEST, "the multipart body has no part named 'file'")
                if not isinstance(part, BodyPartReader) or part.name != "file":
                    continue
                chunks: list[bytes] = []
                size = 0
                while chunk := await part.read_chunk(64 * 1024):
                    size += len(chunk)
                    if size > max_bytes:
                        raise ProblemError(BODY_TOO_LARGE, f"the file exceeds the limit of {max_bytes} bytes")
                    chunks.append(chunk)
                return b"".join(chunks), part.filename
            raise ProblemError(INVALID_REQUEST, f"no part named 'file' among the first {_MAX_PARTS} parts")
    except TimeoutError:
        raise ProblemError(BODY_TIMEOUT, f"the body was not received within {timeout_s:g} s") from None
    except (ValueError, HttpProcessingError) as exc:  # malformed multipart framing or part headers
        message = exc.message if isinstance(exc, HttpProcessingError) else str(exc)
        raise ProblemError(INVALID_REQUEST, f"malformed multipart body: {message}"[:300]) from None


async def inspect_file(request: web.Request) -> web.Response:
    state = request.app[SERVICE_STATE]
    key = await caller(request)
    require_role(key, INSPECT, "inspecting")
    settings = state.settings
    filename = request.query.get("filename")
    if filename is not None and len(filename) > 1024:
        raise ProblemError(INVALID_PARAMETER, "query parameter filename is longer than 1024 characters")
    fetch = _query_bool(request, "fetch")
    deadline = _query_deadline(request)
    limit = settings.max_input_bytes
    if request.content_type.startswith("multipart/"):
        if request.content_type != "multipart/form-data":
            raise ProblemError(UNSUPPORTED_MEDIA_TYPE, "multipart uploads must be multipart/form-data")
        declared = request.content_length
        if declared is not None and declared > limit + _MULTIPART_OVERHEAD:
            raise ProblemError(BODY_TOO_LARGE, f"the body is {declared} bytes; the limit is {limit}")
        data, part_name = await _read_upload(request, limit, settings.api_body_timeout_s)
        filename = filename or part_name
    else:
        data = await read_body(request, max_bytes=limit, timeout_s=settings.api_body_timeout_s)
    if not data:
        raise ProblemError(INVALID_REQUEST, "the file is empty")
    log_fields(request)["kind"] = "file"
    inp = await _off_loop(lambda: _detect(data, filename), len(data))
    outcome = await state.runner.run(
        inp, Submission(kind=inp.kind.value, key_id=key.id, input_name=filename, fetch=fetch),
        _wait_s(settings, request, deadline),
    )
    return _inspection_response(request, outcome)


async def get_inspection(request: web.Request) -> web.Response:
    state = request.app[SERVICE_STATE]
    key = await caller(request)
    require_role(key, INSPECT, "reading inspections")
    inspection_id = request.match_info["inspection_id"]
    if not _INSPECTION_ID.fullmatch(inspection_id, timeout=0.05):
        raise ProblemError(INVALID_PARAMETER, "an inspection id is 1-64 letters, digits, - or _")
    stored = await state.store.inspections.get(inspection_id)
    # A detector may read only its own inspections; others' look absent rather than forbidden,
    # so ids cannot be probed.
    if stored is None or (key.role not in READ and stored.key_id != key.id):
        raise ProblemError(NOT_FOUND, f"no inspection {inspection_id}")
    log_fields(request)["inspection_id"] = inspection_id
    if stored.status == "done" and stored.verdict is not None:
        log_fields(request)["verdict"] = stored.verdict.verdict.value
        return web.Response(body=stored.verdict.model_dump_json().encode(), content_type=_JSON)
    return _json_response(InspectionStatusBody(
        id=stored.id, status=stored.status, kind=stored.kind, created_at=stored.created_at.isoformat(),
        updated_at=stored.updated_at.isoformat(), error=stored.error,
    ))


async def get_payload(request: web.Request) -> web.Response:
    state = request.app[SERVICE_STATE]
    key = await caller(request)
    require_role(key, READ, "reading payloads")
    sha256 = request.match_info["sha256"]
    if not _SHA256.fullmatch(sha256, timeout=0.05):
        raise ProblemError(INVALID_PARAMETER, "a payload is named by its sha256: 64 hexadecimal digits")
    info = await state.store.payloads.get(sha256.lower())
    if info is None:
        raise ProblemError(NOT_FOUND, f"no payload {sha256.lower()}")
    verdicts = [PayloadVerdictBody(ruleset_version=v.ruleset_version, inspection_id=v.inspection_id,
                                   verdict=v.verdict.value, score=v.score, created_at=v.created_at.isoformat())
                for v in info.verdicts]
    return _json_response(PayloadBody(
        sha256=info.sha256, size=info.size, type=info.type, first_seen=info.first_seen.isoformat(),
        last_seen=info.last_seen.isoformat(), blob_available=info.blob_available, expired=info.expired,
        inspections=info.inspections, verdicts=verdicts, latest_verdict=verdicts[0] if verdicts else None,
    ))


# --------------------------------------------------------------------------- signatures


def _signatures_body(status: SignatureStatus) -> SignaturesBody:
    return SignaturesBody(
        version=status.version, rule_count=status.rule_count, loaded_at=status.loaded_at, errors=list(status.errors),
        skipped_files=status.skipped_files, skipped_rules=status.skipped_rules,
        skipped=[SkippedRuleFile(file=e.path, line=e.line, reason=e.message, rules=e.rules) for e in status.skipped],
    )


async def get_signatures(request: web.Request) -> web.Response:
    state = request.app[SERVICE_STATE]
    key = await caller(request)
    require_role(key, INSPECT, "reading the ruleset")
    return _json_response(_signatures_body(state.inspector.signatures))


async def reload_signatures(request: web.Request) -> web.Response:
    state = request.app[SERVICE_STATE]
    key = await caller(request)
    require_role(key, ADMIN, "reloading signatures")
    try:
        status = await state.inspector.reload_signatures()
    except RulesetError as exc:
        issues = [RulesetIssue(file=e.path, line=e.line, message=e.message) for e in exc.errors]
        where = "; ".join(f"{i.file}:{i.line}" if i.line else i.file for i in issues[:5])
        raise ProblemError(INVALID_RULESET, f"{len(issues)} rule file error(s): {where}",
                           ruleset_errors=issues) from None
    # The new ruleset comes with a new worker pool; start its processes now rather than in the
    # middle of later inspections.
    await warm_workers(state.inspector, worker_count(state.settings))
    state.metrics.set_rules(status.version, status.rule_count, status.loaded_at)
    log_fields(request)["ruleset_version"] = status.version
    try:
        rescan = await state.rescans.on_ruleset_loaded()
    except Exception as exc:  # the new rules are active either way; the operator can POST /v1/rescans
        log.exception("auto_rescan_not_started", ruleset_version=status.version, error_type=type(exc).__name__)
    else:
        if rescan is not None:
            log_fields(request)["rescan_id"] = rescan.id
    return _json_response(_signatures_body(status))


# --------------------------------------------------------------------------- operations


async def healthz(request: web.Request) -> web.Response:
    return _json_response(HealthBody(status="ok"))


async def readyz(request: web.Request) -> web.Response:
    state = request.app[SERVICE_STATE]
    checks: dict[str, str] = {}
    status = state.inspector.signatures
    checks["rules"] = "ok" if status.rule_count > 0 else "no rules loaded"
    try:
        async with asyncio.timeout(_READY_PING_S):
            reachable = await state.store.database.ping()
    except TimeoutError:
        reachable = False
    checks["store"] = "ok" if reachable else "unreachable"
    if state.settings.engine == "celery":  # asynchronous inspections and rescans need the broker
        try:
            async with asyncio.timeout(_READY_PING_S):
                queue_ok = await state.runner.queue_reachable()
        except TimeoutError:
            queue_ok = False
        checks["queue"] = "ok" if queue_ok else "broker unreachable"
    checks["accepting"] = "ok" if state.runner.accepting else "shutting down"
    ready = all(v == "ok" for v in checks.values())
    return _json_response(ReadyBody(ready=ready, checks=checks), status=200 if ready else 503,
                          headers=None if ready else {"Retry-After": "5"})


async def metrics(request: web.Request) -> web.Response:
    state = request.app[SERVICE_STATE]
    try:
        async with asyncio.timeout(_READY_PING_S):
            await state.metrics.refresh_store(state.store, [sink.name for sink in state.events.sinks])
    except Exception as exc:  # an unreachable store leaves the store figures stale, not the scrape failed
        log.warning("store_metrics_unavailable", error_type=type(exc).__name__)
    response = web.Response(body=state.metrics.render())
    response.headers["Content-Type"] = state.metrics.content_type
    return response


async def openapi(request: web.Request) -> web.Response:
    return web.Response(body=request.app[API_STATE].openapi, content_type=_JSON)


def add_routes(app: web.Application) -> None:
    app.router.add_post("/v1/inspections", create_inspection)
    app.router.add_post("/v1/inspections/file", inspect_file)
    # `file` is the upload endpoint, not an inspection id: other methods on it are 405 with
    # `Allow: POST` rather than a lookup of an inspection named "file".
    app.router.add_get(r"/v1/inspections/{inspection_id:(?!file$)[^/]+}", get_inspection, allow_head=False)
    app.router.add_get("/v1/payloads/{sha256}", get_payload, allow_head=False)
    app.router.add_get("/v1/signatures", get_signatures, allow_head=False)
    app.router.add_post("/v1/signatures/reload", reload_signatures)
    app.router.add_get("/v1/openapi.json", openapi, allow_head=False)
    app.router.add_get("/healthz", healthz, allow_head=False)
    app.router.add_get("/readyz", readyz, allow_head=False)
    app.router.add_get("/metrics", metrics, allow_head=False)
