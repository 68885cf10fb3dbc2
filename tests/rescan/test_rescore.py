"""Re-scoring a stored verdict with new per-artifact findings, through the lead's scoring."""

from __future__ import annotations

from inspector.model import ExtensionInfo, FetchRecord, Finding, InspectionError, Layer, SignatureInfo, VerdictClass
from inspector.rescan.rescore import cut_by_the_clock, rescore, scoring_plan
from inspector.scoring import Bands
from inspector.store.testing import make_verdict

NEW = SignatureInfo(version="v2", rule_count=9)


def _finding(fid: str, source: str, score: int, artifact: str | None) -> Finding:
    return Finding(id=fid, source=source, title=fid, score=score, artifact=artifact)  # type: ignore[arg-type]


def test_new_findings_replace_old_ones_of_the_rescanned_artifacts() -> None:
    old = make_verdict("i", [b"root", b"child"])
    root, child = (a.sha256 for a in old.artifacts)
    old = old.model_copy(update={"findings": [
        _finding("yara.old", "yara", 100, root),
        _finding("heur.kept", "heuristic", 50, root),
        _finding("structure.kept", "structure", 20, None),
        _finding("yara.on_child", "yara", 30, child),
    ]})
    new = rescore(old, {root: [_finding("yara.new", "yara", 1200, root)]}, None, Bands(), NEW)
    assert {f.id for f in new.findings} == {"yara.new", "structure.kept", "yara.on_child"}
    assert new.score == 1250 and new.verdict is VerdictClass.MALICIOUS and new.signatures == NEW
    assert new.id == old.id and new.artifacts == old.artifacts


def test_a_rules_only_rescan_keeps_the_other_analyzers_findings() -> None:
    old = make_verdict("i", [b"root"])
    root = old.artifacts[0].sha256
    old = old.model_copy(update={"findings": [_finding("yara.old", "yara", 100, root),
                                              _finding("heur.kept", "heuristic", 350, root)]})
    new = rescore(old, {root: []}, None, Bands(), NEW, frozenset({"yara"}))
    assert [f.id for f in new.findings] == ["heur.kept"]
    assert (new.score, new.verdict) == (350, VerdictClass.SUSPICIOUS)


def test_the_scoring_plan_comes_from_what_the_verdict_recorded() -> None:
    old = make_verdict("i", [b"x"]).model_copy(update={
        "extension": ExtensionInfo(kind="custom_script_linux"),
        "fetches": [FetchRecord(url="https://a.example/x.sh", role="entry_point"),
                    FetchRecord(url="https://b.example/y", role="not-a-role")],
    })
    plan = scoring_plan(old, {"status": "Failed", "vm_size": "Standard_NC6"})
    assert plan.kind == "custom_script_linux" and [u.redacted for u in plan.urls] == ["https://a.example/x.sh"]
    assert plan.context.status == "Failed"
    assert scoring_plan(old, {"unknown_field": 1}).context.status is None  # unreadable context: no context


def test_tree_findings_are_found_again_on_the_stored_tree() -> None:
    # A full rescan scans each artifact as bytes alone; the layers it sat under come from the tree.
    old = make_verdict("i", [b"root", b"one", b"two", b"three"])
    layered = [old.artifacts[0]]
    for artifact in old.artifacts[1:]:  # a chain: each layer decoded from the one before
        layered.append(artifact.model_copy(update={"layer": Layer(technique="base64"), "parent": layered[-1].sha256,
                                                   "depth": layered[-1].depth + 1}))
    deepest = layered[-1].sha256
    old = old.model_copy(update={"artifacts": layered, "findings": [
        _finding("heur.obfuscation.layers", "heuristic", 60, deepest)]})
    new = rescore(old, {a.sha256: [] for a in layered}, None, Bands(), NEW)
    assert [(f.id, f.artifact, f.score) for f in new.findings] == [("heur.obfuscation.layers", deepest, 60)]
    assert new.score == 60


def test_a_verdict_cut_by_the_clock_is_recognised() -> None:
    old = make_verdict("i", [b"root"])
    assert not cut_by_the_clock(old)
    late = old.model_copy(update={"complete": False, "errors": [
        InspectionError(kind="limit_deadline", detail="analysis deadline of 20s reached")]})
    assert cut_by_the_clock(late)
