"""Tree findings come from where an artifact sits under its own root, whichever path built the tree."""

from __future__ import annotations

from inspector.analysis.placement import layers_below_root, placement_findings, without_placement
from inspector.model import Artifact, ArtifactType, Finding, Layer

LAYERS_ID = "heur.obfuscation.layers"


def chain(techniques: list[str], *, root_depth: int = 0, root_parent: str | None = None) -> list[Artifact]:
    """A root and one child per technique, each the child of the one before."""
    root = Artifact(sha256="0" * 64, size=1, type=ArtifactType.POWERSHELL, origin="settings.script",
                    depth=root_depth, parent=root_parent)
    artifacts = [root]
    for n, technique in enumerate(techniques, start=1):
        artifacts.append(Artifact(sha256=str(n) * 64, size=1, type=ArtifactType.POWERSHELL, origin=f"decoded:{n}",
                                  depth=root_depth + n, parent=artifacts[-1].sha256, layer=Layer(technique=technique)))
    return artifacts


def test_three_layers_under_a_root_are_evidence_and_more_count_more() -> None:
    assert [f.id for f in placement_findings(chain(["base64", "base64"]))] == []
    (three,) = placement_findings(chain(["base64", "base64", "format-operator"]))
    assert (three.id, three.artifact, three.score) == (LAYERS_ID, "3" * 64, 60)
    deepest = placement_findings(chain(["base64"] * 4))[-1]
    assert deepest.artifact == "4" * 64 and deepest.score == 120


def test_the_count_starts_at_the_artifacts_own_root_not_at_how_deep_that_root_was_fetched() -> None:
    # The same decoded script, reached from a second-stage download at depth 2, is judged as
    # it is when the download is submitted on its own.
    submitted = placement_findings(chain(["base64", "base64"]))
    fetched = placement_findings(chain(["base64", "base64"], root_depth=2, root_parent="f" * 64))
    assert submitted == fetched == []


def test_packaging_is_not_obfuscation() -> None:
    assert placement_findings(chain(["base64", "base64", "zip-member"])) == []


def test_a_parent_missing_from_the_tree_counts_what_is_known() -> None:
    artifacts = chain(["base64", "base64", "base64"])
    assert layers_below_root(artifacts[-1], {a.sha256: a for a in artifacts[1:]}) == 3
    assert layers_below_root(artifacts[-1], {a.sha256: a for a in artifacts[2:]}) == 2


def test_stored_tree_findings_are_dropped_before_they_are_found_again() -> None:
    stored = [Finding(id=LAYERS_ID, source="heuristic", title="t", score=60, artifact="3" * 64),
              Finding(id="yara.x", source="yara", title="t", score=10, artifact="3" * 64)]
    assert [f.id for f in without_placement(stored)] == ["yara.x"]
