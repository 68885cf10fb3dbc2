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


RescanStatus = Literal["queued", "running", "done", "failed"]


class RescanFilter(_Shape):
    """Which stored inspections a rescan revisits (all set fields must match)."""

    since: datetime | None = Field(default=None, description="inspections created at or after")
    kind: str | None = None
    verdict: VerdictClass | None = Field(default=None, description="current verdict")


class VerdictChange(_Shape):
    inspection_id: str
    old_verdict: VerdictClass
    new_verdict: VerdictClass
    old_score: int
    new_score: int
    old_alerts: list[str]
    new_alerts: list[str]
    applied: bool = Field(description="false in a dry run: the change was found, not made")
    created_at: datetime


class RescanProgress(_Shape):
    artifacts_total: int = 0
    artifacts_scanned: int = 0
    artifacts_cached: int = Field(default=0, description="already analysed with this ruleset and analyzers")
    artifacts_missing: int = Field(default=0, description="not scanned: bytes no longer stored (retention), or the scan stopped at its deadline; their stored findings stay")
    inspections_total: int = 0
    inspections_done: int = 0
    batches_total: int = 0
    batches_done: int = 0


class RescanInfo(_Shape):
    id: str
    status: RescanStatus
    ruleset_version: str
    rule_count: int
    analyzer_version: str
    filters: RescanFilter
    dry_run: bool
    refetch: bool
    requested_by: str | None = None
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    progress: RescanProgress
    changes_count: int = 0
    changes: list[VerdictChange] = Field(default_factory=list, description="the first changes, newest last")
    error: str | None = None
    rescore_cursor: str | None = Field(default=None, description="last inspection id re-scored")


class EventRecord(_Shape):
    """One verdict event. `cursor` orders events; `id` is stable, for receivers to deduplicate."""

    cursor: str
    id: str
    type: str
    inspection_id: str
    created_at: datetime
    data: dict[str, object]


class CacheStats(_Shape):
    hits: int = 0
    misses: int = 0

    @property
    def hit_rate(self) -> float:
        total = self.hits + self.misses
        return self.hits / total if total else 0.0


class RetentionReport(_Shape):
    expired_payloads: int = 0
    freed_bytes: int = 0
    orphan_blobs_removed: int = 0
    blob_bytes_kept: int = 0
    cached_trees_removed: int = Field(default=0, description="analysed trees rooted at expired payloads")
