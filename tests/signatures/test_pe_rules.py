"""The PE rule pack (signatures/pe_*.yar, YARA `pe` module): metadata, and each rule against
PE images built in code, one that must match and ones that must not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yara

from inspector.rules.paths import builtin_signature_dir
from tests.binaries.pe_builder import CODE, RWX, UNINIT_RWX, Section, build_pe

REQUIRED_META = ("id", "score", "attack", "description", "author")
INJECTION = {"KERNEL32.dll": ["VirtualAllocEx", "WriteProcessMemory", "CreateRemoteThread"]}
UPX_SECTIONS = [Section("UPX0", b"", UNINIT_RWX, virtual_size=0x10000, raw_size=0),
                Section("UPX1", b"UPX!" + b"\x90" * 200, RWX)]
LOADER_NAMES = ["ShellcodeRunner", "VirtualAlloc", "CreateThread", "FromBase64String"]

SAMPLES: dict[str, tuple[bytes, list[bytes]]] = {
    # rule id: (positive, negatives)
    "yara.pe.upx_packed": (
        build_pe(sections=UPX_SECTIONS).data,
        [build_pe(sections=[Section("UPX0", b"\x90" * 64, CODE)]).data,  # the name without the marker
         build_pe(sections=[Section(".text", b"UPX!" + b"\x90" * 60, CODE)]).data],  # the marker alone
    ),
    "yara.pe.protector": (
        build_pe(sections=[Section(".text", b"\x90" * 64, CODE), Section(".vmp0", b"\x00" * 64, RWX)]).data,
        [build_pe(sections=[Section(".text", b"\x90" * 64, CODE), Section(".vmp", b"\x00" * 64, RWX)]).data],
    ),
    "yara.pe.rwx_process_injection": (
        build_pe(sections=[Section(".text", b"\x90" * 64, RWX)], imports=INJECTION).data,
        [build_pe(sections=[Section(".text", b"\x90" * 64, CODE)], imports=INJECTION).data,  # not RWX
         build_pe(sections=[Section(".text", b"\x90" * 64, RWX)],
                  imports={"KERNEL32.dll": ["VirtualAllocEx", "WriteProcessMemory"]}).data],  # no thread start
    ),
    "yara.pe.dotnet_loader": (
        build_pe(dotnet_assembly="Updater", dotnet_strings=LOADER_NAMES).data,
        [build_pe(dotnet_assembly="Updater", dotnet_strings=["Main", "VirtualAlloc", "CreateThread"]).data,
         build_pe(imports={"kernel32.dll": ["VirtualAlloc"]},
                  sections=[Section(".text", b"ShellcodeRunner\x00CreateThread\x00FromBase64String", CODE)]).data],
    ),
}


def pe_pack_files() -> list[Path]:
    return sorted(builtin_signature_dir().glob("pe_*.yar"))


@pytest.fixture(scope="module")
def rules() -> yara.Rules:
    return yara.compile(filepaths={p.stem: str(p) for p in pe_pack_files()})


def matched(rules: yara.Rules, data: bytes) -> set[str]:
    return {str(m.meta["id"]) for m in rules.match(data=data, timeout=10)}


def test_every_rule_declares_its_metadata_and_has_samples(rules: yara.Rules) -> None:
    ids = set()
    for rule in rules:
        assert all(key in rule.meta for key in REQUIRED_META), rule.identifier
        assert rule.meta["author"] == "payload-inspector"
        assert str(rule.meta["id"]).startswith("yara.pe.")
        assert all(part.strip().startswith("T") for part in str(rule.meta["attack"]).split(","))
        ids.add(str(rule.meta["id"]))
    assert ids == set(SAMPLES)


@pytest.mark.parametrize("rule_id", sorted(SAMPLES))
def test_the_positive_sample_matches_exactly_its_rule(rules: yara.Rules, rule_id: str) -> None:
    positive, _ = SAMPLES[rule_id]
    assert matched(rules, positive) == {rule_id}


@pytest.mark.parametrize("rule_id", sorted(SAMPLES))
def test_negative_samples_do_not_match(rules: yara.Rules, rule_id: str) -> None:
    _, negatives = SAMPLES[rule_id]
    for negative in negatives:
        assert rule_id not in matched(rules, negative)


def test_scripts_and_a_plain_pe_match_nothing(rules: yara.Rules) -> None:
    assert matched(rules, build_pe(imports={"kernel32.dll": ["ExitProcess"]}).data) == set()
    assert matched(rules, b"UPX0 UPX1 UPX! VirtualAllocEx WriteProcessMemory CreateRemoteThread") == set()
