"""Every structural finding is declared once, documented, modest and mapped to ATT&CK."""

from __future__ import annotations

from pathlib import Path

from inspector.extensions import ALL_CHECKS

DOC = Path(__file__).resolve().parents[2] / "docs" / "extensions.md"


def test_ids_are_unique_and_namespaced():
    ids = [c.id for c in ALL_CHECKS]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("structure.") for i in ids)


def test_scores_are_modest_signals_and_every_check_has_attack_ids():
    for check in ALL_CHECKS:
        assert 0 < check.score < 300, check.id
        assert check.attack and all(a.startswith("T") for a in check.attack), check.id


def test_every_check_is_documented():
    text = DOC.read_text()
    missing = [c.id for c in ALL_CHECKS if f"`{c.id}`" not in text]
    assert missing == []


def test_findings_are_structure_findings_without_an_artifact_and_redact_snippets():
    finding = ALL_CHECKS[0].finding("run.ps1 -Password Hunter2")
    assert finding.source == "structure" and finding.artifact is None
    assert finding.snippet == "run.ps1 -Password [REDACTED]"
