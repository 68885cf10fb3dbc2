"""Analyse one stored artifact with the active ruleset, through the pipeline's own analysis code.

A stored inspection already holds every artifact of its tree (archive members, decoded and
deobfuscated layers), each with its own bytes. A rescan therefore analyses each artifact on
its own (children are not walked again: they are stored artifacts of their own), and keeps
the findings that belong to it. The results are keyed by (sha256, ruleset version, analyzer
version), the same key as the analysis cache.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from inspector.analyzers.base import ScanLimits
from inspector.config import Settings
from inspector.model import ArtifactType, Finding


@dataclass(frozen=True)
class ArtifactScanner:
    engine: object  # inspector.pipeline.AnalysisEngine (imported lazily: the pipeline is heavy)
    ruleset_version: str
    rule_count: int
    analyzer_version: str
    limits: ScanLimits

    @classmethod
    def from_settings(cls, settings: Settings) -> ArtifactScanner:
        from inspector.pipeline import AnalysisEngine, load_ruleset

        ruleset = load_ruleset(settings)
        engine = AnalysisEngine.build(ruleset.rules)
        # Depth 0: the root is analysed, the children it yields are not walked (see module doc).
        limits = replace(settings.scan_limits(), max_depth=0)
        return cls(engine, ruleset.version, ruleset.rule_count, analyzer_version(engine), limits)

    def scan(self, sha256: str, data: bytes, type_name: str) -> list[Finding]:
        from inspector.pipeline import RootPayload, analyze_payloads

        type_hint = ArtifactType(type_name) if type_name in ArtifactType._value2member_map_ else None
        limits = replace(self.limits, max_artifact_bytes=max(self.limits.max_artifact_bytes, len(data)),
                         max_total_bytes=max(self.limits.max_total_bytes, len(data)))
        outcome = analyze_payloads([RootPayload(data=data, origin="rescan", role="rescan", type_hint=type_hint)],
                                   self.engine, limits)  # type: ignore[arg-type]
        return [f for f in outcome.findings if f.artifact == sha256]


def analyzer_version(engine: object) -> str:
    """A short hash of every stage's name and version: changes whenever an analyzer does."""
    parts = sorted(f"{a.name}:{a.version}" for stage in engine.stages for a in stage)  # type: ignore[attr-defined]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
