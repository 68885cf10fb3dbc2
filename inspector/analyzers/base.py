"""The one shape every per-artifact stage has: unpackers, deobfuscation layers and analyzers.

An analyzer looks at one payload and returns findings, typed facts and child payloads. It
never recurses into its children by hand: the pipeline scans every child again, with the
depth, count, size and time limits applied in one place.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

from inspector.model import Artifact, ArtifactFacts, ArtifactType, Finding, Layer, Location
from inspector.redact import redact_text


@dataclass(frozen=True)
class ScanLimits:
    """Limits that bound the analysis of one inspection (configured in Settings)."""

    max_depth: int = 12
    max_artifacts: int = 400
    max_artifact_bytes: int = 20 * 1024 * 1024
    max_total_bytes: int = 100 * 1024 * 1024
    max_text_chars: int = 8 * 1024 * 1024
    regex_timeout_s: float = 0.25
    yara_timeout_s: int = 10
    deadline_s: float = 20.0
    snippet_chars: int = 200


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
    errors: list[tuple[str, str]] = field(default_factory=list)  # (kind, detail): made the analysis incomplete

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


@dataclass(frozen=True)
class Heuristic:
    """A declared detection: stable id, base score, cap, ATT&CK ids and an explanation.

    The score of a finding is `min(score * occurrences, cap)`; `cap` defaults to `score`, so
    repeating the same evidence counts once unless the heuristic says otherwise.
    """

    id: str
    title: str
    description: str
    score: int
    attack: tuple[str, ...] = ()
    cap: int | None = None
    source: str = "heuristic"

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
            source=self.source,  # type: ignore[arg-type]
            title=self.title,
            description=self.description,
            attack=list(self.attack),
            score=min(self.score * max(count, 1), cap),
            artifact=payload.artifact.sha256,
            location=Location(offset=offset, length=length, line=line) if offset is not None else None,
            snippet=redact_text(snippet)[:snippet_chars] if snippet else None,
            count=count,
        )
