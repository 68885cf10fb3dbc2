"""Analysed trees are reused per root: found by bytes, version and hints, placed where the root is
now, kept only when complete, and a failing cache only ever costs a fresh analysis."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from inspector.analysis.engine import AnalysisOutcome, RootPayload
from inspector.analysis.tree_cache import analyze_each_root, rebased, tree_key
from inspector.model import Artifact, ArtifactType, CachedTree, Finding, InspectionError
from inspector.stage import ScanLimits

SCRIPT = b"Invoke-Mimikatz -DumpCreds"
SHA = hashlib.sha256(SCRIPT).hexdigest()
CHILD = "c" * 64
LIMITS = ScanLimits()


def field_root(depth: int = 0, origin: str = "settings.script") -> RootPayload:
    return RootPayload(data=SCRIPT, origin=origin, role="cse_script", type_hint=ArtifactType.POWERSHELL,
                       depth=depth, parent="p" * 64 if depth else None)


def analysed(sha: str = SHA, *, error: bool = False) -> AnalysisOutcome:
    root = Artifact(sha256=sha, size=len(SCRIPT), type=ArtifactType.POWERSHELL, origin="content",
                    role="submitted")
    child = Artifact(sha256=CHILD, size=3, type=ArtifactType.TEXT, origin="decoded:base64", role="submitted",
                     parent=sha, depth=1)
    finding = Finding(id="yara.core.mimikatz", source="yara", title="t", score=900, artifact=sha)
    errors = [InspectionError(kind="limit_deadline", detail="late")] if error else []
    return AnalysisOutcome(artifacts=[root, child], findings=[finding], blobs={sha: SCRIPT, CHILD: b"abc"},
                           urls=[("https://example.invalid/x", sha)], errors=errors)


class MemoryCache:
    def __init__(self, fail: bool = False) -> None:
        self.trees: dict[tuple[str, str], CachedTree] = {}
        self.fail = fail

    async def get_tree(self, root_sha256: str, key: str) -> CachedTree | None:
        if self.fail:
            raise ConnectionError("cache down")
        return self.trees.get((root_sha256, key))

    async def put_tree(self, root_sha256: str, key: str, tree: CachedTree) -> None:
        if self.fail:
            raise ConnectionError("cache down")
        self.trees[(root_sha256, key)] = tree


class CountingAnalysis:
    """Stands in for the engine: answers with a fixed outcome and counts the roots it was given."""

    def __init__(self, outcome: AnalysisOutcome) -> None:
        self.outcome = outcome
        self.roots: list[RootPayload] = []
        self.known: list[list[str]] = []

    async def __call__(self, roots: Sequence[RootPayload], limits: ScanLimits,
                       known: Sequence[str]) -> AnalysisOutcome:
        self.roots.extend(roots)
        self.known.append(list(known))
        return self.outcome


def test_the_key_follows_the_version_and_the_hints_but_not_the_request_field() -> None:
    key = tree_key("v1", field_root())
    assert tree_key("v1", field_root(origin="properties.settings.commandToExecute")) == key
    assert tree_key("v2", field_root()) != key
    other_hint = RootPayload(data=SCRIPT, origin="settings.script", role="cse_script",
                             type_hint=ArtifactType.SHELL)
    assert tree_key("v1", other_hint) != key


def test_a_cached_tree_is_placed_where_the_root_is_now() -> None:
    outcome = analysed()
    tree = CachedTree(artifacts=outcome.artifacts, findings=outcome.findings, urls=outcome.urls)
    placed = rebased(tree, field_root(depth=2))
    root, child = placed.artifacts
    assert (root.origin, root.role, root.depth, root.parent) == ("settings.script", "cse_script", 2, "p" * 64)
    assert (child.origin, child.role, child.depth, child.parent) == ("decoded:base64", "cse_script", 3, SHA)
    assert placed.findings == outcome.findings and placed.urls == outcome.urls
    assert rebased(CachedTree(artifacts=[], findings=[], urls=[]), field_root()).artifacts == []


async def test_a_root_analysed_before_is_not_analysed_again() -> None:
    cache, analysis = MemoryCache(), CountingAnalysis(analysed())
    first = await analyze_each_root(cache, "v1", [field_root()], LIMITS, analysis)
    second = await analyze_each_root(cache, "v1", [field_root()], LIMITS, analysis)
    assert len(analysis.roots) == 1
    assert [a.sha256 for a in second.artifacts] == [a.sha256 for a in first.artifacts]
    assert second.findings == first.findings
    assert second.blobs == {SHA: SCRIPT}  # derived bytes were stored with the first inspection


async def test_another_analysis_version_analyses_again() -> None:
    cache, analysis = MemoryCache(), CountingAnalysis(analysed())
    await analyze_each_root(cache, "v1", [field_root()], LIMITS, analysis)
    await analyze_each_root(cache, "v2", [field_root()], LIMITS, analysis)
    assert len(analysis.roots) == 2


async def test_each_fresh_root_is_analysed_on_its_own_whatever_came_before_it() -> None:
    # A tree analysed knowing an earlier root's artifacts would lack the children they share.
    other = b"echo second"
    for cache in (MemoryCache(), None):
        analysis = CountingAnalysis(analysed())
        roots = [field_root(), RootPayload(data=other, origin="settings.other", role="cse_script")]
        await analyze_each_root(cache, "v1", roots, LIMITS, analysis)
        assert analysis.known == [[], []]


async def test_trees_sharing_a_child_merge_with_the_child_once_where_it_was_first_found() -> None:
    analysis = CountingAnalysis(analysed())
    roots = [field_root(), RootPayload(data=b"echo second", origin="settings.other", role="cse_script")]
    merged = await analyze_each_root(None, "v1", roots, LIMITS, analysis)
    assert [a.sha256 for a in merged.artifacts] == [SHA, CHILD]
    assert len(merged.findings) == 1


async def test_an_incomplete_analysis_is_not_kept() -> None:
    cache = MemoryCache()
    await analyze_each_root(cache, "v1", [field_root()], LIMITS, CountingAnalysis(analysed(error=True)))
    assert cache.trees == {}


async def test_a_failing_cache_is_a_miss_and_the_analysis_still_answers() -> None:
    analysis = CountingAnalysis(analysed())
    outcome = await analyze_each_root(MemoryCache(fail=True), "v1", [field_root()], LIMITS, analysis)
    assert [f.id for f in outcome.findings] == ["yara.core.mimikatz"] and len(analysis.roots) == 1
