"""Executables embedded in scripts: every encoding becomes a child artifact with its layer,
span and line, plus one finding; harmless encoded data does not; limits hold."""

from __future__ import annotations

import base64
import gzip
import textwrap
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.analyzers.binary_common import BinaryLimits
from inspector.analyzers.embedded import EmbeddedExecutableAnalyzer
from inspector.analyzers.pe import PeAnalyzer
from inspector.model import ArtifactType
from tests.binaries.elf_builder import build_elf
from tests.binaries.payloads import context, payload, script
from tests.binaries.pe_builder import build_pe
from tests.timing import finishes_within_cpu

ANALYZER = EmbeddedExecutableAnalyzer()
PE = build_pe(imports={"kernel32.dll": ["VirtualAllocEx", "WriteProcessMemory", "CreateRemoteThread"]}).data
ELF = build_elf(strings=[b"stratum+tcp://pool.example.invalid:3333"]).data


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def analyze(text: str, analyzer: EmbeddedExecutableAnalyzer = ANALYZER, kind: ArtifactType = ArtifactType.POWERSHELL,
            **ctx: float):
    return analyzer.analyze(script(text, kind), context(**ctx))


CASES = [
    ("reflective load from base64",
     f"$bytes = [Convert]::FromBase64String('{b64(PE)}')\n[Reflection.Assembly]::Load($bytes)", PE, "embedded-pe-base64"),
    ("wrapped base64 in a here-string after a word line",
     "$blob = @'\nConfigurationBlobFollowsBelowThisLine\n" + "\n".join(textwrap.wrap(b64(PE), 76)) + "\n'@",
     PE, "embedded-pe-base64"),
    ("hex string", f"$hex = '{PE.hex().upper()}'", PE, "embedded-pe-hex"),
    ("escaped hex in printf", "printf '" + "".join(f"\\x{b:02x}" for b in ELF) + "' > /tmp/.x", ELF, "embedded-elf-hex"),
    ("PowerShell [Byte[]] hex array", "[Byte[]] $sc = (" + ",".join(f"0x{b:02x}" for b in PE) + ")", PE,
     "embedded-pe-byte-array"),
    ("PowerShell decimal array", "$b = [byte[]]@(" + ", ".join(str(b) for b in PE) + ")", PE, "embedded-pe-byte-array"),
    ("C# byte initialiser", "byte[] buf = new byte[] { " + ", ".join(f"0x{b:02X}" for b in ELF) + " };", ELF,
     "embedded-elf-byte-array"),
    ("gzip base64 piped to gunzip", f"echo {b64(gzip.compress(ELF))} | base64 -d | gunzip > /tmp/m", ELF,
     "embedded-elf-gzip-base64"),
    ("zlib base64", f"$z = '{b64(zlib.compress(PE))}'", PE, "embedded-pe-zlib-base64"),
    ("DeflateStream over base64",
     "$s = New-Object IO.Compression.DeflateStream([IO.MemoryStream][Convert]::FromBase64String('"
     + b64(raw_deflate(PE)) + "'), [IO.Compression.CompressionMode]::Decompress)", PE, "embedded-pe-deflate-base64"),
]


@pytest.mark.parametrize(("text", "image", "technique"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_encoding_yields_the_exact_image_as_a_child(text: str, image: bytes, technique: str) -> None:
    out = analyze(text)
    [child] = out.children
    assert child.data == image
    assert child.type_hint == (ArtifactType.PE if image[:2] == b"MZ" else ArtifactType.ELF)
    assert child.layer.technique == technique
    assert child.origin.startswith(f"embedded:{technique}@")
    [finding] = out.findings
    assert finding.id == ("embedded.pe_in_script" if image[:2] == b"MZ" else "embedded.elf_in_script")
    assert finding.location.offset == child.layer.span.offset
    assert out.errors == []


def test_the_span_and_line_point_at_the_blob() -> None:
    text = "# loader\n$x = 1\n$b = '" + b64(PE) + "'\n"
    out = analyze(text)
    [child] = out.children
    span = child.layer.span
    assert text[span.offset : span.offset + span.length] == b64(PE)
    assert span.line == 3 and out.findings[0].location.line == 3
    assert out.findings[0].attack == ["T1620", "T1027"] and out.findings[0].score == 500


def test_the_child_pe_is_analysable_and_shows_its_own_findings() -> None:
    [child] = analyze(f"$b = '{b64(PE)}'").children
    pe_out = PeAnalyzer().analyze(payload(child.data, ArtifactType.PE, origin=child.origin), context())
    assert pe_out.facts.pe.risky_api_groups == ["process_injection"]


def test_the_same_image_twice_is_one_child() -> None:
    out = analyze(f"$a = '{b64(PE)}'\n$b = '{PE.hex()}'")
    assert len(out.children) == 1 and len(out.findings) == 1


def test_two_different_images_are_two_children() -> None:
    out = analyze(f"$a = '{b64(PE)}'\n$b = '{b64(ELF)}'", kind=ArtifactType.SHELL)
    assert [c.type_hint for c in out.children] == [ArtifactType.PE, ArtifactType.ELF]


@pytest.mark.parametrize("text", [
    "Write-Output 'hello'",
    "$cert = '" + b64(bytes(range(256)) * 4) + "'",  # base64 of non-executable bytes
    "$zip = '" + b64(gzip.compress(b"just text " * 100)) + "'",
    "$id = '" + "4d5a" + "00" * 10 + "'",  # too short to be an image
    "$b = [byte[]](77,90,144,0)",  # an MZ header alone is not an image
    "path/" + "abcdefghij" * 40,  # long identifier-like run
    "$x = '" + "TVqQ" + "A" * 300 + "'",  # MZ prefix without a PE header behind it
])
def test_non_executable_encoded_data_is_not_a_finding(text: str) -> None:
    out = analyze(text)
    assert out.findings == [] and out.children == []


def test_binary_and_non_text_artifacts_are_not_accepted() -> None:
    assert ANALYZER.accepts(payload(PE, ArtifactType.PE).artifact) is False
    assert ANALYZER.accepts(script("x").artifact) is True
    assert ANALYZER.accepts(payload(b"x", ArtifactType.TEXT).artifact) is True


# --- limits ---------------------------------------------------------------------------------------

def test_candidates_beyond_the_limit_are_reported() -> None:
    analyzer = EmbeddedExecutableAnalyzer(BinaryLimits(max_embedded_blobs=2))
    noise = "\n".join(f"$n{i} = '{b64(bytes(range(i, i + 200)))}'" for i in range(3))
    out = analyze(noise + f"\n$b = '{b64(PE)}'", analyzer=analyzer)
    assert out.children == []
    assert [kind for kind, _ in out.errors] == ["limit_embedded_blobs"]


def test_children_beyond_the_limit_keep_the_finding() -> None:
    out = analyze(f"$b = '{b64(PE)}'", analyzer=EmbeddedExecutableAnalyzer(BinaryLimits(max_children=0)))
    assert out.children == [] and [f.id for f in out.findings] == ["embedded.pe_in_script"]
    assert [kind for kind, _ in out.errors] == ["limit_children"]


def test_a_decompressed_image_larger_than_the_artifact_limit_is_truncated() -> None:
    big = build_pe(overlay=b"\x00" * 200_000).data
    analyzer = EmbeddedExecutableAnalyzer(BinaryLimits(max_child_bytes=50_000))
    [child] = analyze(f"$z = '{b64(gzip.compress(big))}'", analyzer=analyzer).children
    assert len(child.data) == 50_000 and child.truncated is True
    assert child.data == big[:50_000]


def test_a_blob_longer_than_the_pattern_limit_is_not_decoded_whole() -> None:
    analyzer = EmbeddedExecutableAnalyzer(BinaryLimits(max_embedded_blob_chars=1024))
    [child] = analyze(f"$b = '{b64(PE)}'", analyzer=analyzer).children
    assert child.data == PE[:768] and child.truncated is True


def test_an_expired_deadline_stops_the_search() -> None:
    out = analyze(f"$b = '{b64(PE)}'", deadline_s=0.0)
    assert out.children == []
    assert [kind for kind, _ in out.errors] == ["limit_deadline"]


def test_a_large_script_of_base64_noise_is_scanned_up_to_the_blob_limit() -> None:
    noise = "\n".join(f"$v{i} = '{b64(bytes((i * 7 + j) % 256 for j in range(3000)))}'" for i in range(200))  # 800 KB
    with finishes_within_cpu():
        out = analyze(noise + f"\n$b = '{b64(PE)}'")
    # The image sits after more candidates than the limit allows, which is reported.
    assert [kind for kind, _ in out.errors] == ["limit_embedded_blobs"]


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.text(max_size=200), cut=st.integers(min_value=0, max_value=len(b64(PE))),
       noise=st.text(alphabet="AQgw+/=,0x4d5a \n", max_size=300))
def test_damaged_and_surrounded_blobs_never_crash(prefix: str, cut: int, noise: str) -> None:
    text = prefix + "'" + b64(PE)[:cut] + noise + "'"
    with finishes_within_cpu():
        out = analyze(text)
    for child in out.children:
        assert child.data[:2] in (b"MZ", b"\x7fE") and len(child.data) <= ANALYZER.limits.max_child_bytes
