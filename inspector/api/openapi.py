"""The OpenAPI 3.1 document of the service: component schemas generated from the pydantic
models, path entries written here by hand. A test checks that every route the application
serves is documented and every documented route is served.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from inspector import __version__
from inspector.activity import ActivityAlert
from inspector.api.activity import ALERT_ID_PATTERN, AlertsPage, IngestResult
from inspector.api.problems import PROBLEM_CONTENT_TYPE, Problem
from inspector.api.routes import INSPECTION_ID_PATTERN, SHA256_PATTERN
from inspector.api.rescans import RESCAN_ID_PATTERN, EventsPage, RescanRequest
from inspector.api.schemas import (
    PAYLOAD_FIELD,
    SCRIPT_ONLY_FIELDS,
    HealthBody,
    InspectionAccepted,
    InspectionRequest,
    InspectionStatusBody,
    PayloadBody,
    ReadyBody,
    SignaturesBody,
)
from inspector.model import Verdict
from inspector.service.problems import ALL_KINDS
from inspector.store import MAX_ALERTS_PAGE, MAX_EVENTS_PAGE, RescanInfo

_REF = "#/components/schemas/{model}"
_COMPONENT_MODELS: tuple[type[BaseModel], ...] = (
    InspectionRequest, Verdict, InspectionAccepted, InspectionStatusBody, SignaturesBody, PayloadBody,
    HealthBody, ReadyBody, Problem, RescanRequest, RescanInfo, EventsPage, ActivityAlert, IngestResult, AlertsPage,
)


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": _REF.format(model=model.__name__)}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "content": {PROBLEM_CONTENT_TYPE: {"schema": _ref(Problem)}}}


def _problems(*statuses: int) -> dict[str, Any]:
    """Problem responses for the listed statuses, plus a default for anything else."""
    titles: dict[int, list[str]] = {}
    for kind in ALL_KINDS:
        titles.setdefault(kind.status, []).append(kind.slug)
    out = {str(s): _problem("problem types: " + ", ".join(titles.get(s, ["see title"]))) for s in statuses}
    out["default"] = _problem("any other error, as a problem")
    return out


_AUTHED_ERRORS = (401, 429)
_RETRY_AFTER = {"Retry-After": {"description": "seconds to wait (429, 503)", "schema": {"type": "string"}}}
_REQUEST_ID = {
    "name": "X-Request-Id", "in": "header", "required": False,
    "description": "request id to propagate (letters, digits, . _ : -; at most 128); one is generated otherwise",
    "schema": {"type": "string"},
}
_PREFER = {
    "name": "Prefer", "in": "header", "required": False,
    "description": "`respond-async` answers 202 at once and runs the inspection in the background",
    "schema": {"type": "string"},
}
_INSPECTION_RESPONSES = {
    "200": _json(_ref(Verdict), "the verdict, when the inspection finished within the wait"),
    "202": {
        **_json(_ref(InspectionAccepted), "the inspection continues; poll the Location"),
        "headers": {"Location": {"description": "URL of the inspection", "schema": {"type": "string"}}},
    },
    **_problems(400, *_AUTHED_ERRORS, 408, 413, 415, 422, 503),
}
_WAIT_QUERY = [
    {"name": "deadline_s", "in": "query", "required": False,
     "description": "seconds to wait for the verdict before answering 202",
     "schema": {"type": "number", "minimum": 0, "maximum": 3600}},
    {"name": "fetch", "in": "query", "required": False, "description": "fetch URLs the file names",
     "schema": {"type": "boolean"}},
    {"name": "filename", "in": "query", "required": False, "description": "the file's name (raw uploads)",
     "schema": {"type": "string", "maxLength": 1024}},
]
_SECURED = [{"apiKey": []}]
_FLUSH = {
    "name": "flush", "in": "query", "required": False,
    "description": "true: judge every record held back for reordering (of every subscription), not only what "
    "is due; the body may then be empty",
    "schema": {"type": "boolean", "default": False},
}
_ALERT_FORMAT = {"name": "format", "in": "query", "required": False,
                 "description": "`json`: the project's alert (ActivityAlert); `ocsf`: OCSF Detection Finding (class 2004)",
                 "schema": {"type": "string", "enum": ["json", "ocsf"], "default": "json"}}
_ACTIVITY_BATCH = {"description": "`{\"records\": [...]}` (diagnostic-settings export), an EventData array, "
                   "one event, or several documents of these shapes one after another",
                   "oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}]}

PATHS: dict[str, dict[str, dict[str, Any]]] = {
    "/v1/inspections": {
        "post": {
            "operationId": "createInspection",
            "summary": "Inspect an extension resource, Run Command, activity-log event, script or URL",
            "description": "Roles: detector, analyst, admin. Answers 200 with the verdict when it is ready "
            "within the wait (options.deadline_s, default set by the service), else 202.",
            "security": _SECURED,
            "parameters": [_PREFER, _REQUEST_ID],
            "requestBody": {"required": True, "content": {"application/json": {"schema": _ref(InspectionRequest)}}},
            "responses": _INSPECTION_RESPONSES,
        }
    },
    "/v1/inspections/file": {
        "post": {
            "operationId": "inspectFile",
            "summary": "Inspect an uploaded file of any type (multipart field `file`, or the raw body)",
            "description": "Roles: detector, analyst, admin. The content decides how it is read "
            "(extension JSON, script, archive, binary).",
            "security": _SECURED,
            "parameters": [_PREFER, _REQUEST_ID, *_WAIT_QUERY],
            "requestBody": {"required": True, "content": {
                "multipart/form-data": {"schema": {
                    "type": "object", "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }},
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
            }},
            "responses": _INSPECTION_RESPONSES,
        }
    },
    "/v1/inspections/{inspection_id}": {
        "get": {
            "operationId": "getInspection",
            "summary": "The stored verdict of an inspection, or its status while it runs",
            "description": "Roles: analyst, admin; a detector reads only its own inspections (404 otherwise).",
            "security": _SECURED,
            "parameters": [
                {"name": "inspection_id", "in": "path", "required": True,
                 "schema": {"type": "string", "pattern": INSPECTION_ID_PATTERN}},
                _REQUEST_ID,
            ],
            "responses": {
                "200": _json({"oneOf": [_ref(Verdict), _ref(InspectionStatusBody)]},
                             "the verdict when done; the status (queued, running, failed) otherwise"),
                **_problems(400, *_AUTHED_ERRORS, 404),
            },
        }
    },
    "/v1/payloads/{sha256}": {
        "get": {
            "operationId": "getPayload",
            "summary": "What is known about a payload (by sha256), with its latest verdict",
            "description": "Roles: analyst, admin.",
            "security": _SECURED,
            "parameters": [
                {"name": "sha256", "in": "path", "required": True,
                 "schema": {"type": "string", "pattern": SHA256_PATTERN}},
                _REQUEST_ID,
            ],
            "responses": {
                "200": _json(_ref(PayloadBody), "payload metadata and verdict history"),
                **_problems(400, *_AUTHED_ERRORS, 403, 404),
            },
        }
    },
    "/v1/signatures": {
        "get": {
            "operationId": "getSignatures",
            "summary": "The active ruleset: version, rule count, load time",
            "description": "Roles: detector, analyst, admin.",
            "security": _SECURED,
            "parameters": [_REQUEST_ID],
            "responses": {"200": _json(_ref(SignaturesBody), "the active ruleset"), **_problems(*_AUTHED_ERRORS)},
        }
    },
    "/v1/signatures/reload": {
        "post": {
            "operationId": "reloadSignatures",
            "summary": "Compile the rule folders again and swap atomically",
            "description": "Role: admin. A ruleset that does not compile is refused (422, with file and "
            "line of each error) and the previous one stays active.",
            "security": _SECURED,
            "parameters": [_REQUEST_ID],
            "responses": {
                "200": _json(_ref(SignaturesBody), "the new active ruleset"),
                **_problems(*_AUTHED_ERRORS, 403, 422),
            },
        }
    },
    "/v1/rescans": {
        "post": {
            "operationId": "createRescan",
            "summary": "Re-judge stored inspections with the rules as they are on disk now",
            "description": "Role: admin. Answers 202 at once with the rescan (status queued, or the unfinished "
            "rescan of the same ruleset, which continues); poll the Location. The body is optional: no filter "
            "rescans every stored inspection.",
            "security": _SECURED,
            "parameters": [_REQUEST_ID],
            "requestBody": {"required": False, "content": {"application/json": {"schema": _ref(RescanRequest)}}},
            "responses": {
                "202": {
                    **_json(_ref(RescanInfo), "the rescan, queued or resumed"),
                    "headers": {"Location": {"description": "URL of the rescan", "schema": {"type": "string"}}},
                },
                **_problems(400, *_AUTHED_ERRORS, 403, 408, 409, 413, 415),
            },
        }
    },
    "/v1/rescans/{rescan_id}": {
        "get": {
            "operationId": "getRescan",
            "summary": "A rescan: status (queued, running, done, failed), progress, counts and the first changes",
            "description": "Role: admin.",
            "security": _SECURED,
            "parameters": [
                {"name": "rescan_id", "in": "path", "required": True,
                 "schema": {"type": "string", "pattern": RESCAN_ID_PATTERN}},
                _REQUEST_ID,
            ],
            "responses": {
                "200": _json(_ref(RescanInfo), "the rescan"),
                **_problems(400, *_AUTHED_ERRORS, 403, 404),
            },
        }
    },
    "/v1/events": {
        "get": {
            "operationId": "listEvents",
            "summary": "Verdict events (changes made by rescans, optionally new non-clean verdicts) after a cursor",
            "description": "Roles: detector, analyst, admin. Poll with `after` set to the previous page's "
            "`next_cursor`; events come oldest first, each once.",
            "security": _SECURED,
            "parameters": [
                {"name": "after", "in": "query", "required": False,
                 "description": "the cursor of the last event seen (empty or absent: from the start)",
                 "schema": {"type": "string", "pattern": "^[0-9]{0,19}$"}},
                {"name": "limit", "in": "query", "required": False, "description": "most events returned",
                 "schema": {"type": "integer", "minimum": 1, "maximum": MAX_EVENTS_PAGE, "default": 100}},
                _REQUEST_ID,
            ],
            "responses": {
                "200": _json(_ref(EventsPage), "the events and the cursor to continue from"),
                **_problems(400, *_AUTHED_ERRORS),
            },
        }
    },
    "/v1/activity": {
        "post": {
            "operationId": "ingestActivity",
            "summary": "Ingest a batch of Azure activity-log records; answers with the alerts it raised",
            "description": "Roles: detector, analyst, admin. Accepted: application/json (an export "
            "`{records: [...]}`, an EventData array or one event) and application/x-ndjson (JSON Lines). "
            "A record that cannot be read is listed in `errors` and the rest is ingested; a body with no "
            "readable record is 400. Each alert is raised once: a replayed batch raises nothing new. "
            "Every new alert is also an `alert.raised` event (GET /v1/events, webhook, JSON Lines file). "
            "Batches are a stream: records are judged in event-time order once their subscription's newest "
            "event time is the reorder window (1 hour) past them; until then they are held back in the store "
            "(`held` in the answer) and judged by a later batch, or by `?flush=true`. A subscription holds at most "
            "INSPECTOR_ACTIVITY_MAX_HELD_RECORDS (10,000): past it the oldest are judged at once, in event order, "
            "and counted in `released_early`.",
            "security": _SECURED,
            "parameters": [_ALERT_FORMAT, _FLUSH, _REQUEST_ID],
            "requestBody": {"required": True, "content": {"application/json": {"schema": _ACTIVITY_BATCH},
                                                          "application/x-ndjson": {"schema": {"type": "string"}}}},
            "responses": {
                "200": _json(_ref(IngestResult), "what the batch did and the alerts newly raised"),
                **_problems(400, *_AUTHED_ERRORS, 408, 413, 415),
            },
        }
    },
    "/v1/alerts": {
        "get": {
            "operationId": "listAlerts",
            "summary": "Stored activity alerts, newest first, filtered and paged",
            "description": "Roles: analyst, admin. Page with `after` set to the previous page's `next_cursor`.",
            "security": _SECURED,
            "parameters": [
                {"name": "type", "in": "query", "required": False, "description": "alert type, e.g. VM_RunCommandSuspiciousUsage",
                 "schema": {"type": "string", "pattern": "^[A-Za-z0-9_.-]{1,128}$"}},
                {"name": "subscription", "in": "query", "required": False, "description": "subscription id (any case)",
                 "schema": {"type": "string", "maxLength": 1024}},
                {"name": "resource", "in": "query", "required": False,
                 "description": "a resource id the alert names (any case)", "schema": {"type": "string", "maxLength": 1024}},
                {"name": "since", "in": "query", "required": False,
                 "description": "alerts whose evidence ends at or after this time (ISO 8601 with zone)",
                 "schema": {"type": "string", "format": "date-time"}},
                {"name": "until", "in": "query", "required": False,
                 "description": "alerts whose evidence starts before this time (ISO 8601 with zone)",
                 "schema": {"type": "string", "format": "date-time"}},
                {"name": "after", "in": "query", "required": False, "description": "the `next_cursor` of the previous page",
                 "schema": {"type": "string", "pattern": "^[0-9]{1,20}\\.[A-Za-z0-9_-]{1,64}$"}},
                {"name": "limit", "in": "query", "required": False, "description": "most alerts returned",
                 "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ALERTS_PAGE, "default": 100}},
                _ALERT_FORMAT, _REQUEST_ID,
            ],
            "responses": {
                "200": _json(_ref(AlertsPage), "a page of alerts"),
                **_problems(400, *_AUTHED_ERRORS, 403),
            },
        }
    },
    "/v1/alerts/{alert_id}": {
        "get": {
            "operationId": "getAlert",
            "summary": "One stored activity alert",
            "description": "Roles: analyst, admin.",
            "security": _SECURED,
            "parameters": [
                {"name": "alert_id", "in": "path", "required": True,
                 "schema": {"type": "string", "pattern": ALERT_ID_PATTERN}},
                _ALERT_FORMAT, _REQUEST_ID,
            ],
            "responses": {
                "200": _json({"oneOf": [_ref(ActivityAlert), {"type": "object", "description": "OCSF Detection Finding"}]},
                             "the alert"),
                **_problems(400, *_AUTHED_ERRORS, 403, 404),
            },
        }
    },
    "/v1/openapi.json": {
        "get": {
            "operationId": "getOpenApi",
            "summary": "This document",
            "security": [],
            "responses": {"200": _json({"type": "object"}, "the OpenAPI 3.1 document")},
        }
    },
    "/healthz": {
        "get": {
            "operationId": "health",
            "summary": "Liveness: the process answers",
            "security": [],
            "responses": {"200": _json(_ref(HealthBody), "alive")},
        }
    },
    "/readyz": {
        "get": {
            "operationId": "ready",
            "summary": "Readiness: rules loaded, store reachable, accepting work",
            "security": [],
            "responses": {
                "200": _json(_ref(ReadyBody), "ready"),
                "503": {**_json(_ref(ReadyBody), "not ready; checks say why"), "headers": _RETRY_AFTER},
            },
        }
    },
    "/metrics": {
        "get": {
            "operationId": "metrics",
            "summary": "Prometheus metrics",
            "security": [],
            "responses": {"200": {"description": "Prometheus text exposition format",
                                  "content": {"text/plain": {"schema": {"type": "string"}}}}},
        }
    },
}


# The document covers every route under these; the analyst console's HTML pages (/ui/) are not API.
API_PATH_PREFIXES = ("/v1/", "/healthz", "/readyz", "/metrics")


def documented_routes() -> set[tuple[str, str]]:
    """(METHOD, path template) of every documented operation."""
    return {(method.upper(), path) for path, ops in PATHS.items() for method in ops}


_REQUEST_VARIANTS = {
    "extension": "ExtensionInspectionRequest",
    "run_command": "RunCommandInspectionRequest",
    "activity_log": "ActivityLogInspectionRequest",
    "script": "ScriptInspectionRequest",
    "url": "UrlInspectionRequest",
    "auto": "AutoInspectionRequest",
}


def _inspection_request_variants(flat: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The request body as one schema per `kind` (discriminated by `kind`), from the flat model:
    each variant has the field its kind needs, required, and only the fields that apply to it."""
    props = flat["properties"]
    shared = {name: props[name] for name in ("context", "options")}
    variants: dict[str, dict[str, Any]] = {}
    for kind, name in _REQUEST_VARIANTS.items():
        payload = list(dict.fromkeys(PAYLOAD_FIELD.values())) if kind == "auto" else [PAYLOAD_FIELD[kind]]
        fields = {"kind": {"type": "string", "const": kind}, **{f: props[f] for f in payload}, **shared}
        if kind in ("script", "auto"):
            fields.update({f: props[f] for f in SCRIPT_ONLY_FIELDS})
        variant: dict[str, Any] = {"type": "object", "title": name, "additionalProperties": False,
                                   "properties": fields, "required": ["kind"] if kind == "auto" else ["kind", *payload]}
        if kind == "auto":  # exactly one payload field: the reader decides what it is
            variant["oneOf"] = [{"required": [f]} for f in payload]
        variants[name] = variant
    return variants


def build_openapi() -> dict[str, Any]:
    _, schemas = models_json_schema([(m, "validation") for m in _COMPONENT_MODELS], ref_template=_REF)
    components = schemas.get("$defs", {})
    variants = _inspection_request_variants(components[InspectionRequest.__name__])
    components.update(variants)
    components[InspectionRequest.__name__] = {
        "title": InspectionRequest.__name__,
        "description": InspectionRequest.__doc__,
        "oneOf": [{"$ref": _REF.format(model=name)} for name in variants],
        "discriminator": {"propertyName": "kind", "mapping": {
            kind: _REF.format(model=name) for kind, name in _REQUEST_VARIANTS.items()}},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Payload Inspector",
            "version": __version__,
            "description": "Decides whether an Azure VM extension payload is malicious, and explains why. "
            "Every error is an RFC 9457 problem (application/problem+json) with a stable `type`.",
        },
        "servers": [{"url": "/"}],
        "components": {
            "schemas": components,
            "securitySchemes": {"apiKey": {"type": "http", "scheme": "bearer", "description": "an API key"}},
        },
        "security": _SECURED,
        "paths": PATHS,
    }
