"""What a caller hands the inspector, before it is understood.

The HTTP API and the CLI both build an `InspectionInput`; `extensions.understand()` turns it
into an `InspectionPlan`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from inspector.extensions.plan import RequestContext
from inspector.model import ArtifactType


class InputKind(StrEnum):
    EXTENSION = "extension"        # ARM extension resource body (whole resource or `properties`)
    RUN_COMMAND = "run_command"    # Run Command action body or managed runCommands resource
    ACTIVITY_LOG = "activity_log"  # one event, or {"records": [...]}
    SCRIPT = "script"              # script text
    URL = "url"                    # a URL to fetch and inspect
    FILE = "file"                  # any bytes
    AUTO = "auto"                  # guess from content


class InputError(Exception):
    """An input that cannot be inspected at all (bad JSON, wrong shape). `kind` is stable."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


class InspectionInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: InputKind
    body: Any = Field(default=None, description="parsed JSON for extension, run_command, activity_log")
    content: bytes | None = Field(default=None, description="script text or file bytes")
    url: str | None = None
    language: ArtifactType | None = Field(default=None, description="script language hint")
    filename: str | None = None
    context: RequestContext | None = Field(default=None, description="caller-supplied context")
