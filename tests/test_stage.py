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


def test_modules_of_imports_a_packages_modules_in_name_order_without_private_ones(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from inspector.stage import modules_of

    package = tmp_path / "parts_pkg"
    (package / "sub").mkdir(parents=True)
    for name in ("__init__", "b_part", "a_part", "_private"):
        (package / f"{name}.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        assert [m.__name__ for m in modules_of("parts_pkg")] == ["parts_pkg.a_part", "parts_pkg.b_part"]
        assert [m.__name__ for m in modules_of("parts_pkg", subpackages=True)] == [
            "parts_pkg.a_part", "parts_pkg.b_part", "parts_pkg.sub"]
    finally:
        for name in [n for n in sys.modules if n.startswith("parts_pkg")]:
            del sys.modules[name]
