"""The stage kernel: the one shape every per-artifact stage has (unpackers, deobfuscation layers,
analyzers) and the types they exchange with the pipeline.

An analyzer looks at one payload and returns findings, typed facts and child payloads. It
never recurses into its children by hand: the pipeline scans every child again, with the
depth, count, size and time limits applied in one place.
"""

from __future__ import annotations

import importlib
import pkgutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from types import ModuleType
from typing import Any, Protocol

from inspector.config import Settings, setting_default
from inspector.model import Artifact, ArtifactFacts, ArtifactType, DetectionSource, ErrorKind, Finding, Layer, Location
from inspector.redact import redact_quote, redact_text


@dataclass(frozen=True)
class ScanLimits:
    """Limits that bound the analysis of one inspection; each default is its Settings default."""

    max_depth: int = setting_default("max_depth")
    max_artifacts: int = setting_default("max_artifacts")
    max_artifact_bytes: int = setting_default("max_artifact_bytes")
    max_total_bytes: int = setting_default("max_total_bytes")
    max_text_chars: int = setting_default("max_text_chars")
    regex_timeout_s: float = setting_default("regex_timeout_s")
    yara_timeout_s: int = setting_default("yara_timeout_s")
    deadline_s: float = setting_default("scan_deadline_s")
    snippet_chars: int = 200

    @classmethod
    def from_settings(cls, settings: Settings) -> ScanLimits:
        return cls(
            max_depth=settings.max_depth,
            max_artifacts=settings.max_artifacts,
            max_artifact_bytes=settings.max_artifact_bytes,
            max_total_bytes=settings.max_total_bytes,
            max_text_chars=settings.max_text_chars,
            regex_timeout_s=settings.regex_timeout_s,
            yara_timeout_s=settings.yara_timeout_s,
            deadline_s=settings.scan_deadline_s,
        )


@dataclass
class ScanContext:
    """Per-inspection state an analyzer may read: limits and the time left.

    `clock` tells the time in seconds (monotonic); tests hand in one they move themselves."""

    limits: ScanLimits
    clock: Callable[[], float] = time.monotonic
    started: float = field(init=False)

    def __post_init__(self) -> None:
        self.started = self.clock()

    @property
    def deadline(self) -> float:
        return self.started + self.limits.deadline_s

    def time_left(self) -> float:
        return self.deadline - self.clock()

    def expired(self) -> bool:
        return self.time_left() <= 0

    def regex_timeout(self) -> float:
        """Timeout for one regex call: the configured bound, never past the deadline."""
        return max(0.001, min(self.limits.regex_timeout_s, self.time_left()))


@dataclass(frozen=True)
class Payload:
    """An artifact and its bytes, with its text decoded once (None for binary payloads)."""

    artifact: Artifact
    data: bytes
    text: str | None
    # Results derived from this payload that several analyzers share, computed once by whoever
    # asks first (`inspector.commands.commands_of`); never part of the payload's identity.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def type(self) -> ArtifactType:
        return self.artifact.type

    @cached_property
    def line_starts(self) -> list[int]:
        """Character offsets where each line of `text` starts (for offset -> line)."""
        starts = [0]
        if self.text:
            idx = self.text.find("\n")
            while idx != -1:
                starts.append(idx + 1)
                idx = self.text.find("\n", idx + 1)
        return starts

    def line_of(self, char_offset: int) -> int:
        from bisect import bisect_right

        return bisect_right(self.line_starts, char_offset)


@dataclass(frozen=True)
class Child:
    """A payload derived from the one analysed: an archive member, a decoded or deobfuscated layer."""

    data: bytes
    origin: str
    layer: Layer | None = None
    type_hint: ArtifactType | None = None
    truncated: bool = False


@dataclass
class AnalyzerOutput:
    findings: list[Finding] = field(default_factory=list)
    children: list[Child] = field(default_factory=list)
    facts: ArtifactFacts | None = None
    urls: list[str] = field(default_factory=list)
    errors: list[tuple[ErrorKind, str]] = field(default_factory=list)  # (kind, detail): made the analysis incomplete

    def extend(self, other: AnalyzerOutput) -> None:
        self.findings.extend(other.findings)
        self.children.extend(other.children)
        self.urls.extend(other.urls)
        self.errors.extend(other.errors)
        if other.facts is not None:
            self.facts = other.facts


class Analyzer(Protocol):
    """One file per analyzer; `analyze` is its single entry point."""

    name: str
    version: str

    def accepts(self, artifact: Artifact) -> bool: ...

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput: ...


class Feed(StrEnum):
    """The alert rule a detection's findings feed (`inspector/scoring/decide.py` applies it).

    Every finding also adds to the verdict score, and so to the failure alert of a failed run.
    """

    PAYLOAD = "payload"    # the alert of the request part the flagged artifact comes from (kind + script role)
    URL = "url"            # the entry-point or payload alert of the flagged URL's role
    CONTEXT = "context"    # its own context alert (`Heuristic.alert`), raised by the finding alone
    DELETION = "deletion"  # the deletion alert of the request's extension kind, raised by the finding alone
    VERDICT = "verdict"    # no alert of its own: the verdict score only


@dataclass(frozen=True)
class Heuristic:
    """A declared detection: stable id, base score, cap, ATT&CK ids, an explanation, its source and
    the alert rule it feeds. Every one is an entry of the detection catalog (`inspector.detections`).

    The score of a finding is `min(score * occurrences, cap)`; `cap` defaults to `score`, so
    repeating the same evidence counts once unless the heuristic says otherwise. `feed` defaults
    to the source's usual rule: URL for reputation, PAYLOAD (evidence inside an artifact) otherwise.
    """

    id: str
    title: str
    description: str
    score: int
    attack: tuple[str, ...] = ()
    cap: int | None = None
    source: DetectionSource = DetectionSource.HEURISTIC
    feed: Feed | None = None
    alert: str | None = None

    def __post_init__(self) -> None:
        if (self.feeds is Feed.CONTEXT) != (self.alert is not None):
            raise ValueError(f"{self.id}: a context detection names its alert, and only it does")

    @property
    def feeds(self) -> Feed:
        if self.feed is not None:
            return self.feed
        return Feed.URL if self.source is DetectionSource.REPUTATION else Feed.PAYLOAD

    def finding(
        self,
        payload: Payload,
        *,
        offset: int | None = None,
        length: int | None = None,
        snippet: str | None = None,
        count: int = 1,
        snippet_chars: int = 200,
    ) -> Finding:
        """A finding at a character offset of the payload's text (or byte offset for binaries)."""
        line = payload.line_of(offset) if (offset is not None and payload.text is not None) else None
        cap = self.cap if self.cap is not None else self.score
        return Finding(
            id=self.id,
            source=self.source.value,  # type: ignore[arg-type]
            title=self.title,
            description=self.description,
            attack=list(self.attack),
            score=min(self.score * max(count, 1), cap),
            artifact=payload.artifact.sha256,
            location=Location(offset=offset, length=length, line=line) if offset is not None else None,
            snippet=self._shown_snippet(payload, offset, length, snippet, snippet_chars),
            count=count,
        )

    def request_finding(self, snippet: str | None = None, *, snippet_chars: int = 200) -> Finding:
        """A finding about the request itself (its shape), tied to no artifact."""
        return Finding(
            id=self.id,
            source=self.source.value,  # type: ignore[arg-type]
            title=self.title,
            description=self.description,
            attack=list(self.attack),
            score=self.score,
            artifact=None,
            snippet=redact_text(snippet)[:snippet_chars] if snippet else None,
        )

    @staticmethod
    def _shown_snippet(payload: Payload, offset: int | None, length: int | None, snippet: str | None,
                       snippet_chars: int) -> str | None:
        """The snippet without secrets: one quoted from the payload's text is redacted in its
        place in that text, so a secret its edges cut through is still recognised."""
        if not snippet:
            return None
        if offset is not None and payload.text is not None:
            return redact_quote(payload.text, offset, snippet, length=length, limit=snippet_chars)
        return redact_text(snippet)[:snippet_chars]


def modules_of(package: str, *, subpackages: bool = False) -> tuple[ModuleType, ...]:
    """Every module of `package`, imported, in name order; `_private` ones left out, subpackages
    only when asked. How a stage finds its parts by name (extension kinds, analyzers, heuristic
    families, activity detectors), so adding one is one module and no list."""
    found = importlib.import_module(package)
    names = sorted(info.name for info in pkgutil.iter_modules(found.__path__)
                   if not info.name.startswith("_") and (subpackages or not info.ispkg))
    return tuple(importlib.import_module(f"{package}.{name}") for name in names)
