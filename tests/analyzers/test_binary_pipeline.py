"""End to end through the Inspector: binaries inside scripts and disguised files show up in
the verdict as a chain of artifacts, each with its facts and findings."""

from __future__ import annotations

import base64
import gzip

from inspector.config import load_settings
from inspector.extensions.request import InputKind, InspectionInput
from inspector.model import ArtifactType, Verdict, VerdictClass
from inspector.pipeline import Inspector
from inspector.rules import load_ruleset
from tests.binaries.elf_builder import build_elf
from tests.binaries.pe_builder import RWX, Section, build_pe

INJECTOR = build_pe(sections=[Section(".text", b"\x90" * 64, RWX)],
                    imports={"KERNEL32.dll": ["VirtualAllocEx", "WriteProcessMemory", "CreateRemoteThread"]}).data


async def inspect(inp: InspectionInput, name: str | None = None) -> Verdict:
    settings = load_settings(fetch=False)
    inspector = Inspector(settings, load_ruleset(settings))
    try:
        return (await inspector.inspect(inp, input_name=name)).verdict
    finally:
        await inspector.close()


async def test_a_script_embedding_a_pe_shows_the_chain_and_the_pe_findings() -> None:
    script = (f"$b = [Convert]::FromBase64String('{base64.b64encode(INJECTOR).decode()}')\n"
              "[Reflection.Assembly]::Load($b)\n")
    verdict = await inspect(InspectionInput(kind=InputKind.SCRIPT, content=script.encode()))

    root = next(a for a in verdict.artifacts if a.depth == 0)
    [child] = [a for a in verdict.artifacts if a.type == ArtifactType.PE]
    assert child.parent == root.sha256 and child.depth == 1 and child.layer is not None
    assert child.facts.pe is not None and child.facts.pe.risky_api_groups == ["process_injection"]

    by_artifact = {(f.id, f.artifact) for f in verdict.findings}
    assert ("embedded.pe_in_script", root.sha256) in by_artifact
    assert ("pe.imports.process_injection", child.sha256) in by_artifact
    assert ("pe.section.rwx", child.sha256) in by_artifact
    assert ("yara.pe.rwx_process_injection", child.sha256) in by_artifact
    assert verdict.verdict == VerdictClass.MALICIOUS and verdict.complete


async def test_a_gzip_compressed_miner_in_a_shell_script_is_found() -> None:
    miner = build_elf(upx=True, strings=[b"stratum+tcp://pool.example.invalid:3333"]).data
    script = f"#!/bin/sh\necho {base64.b64encode(gzip.compress(miner)).decode()} | base64 -d | gunzip > /tmp/.k\n"
    verdict = await inspect(InspectionInput(kind=InputKind.SCRIPT, content=script.encode()))
    [elf] = [a for a in verdict.artifacts if a.type == ArtifactType.ELF]
    assert elf.facts.elf is not None and elf.facts.elf.packers == ["UPX"]
    assert {"elf.miner_strings", "elf.packer.upx"} <= {f.id for f in verdict.findings if f.artifact == elf.sha256}


async def test_a_pe_uploaded_as_a_text_file_is_a_type_and_name_mismatch() -> None:
    pe = build_pe(version_info={"OriginalFilename": "mimikatz.exe"}).data
    verdict = await inspect(InspectionInput(kind=InputKind.FILE, content=pe, filename="update.txt"), "update.txt")
    [artifact] = verdict.artifacts
    assert artifact.type == ArtifactType.PE
    assert {f.id for f in verdict.findings} == {"type.extension_mismatch", "pe.name_mismatch"}
    assert verdict.verdict == VerdictClass.SUSPICIOUS


async def test_the_binary_limits_in_settings_reach_the_analyzers() -> None:
    settings = load_settings(fetch=False, binary_max_children=0)
    inspector = Inspector(settings, load_ruleset(settings))
    script = f"payload = '{INJECTOR.hex()}'\n"
    try:
        verdict = (await inspector.inspect(InspectionInput(kind=InputKind.SCRIPT, content=script.encode()))).verdict
    finally:
        await inspector.close()
    assert "embedded.pe_in_script" in {f.id for f in verdict.findings}
    assert not [a for a in verdict.artifacts if a.type == ArtifactType.PE]
