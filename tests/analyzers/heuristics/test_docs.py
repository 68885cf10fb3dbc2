"""docs/detection.md lists every heuristic id, so analysts can look any finding up."""

from __future__ import annotations

from pathlib import Path

from inspector.analyzers.heuristics import ALL_HEURISTICS

DOC = Path(__file__).resolve().parents[3] / "docs" / "detection.md"


def test_every_heuristic_id_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [h.id for h in ALL_HEURISTICS if f"`{h.id}`" not in text]
    assert not missing
