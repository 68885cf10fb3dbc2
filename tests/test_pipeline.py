"""The pipeline walks the payload tree breadth first under explicit limits and never loses a verdict."""

from __future__ import annotations

import base64
from dataclasses import replace

import pytest

from inspector.analyzers.base import AnalyzerOutput, Child, Heuristic, Payload, ScanContext, ScanLimits
from inspector.config import load_settings
from inspector.extensions.request import InputKind, InspectionInput
from inspector.model import Artifact, ArtifactType, Layer, VerdictClass
from inspector.pipeline import AnalysisEngine, Inspector, RootPayload, analyze_payloads
from tests.timing import GIVE_UP_S, finishes_within_cpu, frozen_clock

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


@pytest.fixture
def offline_settings(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("INSPECTOR_FETCH", "false")
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path))
    return load_settings()


async def test_inspector_gives_a_verdict_for_a_script_in_process(offline_settings) -> None:  # type: ignore[no-untyped-def]
    inspector = await Inspector.start(offline_settings, workers=0)
    try:
        result = await inspector.inspect(InspectionInput(kind=InputKind.SCRIPT, content=b"Invoke-Mimikatz -DumpCreds"))
    finally:
        await inspector.close()
    verdict = result.verdict
    assert verdict.verdict in (VerdictClass.SUSPICIOUS, VerdictClass.MALICIOUS)
    assert "yara.core.mimikatz" in {f.id for f in verdict.findings}
    assert verdict.signatures.version == inspector.ruleset.version
    assert verdict.artifacts[0].sha256 in result.blobs


async def test_inspector_in_a_process_pool_gives_the_same_verdict(offline_settings) -> None:  # type: ignore[no-untyped-def]
    script = InspectionInput(kind=InputKind.SCRIPT, content=b"vssadmin delete shadows /all /quiet")
    inline = await Inspector.start(offline_settings, workers=0)
    pooled = await Inspector.start(offline_settings, workers=1)
    try:
        a = (await inline.inspect(script)).verdict
        b = (await pooled.inspect(script)).verdict
    finally:
        await inline.close()
        await pooled.close()
    assert (a.verdict, a.score, [f.id for f in a.findings]) == (b.verdict, b.score, [f.id for f in b.findings])


async def test_urls_are_listed_as_not_fetched_when_fetching_is_off(offline_settings) -> None:  # type: ignore[no-untyped-def]
    inspector = await Inspector.start(offline_settings, workers=0)
    try:
        result = await inspector.inspect(InspectionInput(kind=InputKind.URL, url="https://example.org/run.ps1"))
    finally:
        await inspector.close()
    verdict = result.verdict
    assert verdict.complete is False
    assert [(f.url, f.error) for f in verdict.fetches] == [("https://example.org/run.ps1", "fetch_disabled")]
    assert {e.kind for e in verdict.errors} == {"not_fetched"}


class MemoryCache:
    """An AnalysisCache in a dict, counting what it was asked."""

    def __init__(self, fail: bool = False) -> None:
        self.trees: dict[tuple[str, str], object] = {}
        self.gets = self.hits = self.puts = 0
        self.fail = fail

    async def get_tree(self, root_sha256: str, key: str):  # type: ignore[no-untyped-def]
        self.gets += 1
        if self.fail:
            raise ConnectionError("cache down")
        tree = self.trees.get((root_sha256, key))
        self.hits += tree is not None
        return tree

    async def put_tree(self, root_sha256: str, key: str, tree) -> None:  # type: ignore[no-untyped-def]
        if self.fail:
            raise ConnectionError("cache down")
        self.puts += 1
        self.trees[(root_sha256, key)] = tree


ENCODED = base64.b64encode("Invoke-Mimikatz -DumpCreds".encode("utf-16-le")).decode()
CSE_BODY = {"properties": {"publisher": "Microsoft.Compute", "type": "CustomScriptExtension",
                           "typeHandlerVersion": "1.10",
                           "settings": {"commandToExecute": f"powershell -EncodedCommand {ENCODED}"}}}


def comparable(verdict):  # type: ignore[no-untyped-def]
    return verdict.model_dump(exclude={"id", "elapsed_ms", "created_at"})


async def test_a_payload_seen_before_is_not_analysed_again_and_gets_the_same_verdict(offline_settings) -> None:  # type: ignore[no-untyped-def]
    cache = MemoryCache()
    inspector = await Inspector.start(offline_settings, workers=0, cache=cache)
    request = InspectionInput(kind=InputKind.EXTENSION, body=CSE_BODY)
    try:
        first = (await inspector.inspect(request)).verdict
        inspector._engine = AnalysisEngine(stages=((Explodes(),),))  # would fail loudly if it ran again
        again = await inspector.inspect(request)
        second = again.verdict
    finally:
        await inspector.close()
    assert (cache.puts, cache.hits) == (1, 1)
    assert second.artifacts[0].sha256 in again.blobs
    assert comparable(first) == comparable(second)
    assert len(second.artifacts) >= 2 and second.verdict != VerdictClass.CLEAN


async def test_the_same_bytes_in_another_request_field_are_placed_where_they_are_now(offline_settings) -> None:  # type: ignore[no-untyped-def]
    cache = MemoryCache()
    inspector = await Inspector.start(offline_settings, workers=0, cache=cache)
    script = b"Invoke-Mimikatz -DumpCreds"
    try:
        await inspector.inspect(InspectionInput(kind=InputKind.SCRIPT, content=script,
                                                language=ArtifactType.POWERSHELL))
        run_command = {"commandId": "RunPowerShellScript", "script": ["Invoke-Mimikatz -DumpCreds"]}
        verdict = (await inspector.inspect(InspectionInput(kind=InputKind.RUN_COMMAND, body=run_command))).verdict
    finally:
        await inspector.close()
    assert cache.hits == 1
    root = verdict.artifacts[0]
    assert (root.role, root.origin) == ("run_command_script", "script")
    assert [a.alertType for a in verdict.alerts] == ["VM_RunCommandSuspiciousScript"]


async def test_new_rules_or_settings_miss_the_cache(offline_settings, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cache = MemoryCache()
    request = InspectionInput(kind=InputKind.SCRIPT, content=b"Get-Date")
    first = await Inspector.start(offline_settings, workers=0, cache=cache)
    await first.inspect(request)
    await first.close()
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "x.yar").write_text('rule x { meta: id = "op.x" score = 500 strings: $a = "Get-Date" condition: $a }')
    monkeypatch.setenv("INSPECTOR_SIGNATURE_DIRS", str(rules))
    second = await Inspector.start(load_settings(), workers=0, cache=cache)
    verdict = (await second.inspect(request)).verdict
    await second.close()
    assert "op.x" in {f.id for f in verdict.findings}
    assert cache.hits == 0 and cache.puts == 2


async def test_incomplete_analyses_are_not_cached_and_a_broken_cache_is_only_a_miss(offline_settings) -> None:  # type: ignore[no-untyped-def]
    cache = MemoryCache()
    inspector = await Inspector.start(offline_settings.model_copy(update={"max_artifacts": 1}), workers=0, cache=cache)
    try:
        await inspector.inspect(InspectionInput(kind=InputKind.EXTENSION, body=CSE_BODY))
    finally:
        await inspector.close()
    assert cache.puts == 0
    broken = await Inspector.start(offline_settings, workers=0, cache=MemoryCache(fail=True))
    try:
        verdict = (await broken.inspect(InspectionInput(kind=InputKind.SCRIPT, content=b"Invoke-Mimikatz"))).verdict
    finally:
        await broken.close()
    assert verdict.verdict != VerdictClass.CLEAN


async def test_warm_up_starts_every_worker_process(offline_settings) -> None:  # type: ignore[no-untyped-def]
    pooled = await Inspector.start(offline_settings, workers=2)
    inline = await Inspector.start(offline_settings, workers=0)
    try:
        assert await pooled.warm_up(timeout_s=GIVE_UP_S) == 2  # a worker's start takes seconds when loaded
        assert await inline.warm_up() == 0
    finally:
        await pooled.close()
        await inline.close()


async def test_a_pool_keeps_its_compiled_rules_in_a_private_folder_removed_at_close(offline_settings) -> None:  # type: ignore[no-untyped-def]
    import stat

    pooled = await Inspector.start(offline_settings, workers=1)
    folder = pooled._executor.rules_path.parent  # type: ignore[union-attr]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    await pooled.close()
    assert not folder.exists()
