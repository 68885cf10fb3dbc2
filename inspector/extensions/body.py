"""Which request a JSON body is, and the plan of one body (shared by direct requests and the
bodies activity-log events carry)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from inspector.extensions.builder import PlanBuilder, apply_hidden
from inspector.extensions.extension import ExtensionRequest, properties_of, read_extension, resource_context
from inspector.extensions.fields import Field, as_text
from inspector.extensions.kinds import KINDS
from inspector.extensions.plan import ExtensionKind
from inspector.extensions.request import InputKind
from inspector.extensions.kinds.run_command import (
    MANAGED_RUN_COMMAND,
    RUN_COMMAND,
    plan_managed_run_command,
    plan_run_command_action,
)
from inspector.redact import redact_json

_EVENT_KEYS = frozenset(
    {"correlationid", "eventtimestamp", "eventdataid", "caller", "resulttype", "resultsignature", "category",
     "authorization", "identity", "level", "time", "status", "substatus", "calleripaddress"}
)
_EXTENSION_HINTS = frozenset({"publisher", "settings", "protectedsettings", "typehandlerversion"})


@dataclass(frozen=True)
class BodyPlan:
    kind: ExtensionKind
    publisher: str | None = None
    type: str | None = None
    version: str | None = None
    recognised: bool = True
    redacted: Any = None


def _keys(value: Mapping[Any, Any]) -> set[str]:
    return {k.casefold() for k in value if isinstance(k, str)}


def _get(value: Mapping[Any, Any], name: str) -> Any:
    folded = name.casefold()
    for key, item in value.items():
        if isinstance(key, str) and key.casefold() == folded:
            return item
    return None


def is_activity_event(value: Any) -> bool:
    return isinstance(value, Mapping) and "operationname" in _keys(value) and bool(_keys(value) & _EVENT_KEYS)


def classify_body(body: Any) -> InputKind | None:
    """extension / run_command / activity_log for a JSON body of a known shape, else None."""
    if isinstance(body, list):
        events = [item for item in body if isinstance(item, Mapping)]
        if events and all(is_activity_event(e) for e in events):
            return InputKind.ACTIVITY_LOG
        return None
    if not isinstance(body, Mapping):
        return None
    if isinstance(_get(body, "records"), list) or is_activity_event(body):
        return InputKind.ACTIVITY_LOG
    resource_type = (as_text(_get(body, "type")) or "").casefold()
    props = _get(body, "properties")
    props = props if isinstance(props, Mapping) else body
    if "/runcommands" in resource_type or "/runcommand" in resource_type or isinstance(_get(props, "source"), Mapping):
        return InputKind.RUN_COMMAND
    if "commandid" in _keys(body) or isinstance(_get(body, "script"), list):
        return InputKind.RUN_COMMAND
    if resource_type.endswith("/extensions") or _keys(props) & _EXTENSION_HINTS:
        return InputKind.EXTENSION
    return None


def names_a_run_command(body: Mapping[Any, Any]) -> bool:
    """Whether a Run Command body says what to run: a managed runCommands resource, or an
    action body with a `commandId` or a `script`."""
    return is_managed_run_command(body) or bool(_keys(body) & {"commandid", "script"})


def is_managed_run_command(body: Mapping[Any, Any]) -> bool:
    resource_type = (as_text(_get(body, "type")) or "").casefold()
    props = _get(body, "properties")
    props = props if isinstance(props, Mapping) else body
    return "/runcommands" in resource_type or isinstance(_get(props, "source"), Mapping)


def plan_body(body: Any, kind: InputKind, b: PlanBuilder, *, max_depth: int) -> BodyPlan:
    """Plan an extension or Run Command body into `b`; returns what it is and its redacted copy."""
    root = Field("", (), body)
    if kind is InputKind.RUN_COMMAND:
        if is_managed_run_command(body):
            plan_managed_run_command(properties_of(root), b)
            resource_context(root, b)
            result = BodyPlan(MANAGED_RUN_COMMAND)
        else:
            plan_run_command_action(root, b)
            result = BodyPlan(RUN_COMMAND)
    else:
        ext: ExtensionRequest = read_extension(root, b, KINDS.identify)
        handler = KINDS.handler(ext.kind)
        assert handler is not None, f"kind {ext.kind} is identified by publisher and type but has no handler"
        handler(ext, b)
        result = BodyPlan(
            ext.kind,
            publisher=ext.publisher,
            type=ext.type,
            version=ext.version,
            recognised=ext.kind != KINDS.fallback,
        )
    redacted = apply_hidden(redact_json(body, max_depth=max_depth, max_strings=b.limits.max_request_strings),
                            b.take_hidden())
    return BodyPlan(result.kind, result.publisher, result.type, result.version, result.recognised, redacted)
