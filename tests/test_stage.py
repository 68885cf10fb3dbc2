"""The stage kernel: findings quote the payload without its secrets."""

from __future__ import annotations

import hashlib

from inspector.model import Artifact, ArtifactType
from inspector.stage import Heuristic, Payload

PASSWORD = "Zx8Qw3Rt6Yp1Lk4M"
H = Heuristic("test.heuristic", "Test", "A test heuristic", score=10)


def payload(text: str) -> Payload:
    data = text.encode()
    artifact = Artifact(sha256=hashlib.sha256(data).hexdigest(), size=len(data), type=ArtifactType.POWERSHELL,
                        origin="test", depth=0)
    return Payload(artifact=artifact, data=data, text=text)


def test_a_located_snippet_that_starts_inside_a_password_shows_none_of_it():
    text = f"$x = 1\npowershell -File setup.ps1 -Password {PASSWORD}; IEX $payload\n"
    start = text.index(PASSWORD) + 5
    finding = H.finding(payload(text), offset=start, length=30, snippet=text[start:start + 30])
    assert finding.snippet is not None
    assert not any(PASSWORD[i:i + 3] in finding.snippet for i in range(len(PASSWORD) - 2))
    assert "IEX $payload" in finding.snippet


def test_a_located_snippet_is_bounded_after_redaction():
    text = "a" * 50 + f" -Password {PASSWORD} " + "b" * 500
    finding = H.finding(payload(text), offset=0, length=len(text), snippet=text, snippet_chars=64)
    assert finding.snippet == "a" * 50 + " -Password [RE"


def test_a_snippet_without_location_is_redacted_by_itself():
    finding = H.finding(payload("x"), snippet=f"-Password {PASSWORD}")
    assert finding.snippet == "-Password [REDACTED]"
