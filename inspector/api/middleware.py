"""The middleware every request passes through: request id, errors, metrics and the access log.

One middleware, so the order is obvious: the request id is set first, every error below it
becomes a problem+json response (anything unexpected is logged with its traceback here and
answered as a bare 500; no stack trace leaves the process), then the request is counted,
timed and logged as one JSON line.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import regex
from aiohttp import web

from inspector.api.problems import kind_for_status, problem_response
from inspector.logging_setup import get_logger
from inspector.service.metrics import ServiceMetrics
from inspector.service.problems import INTERNAL_ERROR, ProblemError

log = get_logger("inspector.api.access")

REQUEST_ID_HEADER = "X-Request-Id"
# Caller-supplied ids are echoed in headers and logs: keep them short and plain.
_VALID_REQUEST_ID = regex.compile(r"[A-Za-z0-9._:\-]{1,128}")
LOG_FIELDS = web.RequestKey("log_fields", dict)
REQUEST_ID = web.RequestKey("request_id", str)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def request_id_for(request: web.Request) -> str:
    supplied = request.headers.get(REQUEST_ID_HEADER, "")
    if supplied and _VALID_REQUEST_ID.fullmatch(supplied, timeout=0.05):
        return supplied
    return uuid.uuid4().hex


def log_fields(request: web.Request) -> dict[str, Any]:
    """Per-request fields handlers add to the access log line (key id, kind, verdict...)."""
    return request[LOG_FIELDS]


def _route_name(request: web.Request) -> str:
    """The route template (bounded label cardinality), not the raw path."""
    resource = request.match_info.route.resource
    return resource.canonical if resource is not None else "unmatched"


def make_middleware(metrics: ServiceMetrics) -> Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]:
    @web.middleware
    async def service_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        started = time.perf_counter()
        request_id = request_id_for(request)
        request[REQUEST_ID] = request_id
        request[LOG_FIELDS] = {}
        try:
            try:
                response = await handler(request)
            except web.HTTPException as exc:
                if exc.status < 400:
                    raise
                # aiohttp's own 404/405/413 become problems too.
                headers = {k: v for k, v in exc.headers.items() if k.lower() in ("allow", "retry-after")}
                reason = exc.reason or kind_for_status(exc.status).title
                raise ProblemError(kind_for_status(exc.status), reason, headers=headers) from None
        except ProblemError as problem:
            response = problem_response(problem, request_id=request_id, instance=request.path)
            request[LOG_FIELDS]["problem"] = problem.kind.slug
        except web.HTTPException as redirect:
            response = redirect
        except Exception as exc:  # the catch-all: log it here, answer without any detail
            log.exception("unhandled_error", request_id=request_id, path=request.path,
                          error_type=type(exc).__name__)
            response = problem_response(
                ProblemError(INTERNAL_ERROR, "an internal error occurred; quote the request id when reporting it"),
                request_id=request_id, instance=request.path,
            )
            request[LOG_FIELDS]["problem"] = INTERNAL_ERROR.slug
        response.headers[REQUEST_ID_HEADER] = request_id
        elapsed = time.perf_counter() - started
        metrics.record_request(request.method, _route_name(request), response.status, elapsed)
        log.info(
            "request",
            request_id=request_id,
            method=request.method,
            path=request.path,
            status=response.status,
            elapsed_ms=round(elapsed * 1000, 2),
            **request[LOG_FIELDS],
        )
        return response

    return service_middleware
