"""The inspection plan: what a request asks a VM to run, as the rest of the pipeline needs it.

`extensions.understand()` turns any accepted request into one `InspectionPlan`. Everything in
a plan is already redacted except `PlannedScript.content`, which is the code itself (it is
scanned, stored, and shown only to authorised readers).
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler
from pydantic_core import CoreSchema, core_schema

from inspector.model import ArtifactType, ErrorKind, Finding


class ExtensionKind(str):
    """The name of what a request was understood to be: `custom_script_windows`, `run_command`...

    Extension kinds are not listed here: each module of `inspector/extensions/kinds/` names the
    kinds it declares, and `kinds.KINDS` is the registry of them. What is checked here is the
    shape of a name (lower-case words joined by `_`), so any kind a module declares is valid
    without touching this file; whether a name is declared is `KINDS.knows(name)`.
    """

    __slots__ = ()

    def __new__(cls, name: str) -> ExtensionKind:
        if not isinstance(name, str) or len(name) > _KIND_NAME_MAX or not _KIND_NAME.fullmatch(name):
            raise ValueError(f"not a kind name (lower-case words joined by _): {str(name)[:80]!r}")
        return super().__new__(cls, name)

    @property
    def value(self) -> str:
        """The name as a plain `str` (what `.value` gave when kinds were an enum)."""
        return str.__str__(self)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls,
            core_schema.str_schema(pattern=f"^{_KIND_NAME.pattern}$", max_length=_KIND_NAME_MAX),
            serialization=core_schema.plain_serializer_function_ser_schema(str, when_used="json"),
        )


_KIND_NAME_MAX = 64
_KIND_NAME = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
# Kinds of input that are not extensions: a script, a file or a URL given directly.
SUBMITTED_SCRIPT = ExtensionKind("script")
SUBMITTED_FILE = ExtensionKind("file")
SUBMITTED_URL = ExtensionKind("url")
INPUT_KINDS = frozenset({SUBMITTED_SCRIPT, SUBMITTED_FILE, SUBMITTED_URL})


class UrlRole(StrEnum):
    ENTRY_POINT = "entry_point"
    PAYLOAD = "payload"
    CONFIGURATION = "configuration"
    MODULES = "modules"
    DATA = "data"
    OUTPUT_BLOB = "output_blob"
    SCRIPT = "script"          # Run Command scriptUri
    REFERENCED = "referenced"  # found inside a script (second stage)


class ScriptRole(StrEnum):
    COMMAND = "command"              # commandToExecute
    INLINE_SCRIPT = "inline_script"  # CSE Linux `script`, DSC script text
    RUN_COMMAND_SCRIPT = "run_command_script"
    SUBMITTED = "submitted"          # a raw script or file given directly


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PlannedScript(_Shape):
    # Content may be binary (a submitted file): JSON carries it as base64, both ways.
    model_config = ConfigDict(extra="forbid", ser_json_bytes="base64", val_json_bytes="base64")

    origin: str = Field(description="field path, e.g. protectedSettings.commandToExecute, script[3]")
    role: ScriptRole
    content: bytes = Field(description="the code as it will run (Linux `script` already decoded)")
    language: ArtifactType | None = Field(default=None, description="a hint; content detection decides")
    filename: str | None = None
    layers: list[str] = Field(default_factory=list, description="decodings applied to get here, e.g. base64, gzip")
    line_origins: list[str] = Field(
        default_factory=list,
        description="when content was joined from an array: the origin of each line, e.g. script[3] for line 4",
    )


class PlannedUrl(_Shape):
    origin: str = Field(description="field path, e.g. settings.fileUris[0]")
    role: UrlRole
    url: str = Field(description="the URL to fetch, secrets included (never logged or returned)")
    redacted: str = Field(description="the URL with SAS tokens and credentials removed")
    language: ArtifactType | None = Field(default=None, description="a hint for the fetched content, e.g. powershell")
    member: str | None = Field(default=None, description="for packages: the file inside that runs (DSC configuration)")


class RequestContext(_Shape):
    """What the request says about where and how it ran (for the context-dependent alerts)."""

    vm_size: str | None = None
    status: str | None = Field(default=None, description="operation status, e.g. Succeeded, Failed")
    caller: str | None = Field(default=None, description="redacted caller identity")
    operation: str | None = None
    resource_id: str | None = None
    correlation_id: str | None = None
    subscription_id: str | None = None
    sub_status: str | None = Field(default=None, description="activity-log subStatus / resultSignature")
    exit_code: int | None = Field(default=None, description="managed Run Command instanceView.exitCode")


# Problems that leave part of what the request hands the VM unread (cut, not fetchable, over a
# count limit): a verdict with any of them is not complete. The others (invalid_base64, wrong_type...)
# describe a value that was still scanned whole, as text.
UNREAD_PROBLEM_KINDS = frozenset({"too_large", "invalid_url", "too_many_items", "too_many_records",
                                  "too_many_strings"})


class PlanProblem(_Shape):
    """A part of the request that could not be understood (the rest still is)."""

    kind: ErrorKind = Field(description="stable kind, e.g. invalid_base64, invalid_gzip, wrong_type")
    detail: str
    origin: str | None = None
    hides_payload: bool = Field(
        default=False, description="part of what would run is out of the inspector's sight: the verdict is incomplete")

    @property
    def leaves_content_unread(self) -> bool:
        """Part of what would run was not analysed: the verdict cannot be complete."""
        return self.hides_payload or self.kind in UNREAD_PROBLEM_KINDS


class InspectionPlan(_Shape):
    input_kind: str | None = Field(default=None, description="what the input was, `auto` resolved (InputKind value)")
    kind: ExtensionKind
    publisher: str | None = None
    type: str | None = None
    type_handler_version: str | None = None
    recognised: bool = True
    scripts: list[PlannedScript] = Field(default_factory=list)
    urls: list[PlannedUrl] = Field(default_factory=list)
    context: RequestContext = Field(default_factory=RequestContext)
    findings: list[Finding] = Field(
        default_factory=list,
        description="structural findings from the request itself (VMAccess admin reset, GPU on non-GPU size, ...)",
    )
    problems: list[PlanProblem] = Field(default_factory=list)
    redacted_request: object = Field(default=None, description="the request as received, secrets replaced")
    entry_point: str | None = Field(default=None, description="origin of the URL the command runs")
