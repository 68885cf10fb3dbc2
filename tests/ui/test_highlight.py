"""Artifact text as shown: numbered lines, exact marks, redaction, visible control characters."""

from __future__ import annotations

import hashlib

from inspector.model import Artifact, ArtifactType, Finding, Location
from inspector.ui.highlight import hex_view, text_view


def artifact(data: bytes, kind: ArtifactType = ArtifactType.POWERSHELL) -> Artifact:
    return Artifact(sha256=hashlib.sha256(data).hexdigest(), size=len(data), type=kind, origin="input")


def finding(a: Artifact, offset: int, length: int, line: int | None = None, fid: str = "f1",
            source: str = "heuristic") -> Finding:
    return Finding(id=fid, source=source, title="t", score=10, artifact=a.sha256,  # type: ignore[arg-type]
                   location=Location(offset=offset, length=length, line=line))


def marked(view: object) -> list[tuple[int, str]]:
    out = []
    for line in view.lines:  # type: ignore[attr-defined]
        for seg in line.segments:
            if seg.marks:
                out.append((line.number, seg.text))
    return out


def test_a_finding_span_is_marked_exactly_on_its_line() -> None:
    data = b"Write-Host hi\n$x = Invoke-Mimikatz -DumpCreds\n"
    a = artifact(data)
    start = data.index(b"Invoke-Mimikatz")
    view = text_view(data, a, [finding(a, start, len("Invoke-Mimikatz"), 2)], 10_000)
    assert view is not None
    assert [line.number for line in view.lines] == [1, 2, 3]
    assert marked(view) == [(2, "Invoke-Mimikatz")]
    assert view.marked == 1 and not view.redacted


def test_a_span_across_lines_is_marked_on_each_line() -> None:
    data = b"aaa\nbbb\nccc"
    a = artifact(data)
    view = text_view(data, a, [finding(a, 2, 4)], 10_000)
    assert marked(view) == [(1, "a"), (2, "bb")]


def test_yara_byte_offsets_are_converted_to_characters() -> None:
    data = "é = 'x'\nInvoke-Mimikatz\n".encode()
    a = artifact(data)
    start = data.index(b"Invoke")
    view = text_view(data, a, [finding(a, start, 15, source="yara")], 10_000)
    assert marked(view) == [(2, "Invoke-Mimikatz")]


def test_findings_of_other_artifacts_are_not_marked_here() -> None:
    data = b"Invoke-Mimikatz"
    a = artifact(data)
    other = finding(a, 0, 6).model_copy(update={"artifact": "0" * 64})
    assert marked(text_view(data, a, [other], 10_000)) == []


def test_a_finding_with_only_a_line_marks_the_whole_line() -> None:
    data = b"one\ntwo\n"
    a = artifact(data)
    f = Finding(id="f", source="heuristic", title="t", score=1, artifact=a.sha256, location=Location(line=2))
    view = text_view(data, a, [f], 10_000)
    assert view.lines[1].marks == ("f",) and view.lines[0].marks == ()


def test_secrets_are_redacted_and_their_line_is_marked_whole() -> None:
    data = b"net user backdoor S3cretPassw0rd! /add\nnet localgroup administrators backdoor /add\n"
    a = artifact(data, ArtifactType.CMD)
    view = text_view(data, a, [finding(a, 0, 8, 1)], 10_000)
    text = "\n".join("".join(s.text for s in line.segments) for line in view.lines)
    assert "S3cretPassw0rd" not in text and "[REDACTED]" in text
    assert view.redacted and view.lines[0].marks == ("f1",)
    assert "administrators" in text


def test_markup_stays_plain_text_in_segments() -> None:
    data = b"<script>alert(1)</script>"
    a = artifact(data, ArtifactType.TEXT)
    view = text_view(data, a, [], 10_000)
    assert view.lines[0].segments[0].text == "<script>alert(1)</script>"


def test_invisible_and_bidi_characters_are_shown_as_code_points() -> None:
    data = "if admin \u202e nimda fi\x00".encode()
    a = artifact(data, ArtifactType.TEXT)
    view = text_view(data, a, [], 10_000)
    controls = [s.text for s in view.lines[0].segments if s.control]
    assert controls == ["U+202E", "U+0000"]


def test_long_text_is_cut_at_the_limit_and_says_how_much_is_hidden() -> None:
    data = b"x" * 5000
    view = text_view(data, artifact(data, ArtifactType.TEXT), [], 1000)
    assert sum(len(s.text) for s in view.lines[0].segments) == 1000 and view.hidden_chars == 4000


def test_binaries_are_not_text_and_get_a_bounded_hex_dump() -> None:
    data = b"MZ\x90\x00" + bytes(range(256)) * 4
    assert text_view(data, artifact(data, ArtifactType.PE), [], 10_000) is None
    dump = hex_view(data, 64)
    assert len(dump.rows) == 4 and dump.rows[0].hex.startswith("4d 5a 90 00") and dump.rows[0].ascii.startswith("MZ..")
    assert dump.hidden_bytes == len(data) - 64
