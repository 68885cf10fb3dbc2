"""Understanding requests: what an extension, Run Command or activity-log event asks a VM to run.

    plan = understand(InspectionInput(kind=InputKind.EXTENSION, body=arm_json))
    inp = detect_input(file_bytes, filename="x.json")      # the CLI: what is this input?

`understand` returns an `InspectionPlan` (scripts with origins, URLs with roles, context,
structural findings, problems, the redacted request); see docs/extensions.md.
"""

from inspector.extensions.detect import detect_input, language_hint, looks_like_json
from inspector.extensions.jsonguard import parse_json
from inspector.extensions.kinds import KINDS, KindRegistry
from inspector.extensions.limits import RequestLimits
from inspector.extensions.plan import (
    ExtensionKind,
    InspectionPlan,
    PlannedScript,
    PlannedUrl,
    PlanProblem,
    RequestContext,
    ScriptRole,
    UrlRole,
)
from inspector.extensions.request import InputError, InputKind, InspectionInput
from inspector.extensions.understand import understand

__all__ = [
    "ExtensionKind",
    "InputError",
    "InputKind",
    "InspectionInput",
    "InspectionPlan",
    "KINDS",
    "KindRegistry",
    "PlanProblem",
    "PlannedScript",
    "PlannedUrl",
    "RequestContext",
    "RequestLimits",
    "ScriptRole",
    "UrlRole",
    "detect_input",
    "language_hint",
    "looks_like_json",
    "parse_json",
    "understand",
]
