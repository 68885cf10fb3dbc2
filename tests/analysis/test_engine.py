"""The engine walks the payload tree breadth first under explicit limits and never loses a verdict."""

from __future__ import annotations

import base64
from dataclasses import replace

from inspector.analysis.engine import AnalysisEngine, AnalysisOutcome, RootPayload, analyze_payloads
from inspector.analyzers.yara_scan import YaraAnalyzer
from inspector.config import Settings
from inspector.deobfuscate.common import DeobfuscationLimits
from inspector.model import Artifact, ArtifactType, Finding, Layer
from inspector.stage import AnalyzerOutput, Child, Heuristic, Payload, ScanContext, ScanLimits
from inspector.unpack.archives import ArchiveLimits
from tests.timing import finishes_within_cpu, frozen_clock

MARKER = Heuristic(id="test.marker", title="marker seen", description="test", score=400, attack=("T1059",))


class PeelBase64:
    """Decodes a whole-text base64 payload into one child (a minimal layer for these tests)."""

    name, version = "peel", "1"

    def accepts(self, artifact: Artifact) -> bool:
        return True

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        try:
            decoded = base64.b64decode(payload.data, validate=True)
        except ValueError:
            return AnalyzerOutput()
        return AnalyzerOutput(children=[Child(data=decoded, origin="decoded:base64",
                                              layer=Layer(technique="base64"))])


class FindMarker:
    name, version = "marker", "1"

    def accepts(self, artifact: Artifact) -> bool:
        return True

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        index = payload.data.find(b"MARKER")
        if index < 0:
            return AnalyzerOutput()
        return AnalyzerOutput(findings=[MARKER.finding(payload, offset=index, length=6, snippet="MARKER")])


class Explodes:
    name, version = "explodes", "1"

    def accepts(self, artifact: Artifact) -> bool:
        return True

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        raise RuntimeError("analyzer bug")


class Fanout:
    """Emits many distinct children, to exercise the artifact-count limit."""

    name, version = "fanout", "1"

    def accepts(self, artifact: Artifact) -> bool:
        return artifact.depth == 0

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        return AnalyzerOutput(children=[Child(data=f"child {i}".encode(), origin=f"c{i}") for i in range(50)])


class ManualClock:
    """A clock that moves only when told to: deadlines tested without waiting for them."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Slow:
    """Each analysis takes one second of `clock` and yields a new child, without end."""

    name, version = "slow", "1"

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.calls = 0

    def accepts(self, artifact: Artifact) -> bool:
        return True

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        self.calls += 1
        self.clock.now += 1.0
        return AnalyzerOutput(children=[Child(data=payload.data + b"x", origin="again")])


def engine(*analyzers: object) -> AnalysisEngine:
    return AnalysisEngine(stages=(tuple(analyzers),))  # type: ignore[arg-type]


def encode_layers(text: bytes, layers: int) -> bytes:
    for _ in range(layers):
        text = base64.b64encode(text)
    return text


LIMITS = ScanLimits()


def root(data: bytes) -> RootPayload:
    return RootPayload(data=data, origin="content", role="submitted")


def test_layers_become_a_chain_of_children_and_findings_point_at_the_layer() -> None:
    out = analyze_payloads([root(encode_layers(b"echo MARKER", 3))], engine(PeelBase64(), FindMarker()), LIMITS)
    depths = sorted(a.depth for a in out.artifacts)
    assert depths == [0, 1, 2, 3]
    leaf = next(a for a in out.artifacts if a.depth == 3)
    assert leaf.origin == "decoded:base64" and leaf.layer is not None
    assert [f.artifact for f in out.findings] == [leaf.sha256]
    assert out.findings[0].location is not None and out.findings[0].location.offset == 5
    assert set(out.blobs) == {a.sha256 for a in out.artifacts}


def test_depth_limit_stops_the_chain_and_says_so() -> None:
    limits = replace(LIMITS, max_depth=2)
    out = analyze_payloads([root(encode_layers(b"echo MARKER", 5))], engine(PeelBase64(), FindMarker()), limits)
    assert max(a.depth for a in out.artifacts) == 2
    assert [e.kind for e in out.errors] == ["limit_depth"]
    assert out.findings == []


class StripOne:
    """Each layer removes one wrapping character: a 1,000-layer chain that does not grow."""

    name, version = "strip", "1"

    def accepts(self, artifact: Artifact) -> bool:
        return True

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        if not payload.data.startswith(b"("):
            return AnalyzerOutput()
        return AnalyzerOutput(children=[Child(data=payload.data[1:-1], origin="deobfuscated:paren")])


def test_a_thousand_layer_chain_finishes_and_is_marked_incomplete() -> None:
    chain = b"(" * 1000 + b"MARKER" + b")" * 1000
    with finishes_within_cpu():  # on a clock that never moves: the depth limit is the one that cuts
        out = analyze_payloads([root(chain)], engine(StripOne(), FindMarker()), LIMITS, clock=frozen_clock)
    assert max(a.depth for a in out.artifacts) == LIMITS.max_depth
    assert "limit_depth" in {e.kind for e in out.errors}


def test_artifact_count_limit() -> None:
    limits = replace(LIMITS, max_artifacts=10)
    out = analyze_payloads([root(b"parent")], engine(Fanout()), limits)
    assert len(out.artifacts) == 10
    assert [e.kind for e in out.errors] == ["limit_artifacts"]


def test_total_and_per_artifact_size_limits() -> None:
    limits = replace(LIMITS, max_artifact_bytes=1024, max_total_bytes=1500)
    out = analyze_payloads([root(b"A" * 5000), root(b"B" * 1000)], engine(), limits)
    first = out.artifacts[0]
    assert first.size == 1024 and first.truncated
    assert {e.kind for e in out.errors} == {"limit_artifact_size", "limit_total_bytes"}


def test_deadline_cuts_analysis_short_and_is_reported() -> None:
    clock = ManualClock()
    slow = Slow(clock)
    limits = replace(LIMITS, deadline_s=4.0, max_depth=1000, max_artifacts=100000)
    out = analyze_payloads([root(b"x")], engine(slow), limits, clock=clock)
    # Four one-second analyses fit in the 4 s deadline; the fifth artifact is listed, not analysed.
    assert slow.calls == 4 and len(out.artifacts) == 5
    assert [e.kind for e in out.errors] == ["limit_deadline"]


def test_a_crashing_analyzer_is_reported_and_the_others_still_run() -> None:
    out = analyze_payloads([root(b"MARKER")], engine(Explodes(), FindMarker()), LIMITS)
    assert [f.id for f in out.findings] == ["test.marker"]
    assert [(e.kind, e.detail) for e in out.errors] == [("analyzer_failed", "explodes: RuntimeError")]


def test_identical_content_is_analysed_once() -> None:
    out = analyze_payloads([root(b"MARKER"), root(b"MARKER")], engine(FindMarker()), LIMITS)
    assert len(out.artifacts) == 1 and len(out.findings) == 1


def test_roots_known_from_earlier_in_the_inspection_are_not_analysed_again() -> None:
    first = analyze_payloads([root(b"MARKER")], engine(FindMarker()), LIMITS)
    again = analyze_payloads([root(b"MARKER")], engine(FindMarker()), LIMITS, known=[first.artifacts[0].sha256])
    assert (again.artifacts, again.findings) == ([], [])


def test_a_root_with_a_type_decided_before_is_not_sniffed_again() -> None:
    # A rescan has the bytes, not the name the inspection typed them by.
    script = b"#!/bin/sh\necho hello\n"
    sniffed = analyze_payloads([root(script)], engine(FindMarker()), LIMITS)
    decided = analyze_payloads([replace(root(script), decided_type=ArtifactType.TEXT)], engine(FindMarker()), LIMITS)
    assert sniffed.artifacts[0].type is ArtifactType.SHELL
    assert decided.artifacts[0].type is ArtifactType.TEXT


def test_merging_outcomes_keeps_each_artifact_and_finding_once() -> None:
    first = analyze_payloads([root(b"MARKER one")], engine(FindMarker()), LIMITS)
    second = analyze_payloads([root(b"MARKER one"), root(b"MARKER two")], engine(FindMarker()), LIMITS)
    merged = AnalysisOutcome()
    merged.merge(first)
    merged.merge(second)
    assert len(merged.artifacts) == len(merged.findings) == 2
    assert set(merged.blobs) == {a.sha256 for a in merged.artifacts}


def test_the_built_engine_runs_unpackers_then_layers_then_yara_and_analyzers_with_set_limits() -> None:
    settings = Settings(unpack_max_members=7, deobfuscate_max_children=5)
    built = AnalysisEngine.build(None, settings)
    unpackers, layers, analyzers = built.stages
    assert {vars(unpacker)["limits"] for unpacker in unpackers} == {ArchiveLimits.from_settings(settings)}
    assert {vars(layer)["limits"] for layer in layers} == {DeobfuscationLimits.from_settings(settings)}
    assert isinstance(analyzers[0], YaraAnalyzer)
    assert built.analyzers() == [*unpackers, *layers, *analyzers]


def test_a_finding_without_an_artifact_is_given_the_one_it_was_found_in() -> None:
    class Anonymous:
        name, version = "anonymous", "1"

        def accepts(self, artifact: Artifact) -> bool:
            return True

        def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
            anonymous = Finding(id="test.anonymous", source="heuristic", title="t", score=1)
            return AnalyzerOutput(findings=[anonymous])

    out = analyze_payloads([root(b"anything")], engine(Anonymous()), LIMITS)
    assert [f.artifact for f in out.findings] == [out.artifacts[0].sha256]
