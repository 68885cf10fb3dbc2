"""Activity-log events: one event (REST/portal shape), a list of them (`az monitor activity-log
list`), or an export (`{"records": [...]}` from Event Hub or storage).

An event says who did what to which resource and how it ended; `properties.requestbody`, when
the log carries it (a JSON string or an object), is the extension or Run Command body itself and
is understood like a direct request, its origins prefixed (`requestbody.`, `records[2].requestbody.`).
Personal data (caller, claims, IP addresses) is redacted; the caller keeps only a GUID or the
domain of a UPN.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from inspector.extensions.body import BodyPlan, classify_body, plan_body
from inspector.extensions.builder import PlanBuilder
from inspector.extensions.extension import subscription_of
from inspector.extensions.fields import Field, as_text
from inspector.extensions.jsonguard import parse_json
from inspector.extensions.kind import request_check
from inspector.extensions.kinds import KINDS
from inspector.extensions.kinds.run_command import MANAGED_RUN_COMMAND, RUN_COMMAND
from inspector.extensions.kinds.unrecognised import UNRECOGNISED
from inspector.extensions.plan import ExtensionKind, ScriptRole
from inspector.extensions.request import InputError, InputKind
from inspector.extensions.strings import collect_strings
from inspector.model import ErrorKind
from inspector.redact import REDACTED, redact_identity, redact_json
from inspector.stage import Heuristic

ACTIVITY_WRITE_THEN_DELETE = request_check(
    "structure.activity.write_then_delete",
    "Extension or Run Command deleted after it was written",
    "The same events carry the write and the delete of one extension or Run Command resource: the "
    "resource was removed right after it ran (covering tracks). Score only: a pipeline that provisions "
    "then cleans up does this every day; the deletion alert is decided from the subscription's history "
    "(inspector/activity/detectors/cse_unusual_deletion.py).",
    100,
    ("T1070",),
)
# Every detection this module declares, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = (ACTIVITY_WRITE_THEN_DELETE,)

_TERMINAL = frozenset({"succeeded", "failed", "canceled", "cancelled", "success", "failure"})
_CALLER_CLAIMS = ("upn", "unique_name", "appid", "objectidentifier", "oid")


@dataclass(frozen=True)
class _Event:
    index: int
    origin: str  # "" for a single event, "records[3]." / "[3]." otherwise
    keys: tuple[str | int, ...]  # where the event sits in the body
    data: Mapping[str, Any]
    operation: str

    @property
    def op(self) -> str:
        return self.operation.casefold()


def _get(value: Any, name: str) -> Any:
    if not isinstance(value, Mapping):
        return None
    folded = name.casefold()
    for key, item in value.items():
        if isinstance(key, str) and key.casefold() == folded:
            return item
    return None


def _key(value: Mapping[str, Any], name: str) -> str | None:
    folded = name.casefold()
    return next((k for k in value if isinstance(k, str) and k.casefold() == folded), None)


def _text(value: Any) -> str | None:
    """A plain string, or the `value` of `{value, localizedValue}` (REST shape)."""
    if isinstance(value, Mapping):
        value = _get(value, "value")
    text = as_text(value)
    return text.strip() if text and text.strip() else None


def operation_kind(operation: str) -> InputKind | None:
    op = operation.casefold()
    if "/extensions/" in op:
        return InputKind.EXTENSION
    if "/runcommand" in op:
        return InputKind.RUN_COMMAND
    return None


def _no_body_kind(operation: str) -> tuple[ExtensionKind, bool]:
    op = operation.casefold()
    if op.endswith("/runcommand/action"):
        return RUN_COMMAND, True
    if "/runcommand" in op:
        return MANAGED_RUN_COMMAND, True
    return KINDS.fallback, False


def plan_activity_log(body: Any, b: PlanBuilder, *, max_depth: int) -> BodyPlan:
    events, all_events = _events(body, b)
    # The request's kind, status and resource come from one event: the first whose body is an
    # extension kind we recognise or a Run Command (an Azure Monitor agent install before a CSE
    # must not make the CSE unrecognised), else the first with a body, else the first operation.
    primary = next((e for e in events if _recognised_body(e, b, max_depth)), None)
    if primary is None:
        primary = next((e for e in events if _request_body(e) is not None), None)
    if primary is None:
        primary = next((e for e in events if operation_kind(e.operation)), events[0] if events else None)
    if primary is not None:
        _context(primary, events, b)
    redacted = redact_json(body, max_depth=max_depth, max_strings=b.limits.max_request_strings)
    result: BodyPlan | None = None
    for event in all_events:
        if events and event.index <= events[-1].index:
            planned, shown = _plan_event(event, b, max_depth)
        else:  # not read: a body only text rules could redact is hidden whole
            planned, shown = None, (REDACTED if _request_body(event) is not None else _KEEP)
        _replace_request_body(redacted, event, shown)
        if planned is not None and (result is None or event is primary):
            result = planned  # the primary event's plan, else the first plan
    _write_then_delete(events, b)
    if result is None:
        kind, recognised = _no_body_kind(primary.operation if primary else "")
        b.problem(ErrorKind.NO_REQUEST_BODY, "the events carry no request body: nothing to scan but the event itself")
        result = BodyPlan(kind, recognised=recognised)
    return BodyPlan(result.kind, result.publisher, result.type, result.version, result.recognised, redacted)


def _events(body: Any, b: PlanBuilder) -> tuple[list[_Event], list[_Event]]:
    """(events read, all events): reading stops at max_activity_records."""
    if isinstance(body, list):
        items, origin_of, keys_of = body, (lambda i: f"[{i}]."), (lambda i: (i,))
    else:
        records_key = _key(body, "records")
        if records_key is not None and isinstance(body[records_key], list):
            items = body[records_key]
            origin_of, keys_of = (lambda i: f"records[{i}]."), (lambda i: (records_key, i))
        else:
            items, origin_of, keys_of = [body], (lambda i: ""), (lambda i: ())
    all_events: list[_Event] = []
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            b.problem(ErrorKind.WRONG_TYPE, f"event {index} is not an object", origin_of(index).rstrip(".") or None)
            continue
        operation = _text(_get(item, "operationName")) or ""
        all_events.append(_Event(index, origin_of(index), keys_of(index), item, operation))
    limit = b.limits.max_activity_records
    if len(all_events) > limit:
        b.problem(ErrorKind.TOO_MANY_RECORDS, f"{len(all_events)} events: only the first {limit} were read")
    return all_events[:limit], all_events


def _request_body(event: _Event) -> tuple[str, Any] | None:
    properties = _get(event.data, "properties")
    if not isinstance(properties, Mapping):
        return None
    key = _key(properties, "requestbody")
    if key is None:
        return None
    value = properties[key]
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return key, value


def _context(primary: _Event, events: list[_Event], b: PlanBuilder) -> None:
    ctx = b.context
    data = primary.data
    ctx.operation = ctx.operation or primary.operation or None
    ctx.correlation_id = ctx.correlation_id or _text(_get(data, "correlationId"))
    ctx.resource_id = ctx.resource_id or _text(_get(data, "resourceId"))
    ctx.subscription_id = ctx.subscription_id or _text(_get(data, "subscriptionId")) or subscription_of(ctx.resource_id)
    caller = _caller(data)
    if ctx.caller is None and caller:
        ctx.caller = redact_identity(caller)
    if ctx.status is None:
        status, sub_status = _status(primary.data)
        # The end event of the same operation (same correlationId) says how it finished.
        for event in events:
            if ctx.correlation_id and _text(_get(event.data, "correlationId")) == ctx.correlation_id:
                later, later_sub = _status(event.data)
                if later and later.casefold() in _TERMINAL:
                    status, sub_status = later, later_sub or sub_status
        if _operations_disagree(primary, events, status):
            # Several operations with bodies that ended differently: one status cannot speak for
            # all of them (a benign failed CSE must not make another VM's script a failed run).
            # `inspector activity ingest` judges each record on its own status.
            return
        ctx.status = status
        ctx.sub_status = ctx.sub_status or sub_status


def _final_status(event: _Event, events: list[_Event]) -> str | None:
    status, _ = _status(event.data)
    correlation = _text(_get(event.data, "correlationId"))
    for other in events:
        if correlation and _text(_get(other.data, "correlationId")) == correlation:
            later, _ = _status(other.data)
            if later and later.casefold() in _TERMINAL:
                status = later
    return status


def _operations_disagree(primary: _Event, events: list[_Event], status: str | None) -> bool:
    resource = (_text(_get(primary.data, "resourceId")) or "").casefold()
    for event in events:
        if event is primary or _request_body(event) is None:
            continue
        if (_text(_get(event.data, "resourceId")) or "").casefold() == resource and \
                _text(_get(event.data, "correlationId")) == _text(_get(primary.data, "correlationId")):
            continue  # the same operation's other record
        if (_final_status(event, events) or "").casefold() != (status or "").casefold():
            return True
    return False


def _recognised_body(event: _Event, b: PlanBuilder, max_depth: int) -> bool:
    """Whether the event's body is a Run Command or an extension of a kind we recognise."""
    found = _request_body(event)
    if found is None:
        return False
    value = found[1]
    if isinstance(value, str):
        try:
            value = parse_json(value, max_bytes=b.limits.max_json_bytes, max_depth=max_depth)
        except InputError:
            return False
    kind = classify_body(value)
    if kind is InputKind.RUN_COMMAND:
        return True
    if kind is not InputKind.EXTENSION or not isinstance(value, Mapping):
        return False
    props = _get(value, "properties")
    props = props if isinstance(props, Mapping) else value
    return KINDS.identify(_text(_get(props, "publisher")), _text(_get(props, "type"))) != UNRECOGNISED


def _status(data: Mapping[str, Any]) -> tuple[str | None, str | None]:
    status = _text(_get(data, "status")) or _text(_get(data, "resultType"))
    sub_status = _text(_get(data, "subStatus")) or _text(_get(data, "resultSignature"))
    return status, sub_status


def _caller(data: Mapping[str, Any]) -> str | None:
    caller = _text(_get(data, "caller"))
    if caller:
        return caller
    claims = _get(data, "claims") or _get(_get(data, "identity"), "claims")
    if isinstance(claims, Mapping):
        for wanted in _CALLER_CLAIMS:
            for key, value in claims.items():
                if isinstance(key, str) and key.rstrip("/").rsplit("/", 1)[-1].casefold() == wanted:
                    text = _text(value)
                    if text:
                        return text
    return None


_KEEP = object()  # the generic redaction of the event is right for this body


def _plan_event(event: _Event, b: PlanBuilder, max_depth: int) -> tuple[BodyPlan | None, Any]:
    """Plan the body an event carries: (its plan if it is an extension or Run Command body,
    what the redacted event shows in its place)."""
    found = _request_body(event)
    if found is None:
        return None, _KEEP
    _, value = found
    origin = f"{event.origin}requestbody"
    parsed = value
    if isinstance(value, str):
        try:
            parsed = parse_json(value, max_bytes=b.limits.max_json_bytes, max_depth=max_depth)
        except InputError as exc:
            # Activity logs truncate long bodies: the text is still scanned for what it holds,
            # but only text rules could redact it, so the redacted event does not show it.
            b.problem(ErrorKind(exc.kind), f"{origin}: {exc.detail}; scanned as text", origin)
            b.add_script(origin, ScriptRole.COMMAND, value[: b.limits.max_inline_script_bytes])
            return None, REDACTED
    kind = classify_body(parsed) or operation_kind(event.operation)
    b.prefix = origin + "."
    try:
        if kind in (InputKind.EXTENSION, InputKind.RUN_COMMAND) and isinstance(parsed, Mapping):
            planned = plan_body(parsed, kind, b, max_depth=max_depth)
            shown = planned.redacted
        else:
            collect_strings(b, Field("", (), parsed))
            planned, shown = None, redact_json(parsed, max_depth=max_depth, max_strings=b.limits.max_request_strings)
    finally:
        b.prefix = ""
    return planned, (json.dumps(shown) if isinstance(value, str) else shown)


def _replace_request_body(redacted: Any, event: _Event, shown: Any) -> None:
    """Put the structurally redacted body where the event had it (a string if it was one)."""
    found = _request_body(event)
    if found is None or shown is _KEEP:
        return
    node: Any = redacted
    for step in event.keys:  # redact_json keeps keys and list lengths: the same path exists
        node = node[step]
    properties_key = _key(node, "properties") if isinstance(node, Mapping) else None
    if properties_key is not None and isinstance(node[properties_key], dict):
        node[properties_key][found[0]] = shown


def _write_then_delete(events: list[_Event], b: PlanBuilder) -> None:
    written: set[str] = set()
    for event in events:
        resource = (_text(_get(event.data, "resourceId")) or "").casefold()
        if not resource or operation_kind(event.operation) is None:
            continue
        if event.op.endswith("/write"):
            written.add(resource)
        elif event.op.endswith("/delete") and resource in written:
            b.flag(ACTIVITY_WRITE_THEN_DELETE, f"{event.operation} after write")
            return
