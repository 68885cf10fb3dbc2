"""Shapes the store hands out: API key metadata, stored inspections, summaries, payload info."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from inspector.model import ArtifactType, Verdict, VerdictClass

Role = Literal["detector", "analyst", "admin"]
ROLES: tuple[Role, ...] = ("detector", "analyst", "admin")
InspectionStatus = Literal["queued", "running", "done", "failed"]


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ApiKeyInfo(_Shape):
    """Everything about a key except its secret (only a hash of that is stored)."""

    id: str = Field(description="short public prefix of the secret; safe to log")
    role: Role
    name: str | None = None
    created_at: datetime
    revoked_at: datetime | None = None
    last_used_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class StoredInspection(_Shape):
    id: str
    kind: str
    status: InspectionStatus
    key_id: str | None = None
    input_name: str | None = None
    created_at: datetime
    updated_at: datetime
    verdict: Verdict | None = Field(default=None, description="the current verdict (latest rescan wins)")
    error: str | None = Field(default=None, description="'kind: detail' when the inspection failed")
    error_kind: str | None = None


class InspectionSummary(_Shape):
    """One row of an inspection list: enough to filter and link, not the whole verdict."""

    id: str
    kind: str
    status: InspectionStatus
    key_id: str | None = None
    input_name: str | None = None
    created_at: datetime
    updated_at: datetime
    verdict: VerdictClass | None = None
    score: int | None = None
    severity: str | None = None
    ruleset_version: str | None = None
    alert_types: list[str] = Field(default_factory=list)


class InspectionFilter(_Shape):
    """All set fields must match. Substring filters are case-insensitive."""

    verdict: VerdictClass | None = None
    kind: str | None = None
    status: InspectionStatus | None = None
    alert_type: str | None = None
    since: datetime | None = Field(default=None, description="created at or after")
    until: datetime | None = Field(default=None, description="created before")
    sha256: str | None = Field(default=None, description="contains this artifact anywhere in its tree")
    url: str | None = Field(default=None, description="substring of a fetched or artifact URL")
    file_name: str | None = Field(default=None, description="substring of the input name")


class PayloadVerdict(_Shape):
    """The latest verdict, under one ruleset version, of an inspection that contained the payload."""

    ruleset_version: str
    inspection_id: str
    verdict: VerdictClass
    score: int
    created_at: datetime


class PayloadInfo(_Shape):
    sha256: str
    size: int
    type: ArtifactType
    first_seen: datetime
    last_seen: datetime
    blob_available: bool = Field(description="the bytes can be downloaded and rescanned")
    expired: bool = Field(description="retention removed the bytes; verdict history remains")
    inspections: list[str] = Field(default_factory=list, description="inspection ids, newest first")
    verdicts: list[PayloadVerdict] = Field(default_factory=list, description="newest ruleset first")
