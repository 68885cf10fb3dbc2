"""Peel until fixpoint: what the pipeline does with deobfuscation children, in miniature.

Every child is typed by content (with the layer's type hint), decoded, and fed back to the
layers, breadth first, until no layer produces anything new (at most `rounds` levels).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from inspector.stage import Analyzer, AnalyzerOutput, Payload, ScanContext, ScanLimits
from inspector.deobfuscate import LAYERS
from inspector.model import Artifact, ArtifactType, Finding, Layer
from inspector.unpack.filetype import detect_type
from inspector.unpack.text import decode_text
from tests.timing import frozen_clock


@dataclass
class Peeled:
    text: str | None
    data: bytes
    type: ArtifactType
    depth: int
    origin: str
    layer: Layer | None


@dataclass
class PeelResult:
    layers: list[Peeled] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [p.text for p in self.layers if p.text is not None]

    @property
    def techniques(self) -> list[str]:
        return [p.layer.technique for p in self.layers if p.layer is not None]

    @property
    def finding_ids(self) -> set[str]:
        return {f.id for f in self.findings}

    def recovered(self, original: str, *, ignore_case: bool = False) -> bool:
        if ignore_case:
            return any(original.lower() in t.lower() for t in self.texts[1:])
        return any(original in t for t in self.texts[1:])


def payload_of(data: bytes, kind: ArtifactType, origin: str = "test") -> Payload:
    decoded = decode_text(data)
    artifact = Artifact(sha256=hashlib.sha256(data).hexdigest(), size=len(data), type=kind, origin=origin)
    return Payload(artifact=artifact, data=data, text=decoded.text if decoded else None)


def run_layers(payload: Payload, ctx: ScanContext, layers: Sequence[Analyzer] = LAYERS) -> AnalyzerOutput:
    combined = AnalyzerOutput()
    for layer in layers:
        if layer.accepts(payload.artifact):
            combined.extend(layer.analyze(payload, ctx))
    return combined


def peel(text: str | bytes, kind: ArtifactType, *, rounds: int = 20, layers: Sequence[Analyzer] = LAYERS,
         limits: ScanLimits | None = None) -> PeelResult:
    data = text.encode() if isinstance(text, str) else text
    ctx = ScanContext(limits=limits or ScanLimits(), clock=frozen_clock)  # only a 0 s deadline passes
    result = PeelResult()
    root = payload_of(data, kind)
    result.layers.append(Peeled(root.text, data, kind, 0, "root", None))
    level = [root]
    seen = {data}
    for depth in range(1, rounds + 1):
        following: list[Payload] = []
        for payload in level:
            out = run_layers(payload, ctx, layers)
            result.findings.extend(out.findings)
            result.urls.extend(out.urls)
            result.errors.extend(out.errors)
            for child in out.children:
                if child.data in seen:
                    continue
                seen.add(child.data)
                child_kind = detect_type(child.data, name_hint=None, type_hint=child.type_hint)
                child_payload = payload_of(child.data, child_kind, child.origin)
                result.layers.append(Peeled(child_payload.text, child.data, child_kind, depth, child.origin,
                                            child.layer))
                following.append(child_payload)
        if not following:
            break
        level = following
    return result
