"""docs/alerts.md explains every alert type of the catalog; documentation links stay inside the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from inspector.scoring.catalog import ALERT_TYPES

ROOT = Path(__file__).resolve().parents[1]
ALERTS = ROOT / "docs" / "alerts.md"
ROW = re.compile(r"^\| `(VM_\w+)` \| (\w+), (Low|Medium|High) \|", re.MULTILINE)
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_every_alert_type_is_explained_with_its_tactic_and_severity():
    rows = {name: (tactic, severity) for name, tactic, severity in ROW.findall(ALERTS.read_text(encoding="utf-8"))}
    assert rows == {name: (kind.tactic, kind.severity) for name, kind in ALERT_TYPES.items()}


@pytest.mark.parametrize("page", [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))], ids=lambda p: p.name)
def test_relative_links_point_at_files_of_the_repository(page: Path):
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"^[a-z]+:", target):
            continue
        resolved = (page.parent / target).resolve()
        assert resolved.is_relative_to(ROOT) and resolved.exists(), f"{page.name} links {target}"
