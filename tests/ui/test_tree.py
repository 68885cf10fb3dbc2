"""The artifact tree: parents, chains of layers, and where the evidence is."""

from __future__ import annotations

from inspector.model import Artifact, ArtifactType, Finding, Layer, SignatureInfo, Verdict, VerdictClass
from inspector.ui.tree import MAX_NESTING, build_tree, walk


def art(sha: str, parent: str | None = None, origin: str = "input", technique: str | None = None,
        url: str | None = None) -> Artifact:
    return Artifact(sha256=sha * 64 if len(sha) == 1 else sha, size=1, type=ArtifactType.POWERSHELL, origin=origin,
                    parent=(parent * 64 if parent and len(parent) == 1 else parent),
                    layer=Layer(technique=technique) if technique else None, url=url)


def verdict(artifacts: list[Artifact], findings: list[Finding] | None = None) -> Verdict:
    return Verdict(id="i", verdict=VerdictClass.MALICIOUS, score=1, severity="High", complete=True,
                   artifacts=artifacts, findings=findings or [], signatures=SignatureInfo(version="v", rule_count=1),
                   engine="e", elapsed_ms=1, created_at="2026-01-01T00:00:00Z")


def test_children_hang_under_their_parent_with_the_chain_of_layers() -> None:
    v = verdict([
        art("a", origin="protectedSettings.commandToExecute"),
        art("b", "a", origin="decoded:encoded-command", technique="encoded-command"),
        art("c", "b", origin="deobfuscated:format-operator", technique="format-operator"),
    ], [Finding(id="x", source="yara", title="t", score=5, artifact="c" * 64)])
    roots = build_tree(v)
    assert len(roots) == 1
    leaf = roots[0].children[0].children[0]
    assert [s.origin for s in leaf.chain] == ["protectedSettings.commandToExecute", "decoded:encoded-command",
                                              "deobfuscated:format-operator"]
    assert leaf.kind == "deobfuscated layer" and leaf.findings and leaf.score == 5
    assert roots[0].flagged_below and roots[0].children[0].flagged_below and not leaf.flagged_below
    assert roots[0].kind == "request field"


def test_fetched_files_and_archive_members_are_named_as_such() -> None:
    v = verdict([art("a", origin="fileUris[0]", url="https://x/a.zip"),
                 art("b", "a", origin="a.ps1", technique="zip-member")])
    root = build_tree(v)[0]
    assert root.kind == "fetched file" and root.children[0].kind == "archive member"


def test_an_artifact_whose_parent_is_unknown_becomes_a_root() -> None:
    assert [n.artifact.sha256[0] for n in build_tree(verdict([art("a"), art("b", "z")]))] == ["a", "b"]


def test_a_parent_loop_in_a_malformed_verdict_still_shows_every_artifact_once() -> None:
    nodes = walk(build_tree(verdict([art("a", "b"), art("b", "a")])))
    assert sorted(n.artifact.sha256[0] for n in nodes) == ["a", "b"]


def test_very_deep_chains_are_flattened_below_the_nesting_limit() -> None:
    shas = [f"{i:064x}" for i in range(MAX_NESTING + 30)]
    arts = [art(shas[0])] + [art(shas[i], shas[i - 1], technique="base64") for i in range(1, len(shas))]
    roots = build_tree(verdict(arts))
    assert len(walk(roots)) == len(shas)
    depth, node = 0, roots[0]
    while node.children:
        node, depth = node.children[0], depth + 1
    assert depth <= MAX_NESTING + 1
    deepest = [n for n in walk(roots) if n.artifact.sha256 == shas[-1]][0]
    assert len(deepest.chain) == len(shas)  # the chain still tells the whole story
