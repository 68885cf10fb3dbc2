"""Request and response bodies of the HTTP API (besides `Verdict`, which is the core's).

These models are the single source of the OpenAPI document's component schemas: change a
field here and the served document changes with it.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from inspector.extensions.plan import RequestContext
from inspector.extensions.request import InputKind, InspectionInput
from inspector.model import ArtifactType

RequestKind = Literal["extension", "run_command", "activity_log", "script", "url", "auto"]
InspectionState = Literal["queued", "running", "done", "failed"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class InspectionOptions(_Strict):
    fetch: StrictBool | None = Field(
        default=None, description="fetch the URLs the payload names (default: the service's setting)"
    )
    deadline_s: float | None = Field(
        default=None, ge=0, le=3600,
        description="seconds to wait for the verdict before answering 202 (capped by the service's maximum)",
    )


# Which body field carries the payload for each kind, and which optional fields apply.
PAYLOAD_FIELD: dict[str, str] = {
    "extension": "resource",
    "run_command": "resource",
    "activity_log": "event",
    "script": "content",
    "url": "url",
}
_PAYLOAD_FIELDS = ("resource", "event", "content", "url")
SCRIPT_ONLY_FIELDS = ("language", "filename")


class InspectionRequest(_Strict):
    """`POST /v1/inspections`: one payload, named by `kind`, plus optional context and options."""

    kind: RequestKind
    resource: dict[str, Any] | None = Field(
        default=None,
        description="extension: the ARM extension resource (whole, or its `properties`); "
        "run_command: the Run Command action body or managed runCommands resource",
    )
    event: dict[str, Any] | list[Any] | None = Field(
        default=None,
        description="activity_log: one activity-log event, a JSON array of events (as `az monitor activity-log list` "
        "prints), or an export `{\"records\": [...]}`",
    )
    content: str | None = Field(default=None, description="script: the script text")
    language: ArtifactType | None = Field(default=None, description="script: a language hint")
    filename: str | None = Field(default=None, max_length=1024, description="script: the file name it had")
    url: str | None = Field(default=None, max_length=8192, description="url: the URL to fetch and inspect")
    context: RequestContext | None = Field(default=None, description="where and how the payload ran")
    options: InspectionOptions | None = None

    def misplaced_fields(self) -> list[tuple[str, str]]:
        """(field, message) for every field missing for, or not applying to, this kind."""
        given = [name for name in _PAYLOAD_FIELDS if getattr(self, name) is not None]
        issues: list[tuple[str, str]] = []
        if self.kind == "auto":
            if len(given) != 1:
                issues.append(("kind", "kind auto needs exactly one of resource, event, content or url"))
        else:
            needed = PAYLOAD_FIELD[self.kind]
            if needed not in given:
                issues.append((needed, f"kind {self.kind} needs the field {needed}"))
            issues.extend((name, f"{name} does not apply to kind {self.kind}") for name in given if name != needed)
        if self.content is None:
            issues.extend(
                (name, f"{name} applies only to script content")
                for name in SCRIPT_ONLY_FIELDS if getattr(self, name) is not None
            )
        return issues

    def to_input(self) -> InspectionInput:
        """The core's input for this request (call after `misplaced_fields()` came back empty).
        For kind auto the extension reader decides what the payload is."""
        kind = InputKind(self.kind)
        body = self.resource if self.resource is not None else self.event
        return InspectionInput(
            kind=kind,
            body=body,
            content=self.content.encode("utf-8") if self.content is not None else None,
            url=self.url,
            language=self.language,
            filename=self.filename,
            context=self.context,
        )


class InspectionAccepted(_Strict):
    """202: the inspection continues in the background; poll `location`."""

    id: str
    status: InspectionState
    location: str


class InspectionStatusBody(_Strict):
    """`GET /v1/inspections/{id}` while the inspection is not done (or when it failed)."""

    id: str
    status: InspectionState
    kind: str
    created_at: str
    updated_at: str
    error: str | None = Field(default=None, description="why the inspection failed, when it did")


class SkippedRuleFile(_Strict):
    """A rule file left out of the active ruleset, and why."""

    file: str
    line: int | None = None
    reason: str = Field(description='the compiler\'s message, e.g. `undefined identifier "foo"`')
    rules: int = Field(description="rules the file declares, all left out with it")


class SignaturesBody(_Strict):
    version: str = Field(description="hash of the active rule sources and of the external-variables mapping")
    rule_count: int
    loaded_at: str = Field(description="ISO 8601 UTC time the active ruleset was compiled")
    errors: list[str] = Field(default_factory=list, description="rule files left out of the active ruleset")
    skipped_files: int = Field(default=0, description="how many rule files were left out")
    skipped_rules: int = Field(default=0, description="how many rules those files declare")
    skipped: list[SkippedRuleFile] = Field(default_factory=list, description="each file left out, with the reason")


class PayloadVerdictBody(_Strict):
    ruleset_version: str
    inspection_id: str
    verdict: Literal["clean", "suspicious", "malicious"]
    score: int
    created_at: str


class PayloadBody(_Strict):
    """`GET /v1/payloads/{sha256}`: what is known about one content-addressed payload."""

    sha256: str
    size: int
    type: ArtifactType
    first_seen: str
    last_seen: str
    blob_available: bool
    expired: bool
    inspections: list[str] = Field(description="inspection ids that contained it, newest first")
    verdicts: list[PayloadVerdictBody] = Field(description="latest verdict per ruleset version, newest first")
    latest_verdict: PayloadVerdictBody | None = None


class HealthBody(_Strict):
    status: Literal["ok"]


class ReadyBody(_Strict):
    ready: bool
    checks: dict[str, str] = Field(description="each dependency and its state: ok, or why not")
