"""The typed shapes every stage exchanges: artifacts, findings, alerts and the verdict.

These are the public contract: the CLI's `--json` lines and the HTTP API return `Verdict`
exactly as defined here. Add fields; never rename or remove one.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class ArtifactType(StrEnum):
    POWERSHELL = "powershell"
    SHELL = "shell"
    CMD = "cmd"
    PYTHON = "python"
    PE = "pe"
    ELF = "elf"
    ZIP = "zip"
    GZIP = "gzip"
    TAR = "tar"
    BZIP2 = "bzip2"
    XZ = "xz"
    SEVENZIP = "7z"
    TEXT = "text"
    JSON = "json"
    UNKNOWN = "unknown"


SCRIPT_TYPES = frozenset(
    {ArtifactType.POWERSHELL, ArtifactType.SHELL, ArtifactType.CMD, ArtifactType.PYTHON}
)
TEXT_TYPES = SCRIPT_TYPES | {ArtifactType.TEXT, ArtifactType.JSON}


class VerdictClass(StrEnum):
    CLEAN = "clean"
    SUSPICIOUS = "suspicious"
    MALICIOUS = "malicious"


FindingSource = Literal["yara", "heuristic", "pe", "elf", "reputation", "structure", "deobfuscation", "sigma"]


class DetectionSource(StrEnum):
    """Where a declared detection comes from (the catalog's `source`).

    The first eight are the published `FindingSource` values findings carry; activity
    detectors declare their detections here before any of them emits a finding.
    """

    YARA = "yara"
    HEURISTIC = "heuristic"
    PE = "pe"
    ELF = "elf"
    REPUTATION = "reputation"
    STRUCTURE = "structure"
    DEOBFUSCATION = "deobfuscation"
    SIGMA = "sigma"
    ACTIVITY = "activity"


class _Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Location(_Shape):
    """Where in an artifact's bytes (offset/length) or text (line) the evidence sits."""

    offset: int | None = None
    length: int | None = None
    line: int | None = None


class Layer(_Shape):
    """How a child artifact was derived from its parent: one decoding or deobfuscation step."""

    technique: str = Field(description="e.g. base64, gzip, format-operator, zip-member")
    span: Location | None = Field(default=None, description="the span of the parent that was decoded")
    detail: str = Field(default="", description="short human explanation, redacted and bounded")


class FetchRecord(_Shape):
    """One attempt to fetch a URL, successful or not."""

    url: str = Field(description="the requested URL, secrets removed")
    role: str = Field(default="payload", description="entry_point, payload, configuration, ...")
    fetched: bool = False
    final_url: str | None = None
    status: int | None = None
    bytes: int = 0
    sha256: str | None = None
    content_type: str | None = None
    elapsed_ms: float = 0.0
    redirects: list[str] = Field(default_factory=list)
    error: str | None = Field(default=None, description="stable error kind, e.g. fetch_disabled, blocked_address")
    error_detail: str | None = None
    depth: int = 0


class PeSection(_Shape):
    name: str
    virtual_address: int
    virtual_size: int
    raw_size: int
    entropy: float
    characteristics: int
    writable: bool
    executable: bool


class PeFacts(_Shape):
    machine: str
    subsystem: str | None = None
    is_dll: bool = False
    is_dotnet: bool = False
    dotnet_assembly: str | None = None
    timestamp: int | None = None
    timestamp_iso: str | None = None
    sections: list[PeSection] = Field(default_factory=list)
    imphash: str | None = None
    imports: dict[str, list[str]] = Field(default_factory=dict)
    exports: list[str] = Field(default_factory=list)
    risky_api_groups: list[str] = Field(default_factory=list)
    overlay_size: int = 0
    overlay_entropy: float | None = None
    signed: bool = False
    signature_parses: bool | None = None
    version_info: dict[str, str] = Field(default_factory=dict)
    rich_header_hash: str | None = None
    packers: list[str] = Field(default_factory=list)
    parse_warnings: list[str] = Field(default_factory=list)


class ElfFacts(_Shape):
    architecture: str
    bits: int
    endianness: str
    elf_type: str
    static: bool
    stripped: bool
    interpreter: str | None = None
    packers: list[str] = Field(default_factory=list)
    notable_strings: list[str] = Field(default_factory=list)
    parse_warnings: list[str] = Field(default_factory=list)


class ArtifactFacts(_Shape):
    """Typed facts analyzers learned about an artifact (only the relevant ones are set)."""

    pe: PeFacts | None = None
    elf: ElfFacts | None = None
    entropy: float | None = None
    lines: int | None = None


class Artifact(_Shape):
    """One node of the payload tree. Its bytes live in the blob store, not here."""

    sha256: str
    size: int
    type: ArtifactType
    origin: str = Field(description="field path in the request, URL role, archive member or decoding step")
    parent: str | None = Field(default=None, description="sha256 of the parent artifact")
    depth: int = 0
    role: str | None = Field(default=None, description="role of the request part this tree descends from")
    url: str | None = Field(default=None, description="redacted URL this artifact was fetched from")
    fetch: FetchRecord | None = None
    encoding: str | None = Field(default=None, description="text encoding detected, e.g. utf-8, utf-16-le")
    layer: Layer | None = None
    facts: ArtifactFacts = Field(default_factory=ArtifactFacts)
    truncated: bool = Field(default=False, description="true when a size limit cut the content")


class Finding(_Shape):
    """One piece of evidence. `id` is stable across releases so detectors can key on it."""

    id: str
    source: FindingSource
    title: str
    description: str = ""
    attack: list[str] = Field(default_factory=list, description="MITRE ATT&CK technique ids")
    score: int
    artifact: str | None = Field(default=None, description="sha256 of the artifact the evidence is in")
    url: str | None = Field(default=None, description="redacted URL, for reputation findings")
    location: Location | None = None
    snippet: str | None = Field(default=None, description="redacted, bounded excerpt of the evidence")
    count: int = Field(default=1, description="occurrences of this evidence in the artifact")


class Alert(_Shape):
    alertType: str
    severity: Literal["Low", "Medium", "High"]
    tactics: list[str]
    reason: str
    findings: list[str] = Field(default_factory=list, description="ids of the findings behind the alert")


class InspectionError(_Shape):
    """Something that kept analysis from being complete, or an input that could not be read."""

    kind: str = Field(description="stable error kind, e.g. invalid_json, limit_depth, fetch_failed")
    detail: str
    artifact: str | None = None
    url: str | None = None


class SignatureInfo(_Shape):
    version: str
    rule_count: int


class ExtensionInfo(_Shape):
    """What the request was understood to be."""

    kind: str = Field(description="custom_script_windows, dsc, run_command, script, ...")
    publisher: str | None = None
    type: str | None = None
    type_handler_version: str | None = None
    recognised: bool = True


class Verdict(_Shape):
    id: str
    input: str | None = Field(default=None, description="the input's name (CLI path) when there is one")
    verdict: VerdictClass
    score: int
    severity: Literal["None", "Low", "Medium", "High"]
    complete: bool
    request_kind: str = Field(default="script", description="extension, run_command, activity_log, script, url, file")
    extension: ExtensionInfo | None = None
    alerts: list[Alert] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    artifacts: list[Artifact] = Field(default_factory=list)
    fetches: list[FetchRecord] = Field(default_factory=list)
    errors: list[InspectionError] = Field(default_factory=list)
    signatures: SignatureInfo
    engine: str
    elapsed_ms: float
    created_at: str = Field(description="ISO 8601 UTC time the verdict was made")


class CachedTree(BaseModel):
    """The analysis of one root payload and everything derived from it, reusable while the
    analysis version (rules, analyzers, analysis settings, intel lists) stays the same."""

    artifacts: list[Artifact]
    findings: list[Finding]
    urls: list[tuple[str, str]]  # (url, sha256 of the artifact naming it)
