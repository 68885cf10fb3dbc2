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


class ErrorKind(StrEnum):
    """The stable kinds of InspectionError: each value is public contract (docs/verdict.md)."""

    # Parts of the request that could not be understood (plan problems)
    INVALID_JSON = "invalid_json"  # an embedded JSON body (activity-log requestBody) is not valid JSON
    TOO_DEEP = "too_deep"  # an embedded JSON body nests deeper than the limit
    TOO_LARGE = "too_large"  # an inline value or embedded body is over its size limit: read in part
    INVALID_BASE64 = "invalid_base64"  # a base64 field is not valid base64: scanned as text
    INVALID_GZIP = "invalid_gzip"  # a base64 field holds broken or truncated gzip
    WRONG_TYPE = "wrong_type"  # a request field has the wrong JSON type
    INVALID_URL = "invalid_url"  # a URL field is not an http(s) URL
    NO_REQUEST_BODY = "no_request_body"  # activity-log events without a request body
    TOO_MANY_RECORDS = "too_many_records"  # more activity-log events than read
    TOO_MANY_ITEMS = "too_many_items"  # more scripts and URLs in the request than planned
    TOO_MANY_STRINGS = "too_many_strings"  # more strings in the request than scanned
    SECRET_REFERENCE_NOT_READ = "secret_reference_not_read"  # protected settings live in Key Vault: not analysed
    # Second-stage fetching
    NOT_FETCHED = "not_fetched"  # a URL was not fetched (fetching off, blocked, depth or count limit)
    FETCH_FAILED = "fetch_failed"  # a fetch was attempted and failed
    GITHUB_RATE_LIMITED = "github_rate_limited"  # GitHub repository facts incomplete: API rate limit
    GITHUB_API_FAILED = "github_api_failed"  # GitHub repository facts incomplete: API call failed
    # Analysis limits
    LIMIT_DEPTH = "limit_depth"  # layers deeper than max_depth were not analysed
    LIMIT_ARTIFACTS = "limit_artifacts"  # more artifacts than max_artifacts: the rest skipped
    LIMIT_ARTIFACT_SIZE = "limit_artifact_size"  # an artifact was cut to max_artifact_bytes
    LIMIT_TOTAL_BYTES = "limit_total_bytes"  # the whole analysis stopped at max_total_bytes
    LIMIT_TEXT_SIZE = "limit_text_size"  # decoded text was cut to max_text_chars
    LIMIT_DEADLINE = "limit_deadline"  # the scan deadline stopped analysis or a stage
    LIMIT_REGEX_TIMEOUT = "limit_regex_timeout"  # a regex hit its time limit
    LIMIT_YARA_TIMEOUT = "limit_yara_timeout"  # the YARA scan hit its time limit
    LIMIT_CHILDREN = "limit_children"  # an embedded image was found but not extracted (child limit)
    LIMIT_EMBEDDED_BLOBS = "limit_embedded_blobs"  # more embedded encoded blobs than searched
    LIMIT_DEOBFUSCATION_CHILDREN = "limit_deobfuscation_children"  # more decoded layers than kept
    LIMIT_DEOBFUSCATION_SIZE = "limit_deobfuscation_size"  # a decoded layer was cut to size
    LIMIT_DEOBFUSCATION_EVAL = "limit_deobfuscation_eval"  # an expression too complex to evaluate
    LIMIT_DEOBFUSCATION_PARSE = "limit_deobfuscation_parse"  # a script too large or deep to parse
    LIMIT_DEOBFUSCATION_INPUT = "limit_deobfuscation_input"  # a script too long to deobfuscate
    LIMIT_DEOBFUSCATION_NESTING = "limit_deobfuscation_nesting"  # cmd /c nested deeper than expanded
    LIMIT_DEOBFUSCATION_LINE = "limit_deobfuscation_line"  # a cmd line too long to expand
    DEOBFUSCATION_PARSE_FAILED = "deobfuscation_parse_failed"  # the script parser failed
    DEOBFUSCATION_DECODE_FAILED = "deobfuscation_decode_failed"  # a literal launcher payload could not be decoded
    # Stage failures
    ANALYZER_FAILED = "analyzer_failed"  # an analyzer raised: its results for that artifact are missing
    YARA_ERROR = "yara_error"  # the YARA engine reported an error
    # Archives and compressed streams
    DEADLINE = "deadline"  # the scan deadline passed while unpacking
    ARCHIVE_CORRUPT = "archive_corrupt"  # an archive or compressed stream cannot be read (fully)
    ARCHIVE_ENCRYPTED = "archive_encrypted"  # encrypted members were not analysed
    ARCHIVE_PATH_TRAVERSAL = "archive_path_traversal"  # a member name escapes the archive root
    ARCHIVE_MEMBER_TOO_LARGE = "archive_member_too_large"  # a member or stream expands past its limit
    ARCHIVE_TOO_MANY_MEMBERS = "archive_too_many_members"  # more members than unpack_max_members
    ARCHIVE_TOO_LARGE = "archive_too_large"  # the archive expands past unpack_max_total_bytes
    ARCHIVE_BOMB = "archive_bomb"  # the archive expands more than unpack_max_ratio times its size


class InspectionError(_Shape):
    """Something that kept analysis from being complete, or an input that could not be read."""

    kind: ErrorKind = Field(description="stable error kind, e.g. invalid_json, limit_depth, fetch_failed")
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
