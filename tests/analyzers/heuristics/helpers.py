"""Build a text payload and run heuristics on it, as the pipeline would for one artifact."""

from __future__ import annotations

import hashlib

from inspector.stage import AnalyzerOutput, Payload, ScanContext, ScanLimits
from inspector.analyzers.heuristics import HEURISTIC_ANALYZERS
from inspector.model import Artifact, ArtifactType, Layer
from tests.timing import frozen_clock


def make_payload(
    text: str, type_: ArtifactType = ArtifactType.SHELL, depth: int = 0, layer: Layer | None = None
) -> Payload:
    data = text.encode("utf-8")
    artifact = Artifact(
        sha256=hashlib.sha256(data).hexdigest(), size=len(data), type=type_, origin="test", depth=depth, layer=layer
    )
    return Payload(artifact=artifact, data=data, text=text)


def analyze(text: str, type_: ArtifactType = ArtifactType.SHELL, limits: ScanLimits | None = None) -> AnalyzerOutput:
    (analyzer,) = HEURISTIC_ANALYZERS
    return analyzer.analyze(make_payload(text, type_), ScanContext(limits=limits or ScanLimits(), clock=frozen_clock))


def ids(text: str, type_: ArtifactType = ArtifactType.SHELL) -> set[str]:
    return {f.id for f in analyze(text, type_).findings}


def score(text: str, type_: ArtifactType = ArtifactType.SHELL) -> int:
    """Sum of the best score per id, as the verdict sums them."""
    best: dict[str, int] = {}
    for finding in analyze(text, type_).findings:
        best[finding.id] = max(best.get(finding.id, 0), finding.score)
    return sum(best.values())
