"""The active ruleset: the YARA folders and the Sigma folders the settings name, versioned together."""

from __future__ import annotations

from pathlib import Path

from inspector.config import Settings
from inspector.rules import load_ruleset
from tests.sigma.helpers import rule_yaml

DETECTION = "sel:\n  CommandLine|contains: 'whoami'\ncondition: sel"
RULE_ID = "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b"


def test_without_sigma_folders_the_version_is_the_yara_version() -> None:
    ruleset = load_ruleset(Settings(fetch=False))
    assert ruleset.sigma.rules == () and ruleset.sigma.version == ""
    assert len(ruleset.version) == 16


def test_a_changed_sigma_file_changes_the_ruleset_version(tmp_path: Path) -> None:
    (tmp_path / "r.yml").write_text(rule_yaml(DETECTION, rule_id=RULE_ID))
    settings = Settings(fetch=False, sigma_dirs=[tmp_path])
    without = load_ruleset(Settings(fetch=False))
    first = load_ruleset(settings)
    (tmp_path / "r.yml").write_text(rule_yaml(DETECTION, rule_id=RULE_ID, level="critical"))
    changed = load_ruleset(settings)
    assert len({without.version, first.version, changed.version}) == 3
    assert f"sigma.{RULE_ID}" in {entry.id for entry in changed.detections()}


def test_sigma_folders_are_read_from_the_environment_like_yara_folders(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os

    monkeypatch.setenv("INSPECTOR_SIGMA_DIRS", f"{tmp_path / 'a'}{os.pathsep}{tmp_path / 'b'}")
    assert Settings().sigma_dirs == [tmp_path / "a", tmp_path / "b"]
