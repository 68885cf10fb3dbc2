"""`understand()`: any accepted request -> one InspectionPlan (the entry point of this package)."""

from __future__ import annotations

import json
from collections.abc import Mapping

from inspector.extensions.activity_log import plan_activity_log
from inspector.extensions.body import BodyPlan, classify_body, names_a_run_command, plan_body
from inspector.extensions.builder import PlanBuilder
from inspector.extensions.detect import detect_input, language_hint
from inspector.extensions.jsonguard import parse_json, value_depth
from inspector.extensions.limits import RequestLimits
from inspector.extensions.plan import (
    SUBMITTED_FILE,
    SUBMITTED_SCRIPT,
    SUBMITTED_URL,
    InspectionPlan,
    PlannedScript,
    ScriptRole,
    UrlRole,
)
from inspector.extensions.request import InputError, InputKind, InspectionInput
from inspector.model import ArtifactType
from inspector.redact import redact_text, redact_url

_JSON_KINDS = (InputKind.EXTENSION, InputKind.RUN_COMMAND, InputKind.ACTIVITY_LOG)


def understand(inp: InspectionInput, limits: RequestLimits | None = None) -> InspectionPlan:
    """What the request asks a VM to run: scripts, URLs with roles, context, structural findings.

    Raises InputError (stable `kind`) only when the input as a whole cannot be inspected: JSON
    that is broken, too large or too deep, a body of the wrong type, a missing URL. Everything
    else that is odd about a request becomes a PlanProblem and the rest is still planned.
    """
    limits = limits or RequestLimits()
    kind = inp.kind
    body = inp.body
    if kind in _JSON_KINDS or (kind is InputKind.AUTO and body is not None):
        if isinstance(body, (bytes, str)):
            body = parse_json(body, max_bytes=limits.max_json_bytes, max_depth=limits.max_json_depth)
        elif value_depth(body, limits.max_json_depth) > limits.max_json_depth:
            raise InputError("too_deep", f"JSON nesting deeper than the limit of {limits.max_json_depth} levels")
    if kind is InputKind.AUTO:
        if body is not None:
            known = classify_body(body)
            if known is None:  # JSON of no known shape is still scanned, as text
                text = json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogatepass")
                inp = inp.model_copy(update={"kind": InputKind.FILE, "body": None, "content": text,
                                             "language": inp.language or ArtifactType.JSON})
                kind = InputKind.FILE
            else:
                kind = known
        elif inp.content is not None:
            detected = detect_input(inp.content, inp.filename, limits)
            return understand(
                detected.model_copy(update={"context": inp.context, "language": inp.language or detected.language}),
                limits,
            )
        elif inp.url is not None:
            kind = InputKind.URL
        else:
            raise InputError("empty_input", "nothing to inspect: no body, content or URL")
    b = PlanBuilder(limits, inp.context)
    if kind in _JSON_KINDS:
        result = _plan_json(kind, body, b, limits)
        _require_understood(kind, body, result, b)
    elif kind is InputKind.URL:
        result = _plan_url(inp, b)
    else:
        result = _plan_content(inp, kind, b)
    return InspectionPlan(
        input_kind=kind.value,
        kind=result.kind,
        publisher=result.publisher,
        type=result.type,
        type_handler_version=result.version,
        recognised=result.recognised,
        scripts=b.scripts,
        urls=b.urls,
        context=b.context,
        findings=b.findings,
        problems=b.problems,
        redacted_request=result.redacted,
        entry_point=b.entry_point,
    )


def _plan_json(kind: InputKind, body: object, b: PlanBuilder, limits: RequestLimits) -> BodyPlan:
    if kind is InputKind.ACTIVITY_LOG:
        if not isinstance(body, (Mapping, list)):
            raise InputError("wrong_type", "an activity-log input must be an event object, a list of events or {records: [...]}")
        return plan_activity_log(body, b, max_depth=limits.max_json_depth)
    if not isinstance(body, Mapping):
        what = "an extension" if kind is InputKind.EXTENSION else "a Run Command"
        raise InputError("wrong_type", f"{what} request must be a JSON object")
    return plan_body(body, kind, b, max_depth=limits.max_json_depth)


def _require_understood(kind: InputKind, body: object, result: BodyPlan, b: PlanBuilder) -> None:
    """A request of the wrong shape (`{}`, `{"foo": 1}`) would plan nothing and come back clean and
    complete; it is refused instead (InputError `not_understood`), saying what was missing.

    Anything to scan or flag, or anything that identifies the request, is understood: an
    unrecognised extension still names its publisher and type, a built-in Run Command its id.
    """
    if b.scripts or b.urls or b.findings:
        return
    if kind is InputKind.EXTENSION:
        if result.publisher or result.type:
            return
        reason = "an extension request needs properties.publisher and properties.type, or settings to inspect"
    elif kind is InputKind.RUN_COMMAND:
        if isinstance(body, Mapping) and names_a_run_command(body):
            return
        reason = "a Run Command request needs a commandId, a script, or (runCommands resource) a source"
    else:
        if b.context.operation:
            return
        reason = "no activity-log event has an operationName or a request body"
    raise InputError("not_understood", f"nothing in the request could be understood: {reason}")


def _plan_url(inp: InspectionInput, b: PlanBuilder) -> BodyPlan:
    url = (inp.url or "").strip()
    if not url:
        raise InputError("invalid_url", "no URL given")
    planned = b.add_url("url", UrlRole.ENTRY_POINT, url, language=inp.language or language_hint(url))
    if planned is None:
        raise InputError("invalid_url", f"not an http(s) URL: {redact_url(url)[:200]}")
    b.set_entry_point("url")
    return BodyPlan(SUBMITTED_URL, redacted={"url": planned.redacted})


def _plan_content(inp: InspectionInput, kind: InputKind, b: PlanBuilder) -> BodyPlan:
    content = inp.content
    if content is None and isinstance(inp.body, str):
        content = inp.body.encode("utf-8", "surrogatepass")
    if content is None:
        raise InputError("empty_input", "a script or file input needs content")
    plan_kind = SUBMITTED_SCRIPT if kind is InputKind.SCRIPT else SUBMITTED_FILE
    language = inp.language or language_hint(inp.filename)
    if content:
        # The submitted bytes are scanned whole; the pipeline applies its own size limits.
        origin = inp.filename or "input"
        b.scripts.append(
            PlannedScript(origin=origin, role=ScriptRole.SUBMITTED, content=content, language=language,
                          filename=inp.filename)
        )
    redacted = {"filename": redact_text(inp.filename) if inp.filename else None, "size": len(content)}
    return BodyPlan(plan_kind, redacted=redacted)
