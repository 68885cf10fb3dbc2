"""PowerShell over the parse limit: literal base64 is decoded by a scan, and decode-and-execute
of content that could not be read is a finding, never silence."""

from __future__ import annotations

import base64
import gzip

from inspector.deobfuscate.common import DeobfuscationLimits
from inspector.deobfuscate.powershell import PowerShellLayer
from inspector.model import ArtifactType
from inspector.stage import ScanContext, ScanLimits
from tests.deobfuscate.peeling import payload_of

LIMIT = 4096
INNER = "Invoke-Mimikatz -DumpCreds"
PADDING = "# " + "lorem ipsum dolor sit amet " * 3 + "\n"


def analyze(text: str):
    layer = PowerShellLayer(DeobfuscationLimits(max_parse_chars=LIMIT))
    return layer.analyze(payload_of(text.encode(), ArtifactType.POWERSHELL), ScanContext(ScanLimits()))


def padded(script: str) -> str:
    return PADDING * (2 * LIMIT // len(PADDING)) + script


def test_a_literal_past_the_parse_limit_is_decoded_into_the_next_layer():
    blob = base64.b64encode(INNER.encode()).decode()
    out = analyze(padded(f"iex ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('{blob}')))"))
    [child] = out.children
    assert child.data.decode() == INNER and child.origin == "decoded:base64"
    assert child.type_hint is ArtifactType.POWERSHELL
    assert "limit_deobfuscation_parse" in {kind for kind, _ in out.errors}
    assert "deobf.powershell.unread_decode_execute" not in {f.id for f in out.findings}


def test_a_gzip_literal_is_decompressed():
    blob = base64.b64encode(gzip.compress(INNER.encode())).decode()
    out = analyze(padded("$s = New-Object IO.Compression.GzipStream($m, [IO.Compression.CompressionMode]::Decompress)\n"
                         f"$m = [IO.MemoryStream][Convert]::FromBase64String('{blob}')\niex $r.ReadToEnd()"))
    assert [c.data.decode() for c in out.children] == [INNER]


def test_decode_and_execute_of_something_not_read_is_a_finding():
    built = " + ".join(f"'{chunk}'" for chunk in ["SW52b2tl", "LU1pbWlr", "YXR6"] * 2)
    out = analyze(padded(f"$b = {built}\niex ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($b)))"))
    assert out.children == []
    [finding] = out.findings
    assert finding.id == "deobf.powershell.unread_decode_execute" and finding.score >= 300


def test_a_large_script_that_decodes_nothing_and_runs_nothing_is_not_flagged():
    out = analyze(padded("Write-Output 'done'"))
    assert out.findings == [] and out.children == []
