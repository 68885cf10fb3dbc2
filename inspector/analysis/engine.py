"""The synchronous, CPU-bound analysis: a breadth-first walk of payload trees through the stages.

`analyze_payloads` runs the same code everywhere: in a worker process (the service), in-process
(the CLI), in a Celery worker (rescans). Each artifact goes through every stage of the
`AnalysisEngine` in order (unpackers, deobfuscation layers, analyzers); the children a stage
yields are typed, decoded and walked again, under the depth, count, size and time limits of
`ScanLimits`, applied here and nowhere else.
"""

from __future__ import annotations

import hashlib
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import yara

from inspector.analyzers import build_analyzers
from inspector.analyzers.sigma import SigmaAnalyzer
from inspector.analyzers.yara_scan import YaraAnalyzer
from inspector.config import Settings
from inspector.deobfuscate import DeobfuscationLimits, build_layers
from inspector.model import (
    TEXT_TYPES, Artifact, ArtifactFacts, ArtifactType, ErrorKind, FetchRecord, Finding, InspectionError, Layer,
)
from inspector.redact import redact_text
from inspector.sigma import SigmaRules
from inspector.stage import Analyzer, AnalyzerOutput, Child, Payload, ScanContext, ScanLimits
from inspector.unpack import build_unpackers
from inspector.unpack.filetype import detect_type
from inspector.unpack.text import decode_text


@dataclass(frozen=True)
class RootPayload:
    """A payload the analysis starts from: a request field, a fetched file, a second-stage URL."""

    data: bytes
    origin: str
    role: str
    type_hint: ArtifactType | None = None
    name_hint: str | None = None
    url: str | None = None
    fetch: FetchRecord | None = None
    parent: str | None = None
    depth: int = 0
    # The type an earlier analysis decided (a rescan of a stored artifact): used as is, never
    # sniffed again, since the names and hints it was decided from are not at hand.
    decided_type: ArtifactType | None = None


@dataclass
class AnalysisOutcome:
    """What analysing some roots produced: the artifacts with their bytes, findings, URLs seen."""

    artifacts: list[Artifact] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    blobs: dict[str, bytes] = field(default_factory=dict)
    urls: list[tuple[str, str]] = field(default_factory=list)  # (url, sha256 of the artifact naming it)
    errors: list[InspectionError] = field(default_factory=list)

    def merge(self, other: AnalysisOutcome) -> None:
        known = {a.sha256 for a in self.artifacts}
        self.artifacts.extend(a for a in other.artifacts if a.sha256 not in known)
        seen = {_finding_key(f) for f in self.findings}
        self.findings.extend(f for f in other.findings if _finding_key(f) not in seen)
        self.blobs.update(other.blobs)
        self.urls.extend(other.urls)
        self.errors.extend(other.errors)


def _finding_key(finding: Finding) -> tuple[str, str | None, int | None]:
    return finding.id, finding.artifact, finding.location.offset if finding.location else None


@dataclass(frozen=True)
class AnalysisEngine:
    """The stages in the order they run on each artifact: unpackers, deobfuscation layers, analyzers."""

    stages: tuple[tuple[Analyzer, ...], ...]

    @classmethod
    def build(cls, rules: yara.Rules | None, settings: Settings, sigma: SigmaRules | None = None) -> AnalysisEngine:
        """The stages with YARA on `rules`, Sigma on `sigma` (when it has rules) and every stage's
        limits from `settings`."""
        layers = build_layers(DeobfuscationLimits.from_settings(settings))
        rule_analyzers: tuple[Analyzer, ...] = (YaraAnalyzer(rules),)
        if sigma is not None and sigma.rules:
            rule_analyzers += (SigmaAnalyzer(sigma),)
        return cls(stages=(build_unpackers(settings), layers, (*rule_analyzers, *build_analyzers(settings))))

    def analyzers(self) -> list[Analyzer]:
        """Every stage's analyzers, in the order they run."""
        return [analyzer for stage in self.stages for analyzer in stage]


@dataclass
class _Node:
    data: bytes
    artifact: Artifact


class _TreeWalk:
    """Breadth-first analysis of one inspection's payload tree under its limits."""

    def __init__(self, engine: AnalysisEngine, limits: ScanLimits, outcome: AnalysisOutcome,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.engine = engine
        self.limits = limits
        self.ctx = ScanContext(limits=limits, clock=clock)
        self.out = outcome
        self.seen: set[str] = {a.sha256 for a in outcome.artifacts}
        self.total_bytes = 0
        self.queue: deque[_Node] = deque()
        self.reported: set[str] = set()

    def error(self, kind: ErrorKind, detail: str, artifact: str | None = None) -> None:
        key = f"{kind}:{artifact}" if artifact else kind
        if key in self.reported:
            return
        self.reported.add(key)
        self.out.errors.append(InspectionError(kind=kind, detail=redact_text(detail)[:500], artifact=artifact))

    def add(self, data: bytes, *, origin: str, role: str | None, parent: str | None, depth: int,
            type_hint: ArtifactType | None = None, name_hint: str | None = None, layer: Layer | None = None,
            url: str | None = None, fetch: FetchRecord | None = None, truncated: bool = False,
            decided_type: ArtifactType | None = None) -> None:
        if depth > self.limits.max_depth:
            self.error(ErrorKind.LIMIT_DEPTH, f"layers deeper than {self.limits.max_depth} were not analysed", parent)
            return
        if len(self.seen) >= self.limits.max_artifacts:
            self.error(ErrorKind.LIMIT_ARTIFACTS, f"more than {self.limits.max_artifacts} artifacts; the rest were skipped")
            return
        if len(data) > self.limits.max_artifact_bytes:
            data, truncated = data[: self.limits.max_artifact_bytes], True
            self.error(ErrorKind.LIMIT_ARTIFACT_SIZE, f"{origin} was cut to {self.limits.max_artifact_bytes} bytes")
        if self.total_bytes + len(data) > self.limits.max_total_bytes:
            self.error(ErrorKind.LIMIT_TOTAL_BYTES, f"analysis stopped at {self.limits.max_total_bytes} bytes in total")
            return
        sha = hashlib.sha256(data).hexdigest()
        if sha in self.seen:
            return
        self.seen.add(sha)
        self.total_bytes += len(data)
        kind = decided_type or detect_type(data, name_hint=name_hint, type_hint=type_hint)
        artifact = Artifact(sha256=sha, size=len(data), type=kind, origin=origin, parent=parent, depth=depth,
                            role=role, url=url, fetch=fetch, layer=layer, truncated=truncated)
        self.queue.append(_Node(data=data, artifact=artifact))

    def run(self) -> None:
        while self.queue:
            node = self.queue.popleft()
            if self.ctx.expired():
                self.error(ErrorKind.LIMIT_DEADLINE, f"analysis deadline of {self.limits.deadline_s}s reached")
                self.out.artifacts.append(node.artifact)
                self.out.blobs[node.artifact.sha256] = node.data
                continue
            self._analyze(node)

    def _payload(self, node: _Node) -> Payload:
        text = None
        if node.artifact.type in TEXT_TYPES:
            decoded = decode_text(node.data)
            if decoded is not None:
                text = decoded.text
                if len(text) > self.limits.max_text_chars:
                    text = text[: self.limits.max_text_chars]
                    self.error(ErrorKind.LIMIT_TEXT_SIZE, f"text cut to {self.limits.max_text_chars} characters",
                               node.artifact.sha256)
                node.artifact = node.artifact.model_copy(update={
                    "encoding": decoded.encoding,
                    "facts": ArtifactFacts(lines=text.count("\n") + 1),
                })
        return Payload(artifact=node.artifact, data=node.data, text=text)

    def _analyze(self, node: _Node) -> None:
        payload = self._payload(node)
        combined = AnalyzerOutput()
        for stage in self.engine.stages:
            for analyzer in stage:
                if self.ctx.expired():
                    self.error(ErrorKind.LIMIT_DEADLINE, f"analysis deadline of {self.limits.deadline_s}s reached")
                    break
                if not analyzer.accepts(payload.artifact):
                    continue
                try:
                    combined.extend(analyzer.analyze(payload, self.ctx))
                except Exception as exc:  # an analyzer bug must not lose the verdict
                    self.error(ErrorKind.ANALYZER_FAILED, f"{analyzer.name}: {type(exc).__name__}", payload.artifact.sha256)
        artifact = payload.artifact
        if combined.facts is not None:
            artifact = artifact.model_copy(update={"facts": _merge_facts(artifact.facts, combined.facts)})
        self.out.artifacts.append(artifact)
        self.out.blobs[artifact.sha256] = node.data
        self.out.findings.extend(f if f.artifact else f.model_copy(update={"artifact": artifact.sha256})
                                 for f in combined.findings)
        self.out.urls.extend((url, artifact.sha256) for url in combined.urls)
        for kind, detail in combined.errors:
            self.error(kind, detail, artifact.sha256)
        for child in combined.children:
            self._add_child(child, artifact)

    def _add_child(self, child: Child, parent: Artifact) -> None:
        self.add(child.data, origin=child.origin, role=parent.role, parent=parent.sha256, depth=parent.depth + 1,
                 type_hint=child.type_hint, name_hint=child.origin, layer=child.layer, truncated=child.truncated)


def _merge_facts(base: ArtifactFacts, new: ArtifactFacts) -> ArtifactFacts:
    update = {k: v for k, v in new.model_dump(exclude_none=True).items()}
    return base.model_copy(update={k: getattr(new, k) for k in update})


def analyze_payloads(roots: Sequence[RootPayload], engine: AnalysisEngine, limits: ScanLimits,
                     known: Sequence[str] = (), *, clock: Callable[[], float] = time.monotonic) -> AnalysisOutcome:
    """Analyse payload trees from their roots; `known` sha256s were analysed already in this inspection.

    The deadline in `limits` is measured on `clock` (seconds, monotonic)."""
    outcome = AnalysisOutcome()
    walk = _TreeWalk(engine, limits, outcome, clock)
    walk.seen.update(known)
    for root in roots:
        walk.add(root.data, origin=root.origin, role=root.role, parent=root.parent, depth=root.depth,
                 type_hint=root.type_hint, name_hint=root.name_hint, url=root.url, fetch=root.fetch,
                 decided_type=root.decided_type)
    walk.run()
    return outcome
