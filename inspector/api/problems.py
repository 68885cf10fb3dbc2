"""RFC 9457 problem details: the one shape every error response of the API has.

The kinds of problem and `ProblemError` are the service's (inspector/service/problems.py);
handlers raise `ProblemError`, and the error middleware turns it (and anything unexpected,
without its stack trace) into an `application/problem+json` response built here.
"""

from __future__ import annotations

import json

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field

from inspector.service.problems import (
    BODY_TIMEOUT,
    BODY_TOO_LARGE,
    FORBIDDEN,
    INTERNAL_ERROR,
    INVALID_REQUEST,
    METHOD_NOT_ALLOWED,
    NOT_FOUND,
    NOT_READY,
    RATE_LIMITED,
    UNAUTHORIZED,
    UNINSPECTABLE_INPUT,
    UNSUPPORTED_MEDIA_TYPE,
    FieldIssue,
    ProblemError,
    ProblemKind,
    RulesetIssue,
)

PROBLEM_CONTENT_TYPE = "application/problem+json"

# For errors raised outside our handlers (aiohttp's own 404/405/413...): the generic kind per status.
_BY_STATUS_FALLBACK = {
    k.status: k
    for k in (INVALID_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, BODY_TIMEOUT,
              BODY_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNINSPECTABLE_INPUT, RATE_LIMITED, INTERNAL_ERROR, NOT_READY)
}


class Problem(BaseModel):
    """RFC 9457 problem details, with the request id and optional per-field issues."""

    model_config = ConfigDict(extra="forbid")

    type: str = Field(description="stable URI naming the kind of problem")
    title: str
    status: int
    detail: str
    instance: str = Field(description="the request path")
    request_id: str
    errors: list[FieldIssue] | None = None
    unknown_fields: list[str] | None = None
    ruleset_errors: list[RulesetIssue] | None = None


def kind_for_status(status: int) -> ProblemKind:
    """The problem kind for an aiohttp HTTP exception raised outside our handlers (404, 405...)."""
    if status in _BY_STATUS_FALLBACK:
        return _BY_STATUS_FALLBACK[status]
    return INTERNAL_ERROR if status >= 500 else INVALID_REQUEST


def problem_response(error: ProblemError, *, request_id: str, instance: str) -> web.Response:
    problem = Problem(
        type=error.kind.type_uri,
        title=error.kind.title,
        status=error.kind.status,
        detail=error.detail,
        instance=instance,
        request_id=request_id,
        errors=error.errors,
        unknown_fields=error.unknown_fields,
        ruleset_errors=error.ruleset_errors,
    )
    body = json.dumps(problem.model_dump(exclude_none=True), ensure_ascii=False)
    return web.Response(
        status=error.kind.status,
        text=body,
        content_type=PROBLEM_CONTENT_TYPE,
        headers=error.headers,
    )
