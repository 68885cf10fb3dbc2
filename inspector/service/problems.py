"""The problems the service reports: a stable kind (a `type` URI and an HTTP status) and a detail.

Every front end answers with them: the API as RFC 9457 problem+json (api/problems.py), the
console as a page with the kind's title. `detail` is for humans and may change; callers key
on the kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

PROBLEM_BASE_URI = "https://payload-inspector.dev/problems/"


@dataclass(frozen=True)
class ProblemKind:
    slug: str
    title: str
    status: int

    @property
    def type_uri(self) -> str:
        return PROBLEM_BASE_URI + self.slug


INVALID_JSON = ProblemKind("invalid-json", "The body is not valid JSON", 400)
INVALID_REQUEST = ProblemKind("invalid-request", "The request does not match its schema", 400)
UNKNOWN_FIELDS = ProblemKind("unknown-fields", "The request has fields this endpoint does not know", 400)
JSON_TOO_DEEP = ProblemKind("json-too-deep", "The JSON body is nested too deeply", 400)
JSON_TOO_LARGE = ProblemKind("json-too-large", "The JSON body has too many values", 400)
FIELD_TOO_LARGE = ProblemKind("field-too-large", "A field of the request is too large", 400)
INVALID_PARAMETER = ProblemKind("invalid-parameter", "A path or query parameter is invalid", 400)
MALFORMED_HTTP = ProblemKind("malformed-http", "The request is not valid HTTP", 400)
UNAUTHORIZED = ProblemKind("unauthorized", "A valid API key is required", 401)
FORBIDDEN = ProblemKind("forbidden", "The API key's role does not allow this", 403)
NOT_FOUND = ProblemKind("not-found", "Not found", 404)
METHOD_NOT_ALLOWED = ProblemKind("method-not-allowed", "Method not allowed", 405)
BODY_TIMEOUT = ProblemKind("body-timeout", "The request body did not arrive in time", 408)
BODY_TOO_LARGE = ProblemKind("body-too-large", "The request body is too large", 413)
UNSUPPORTED_MEDIA_TYPE = ProblemKind("unsupported-media-type", "Unsupported content type", 415)
REFETCH_REFUSED = ProblemKind("refetch-refused", "A rescan cannot fetch again with these settings", 409)
UNINSPECTABLE_INPUT = ProblemKind("uninspectable-input", "The input cannot be inspected", 422)
INVALID_RULESET = ProblemKind("invalid-ruleset", "The ruleset does not compile; the previous one stays active", 422)
RATE_LIMITED = ProblemKind("rate-limited", "Too many requests for this API key", 429)
QUEUE_FULL = ProblemKind("queue-full", "The inspection queue is full", 429)
INTERNAL_ERROR = ProblemKind("internal-error", "Internal error", 500)
NOT_READY = ProblemKind("not-ready", "The service is not ready", 503)
SHUTTING_DOWN = ProblemKind("shutting-down", "The service is shutting down", 503)

ALL_KINDS: tuple[ProblemKind, ...] = (
    INVALID_JSON, INVALID_REQUEST, UNKNOWN_FIELDS, JSON_TOO_DEEP, JSON_TOO_LARGE, FIELD_TOO_LARGE,
    INVALID_PARAMETER, MALFORMED_HTTP, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, BODY_TIMEOUT,
    BODY_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNINSPECTABLE_INPUT, INVALID_RULESET, RATE_LIMITED,
    QUEUE_FULL, INTERNAL_ERROR, NOT_READY, SHUTTING_DOWN,
)

class FieldIssue(BaseModel):
    """One invalid field of a request: where it is and what is wrong."""

    model_config = ConfigDict(extra="forbid")

    field: str = Field(description="dotted path of the field, e.g. options.deadline_s")
    message: str


class RulesetIssue(BaseModel):
    """One compile error of a rule file."""

    model_config = ConfigDict(extra="forbid")

    file: str
    line: int | None = None
    message: str


class ProblemError(Exception):
    """Raised anywhere in request handling to answer with a problem."""

    def __init__(
        self,
        kind: ProblemKind,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
        errors: list[FieldIssue] | None = None,
        unknown_fields: list[str] | None = None,
        ruleset_errors: list[RulesetIssue] | None = None,
    ) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.headers = headers or {}
        self.errors = errors
        self.unknown_fields = unknown_fields
        self.ruleset_errors = ruleset_errors
