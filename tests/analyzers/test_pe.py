"""PE analysis: exact facts for images built in code and for real launchers shipped with
setuptools/pip, one test per finding, and hostile inputs that must neither crash nor hang."""

from __future__ import annotations

import hashlib
import struct
import time
from pathlib import Path

import pefile
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.analyzers.binary_common import BinaryLimits
from inspector.analyzers.pe import PACKER_SECTIONS, PeAnalyzer
from inspector.model import ArtifactType
from tests.binaries.payloads import context, payload
from tests.binaries.pe_builder import (
    CODE,
    DATA,
    RDATA,
    RT_RCDATA,
    RWX,
    SUBSYSTEM_GUI,
    UNINIT_RWX,
    Resource,
    Section,
    authenticode_blob,
    build_pe,
)
from tests.timing import finishes_within_cpu

ANALYZER = PeAnalyzer()
NOISE = b"".join(hashlib.sha256(i.to_bytes(4, "little")).digest() for i in range(2048))  # 64 KiB, entropy ~8


def analyze(data: bytes, *, url: str | None = None, analyzer: PeAnalyzer = ANALYZER, **ctx: float):
    return analyzer.analyze(payload(data, ArtifactType.PE, url=url), context(**ctx))


def ids(out) -> set[str]:
    return {f.id for f in out.findings}


# --- facts of images built in code ---------------------------------------------------------------

def test_a_fully_featured_image_yields_exact_facts() -> None:
    inner = build_pe(machine="I386").data
    built = build_pe(
        machine="AMD64", dll=True, subsystem=SUBSYSTEM_GUI, timestamp=1_600_000_000,
        sections=[Section(".text", b"\x90" * 300, CODE), Section(".data", b"\x01\x02" * 256, DATA)],
        imports={"KERNEL32.dll": ["ExitProcess", "GetProcAddress"], "WS2_32.dll": ["ord23"]},
        exports=["Start", "Install"], resources=[Resource(RT_RCDATA, 7, inner)],
        version_info={"CompanyName": "Contoso Ltd", "OriginalFilename": "agent.dll", "FileDescription": "Agent"},
        rich=[(0x00930000 | 30729, 5), (0x010E0000 | 27412, 2)],
        overlay=b"\x00" * 512, signature=authenticode_blob(valid=True),
    )
    out = analyze(built.data, url="https://example.invalid/dl/agent.dll")
    facts = out.facts.pe

    assert (facts.machine, facts.subsystem, facts.is_dll, facts.is_dotnet) == ("AMD64", "WINDOWS_GUI", True, False)
    assert (facts.timestamp, facts.timestamp_iso) == (1_600_000_000, "2020-09-13T12:26:40Z")
    reference = pefile.PE(data=built.data)  # independent reading of the sizes the builder chose
    auto_sizes = [s.Misc_VirtualSize for s in reference.sections[2:]]
    assert [(s.name, s.virtual_address, s.virtual_size, s.raw_size, s.writable, s.executable) for s in facts.sections] == [
        (".text", 0x1000, 300, 0x200, False, True),
        (".data", 0x2000, 512, 0x200, True, False),
        (".idata", 0x3000, auto_sizes[0], 0x200, True, False),
        (".edata", 0x4000, auto_sizes[1], 0x200, False, False),
        (".rsrc", 0x5000, auto_sizes[2], 0x600, False, False),
    ]
    assert facts.sections[1].entropy == 1.0
    # pefile names well-known ordinals (ws2_32 #23 is socket), as the imphash algorithm does.
    assert facts.imports == {"KERNEL32.dll": ["ExitProcess", "GetProcAddress"], "WS2_32.dll": ["socket"]}
    assert facts.imphash == pefile.PE(data=built.data).get_imphash()
    assert facts.exports == ["Install", "Start"]
    assert facts.version_info == {"CompanyName": "Contoso Ltd", "OriginalFilename": "agent.dll",
                                  "FileDescription": "Agent"}
    assert facts.rich_header_hash == pefile.PE(data=built.data).get_rich_header_hash()
    assert (facts.overlay_size, facts.overlay_entropy) == (512, 0.0)
    assert (facts.signed, facts.signature_parses) == (True, True)
    assert facts.packers == [] and facts.risky_api_groups == []
    # The embedded image is a child; nothing else about this file is suspicious.
    assert ids(out) == {"pe.resource.embedded_pe"}
    assert [c.data for c in out.children] == [inner]


def test_a_dotnet_assembly_reports_its_assembly_name() -> None:
    out = analyze(build_pe(dotnet_assembly="Sharp.Loader", dotnet_module="Sharp.Loader.exe").data)
    assert out.facts.pe.is_dotnet is True
    assert out.facts.pe.dotnet_assembly == "Sharp.Loader"


def test_a_dotnet_module_without_assembly_row_falls_back_to_the_module_name() -> None:
    out = analyze(build_pe(dotnet_module="netmodule1.netmodule").data)
    assert out.facts.pe.dotnet_assembly == "netmodule1.netmodule"


def test_a_32_bit_console_exe_has_its_machine_and_subsystem() -> None:
    facts = analyze(build_pe(machine="I386").data).facts.pe
    assert (facts.machine, facts.subsystem, facts.is_dll, facts.signed) == ("I386", "WINDOWS_CUI", False, False)
    assert facts.signature_parses is None and facts.rich_header_hash is None


# --- real PE files no one here wrote ---------------------------------------------------------------

def _launchers() -> list[Path]:
    roots: list[Path] = []
    try:
        import setuptools

        roots.append(Path(setuptools.__file__).parent)
    except ImportError:
        pass
    try:
        from pip._vendor import distlib

        roots.append(Path(distlib.__file__).parent)
    except ImportError:
        pass
    return sorted(p for root in roots for p in root.glob("*.exe"))


# Facts that hold for every published build of these launchers, by file name.
EXPECTED_MACHINE = {"cli-32.exe": "I386", "gui-32.exe": "I386", "cli.exe": "I386", "gui.exe": "I386",
                    "t32.exe": "I386", "w32.exe": "I386", "cli-64.exe": "AMD64", "gui-64.exe": "AMD64",
                    "t64.exe": "AMD64", "w64.exe": "AMD64", "cli-arm64.exe": "ARM64", "gui-arm64.exe": "ARM64",
                    "t64-arm.exe": "ARM64", "w64-arm.exe": "ARM64"}
# Exact facts of the setuptools launchers as published since 2013 (setuptools 65 ships them).
KNOWN_BUILDS = {
    "28b001bb9a72ae7a": ("cli-64.exe", 1368109328, "e694a8a11a715c6300d85bced2e15faa",
                         [".text", ".rdata", ".data", ".pdata"], "388de45b12b0013f8190a5e7588a442c"),
    "75f12ea2f30d9c0d": ("cli-32.exe", 1368109304, "0f049ce24e217892c1b7f2d56270827d",
                         [".text", ".rdata", ".data"], "1ca3980f67d84493bd8f6d647e8d3335"),
}


def test_real_launcher_executables_are_read_exactly_and_raise_nothing() -> None:
    launchers = _launchers()
    if not launchers:
        pytest.skip("neither setuptools nor pip ships Windows launcher executables in this environment")
    for path in launchers:
        data = path.read_bytes()
        out = analyze(data)
        facts = out.facts.pe
        assert facts.machine == EXPECTED_MACHINE.get(path.name, facts.machine), path.name
        assert facts.subsystem == ("WINDOWS_GUI" if path.name.startswith(("gui", "w")) else "WINDOWS_CUI"), path.name
        assert (facts.is_dll, facts.is_dotnet, facts.signed) == (False, False, False), path.name
        assert facts.sections[0].name == ".text" and facts.sections[0].executable, path.name
        assert "KERNEL32.DLL" in [dll.upper() for dll in facts.imports], path.name
        assert facts.packers == [] and facts.parse_warnings == [], path.name
        assert out.findings == [] and out.children == [], path.name
        known = KNOWN_BUILDS.get(hashlib.sha256(data).hexdigest()[:16])
        if known:
            name, stamp, imphash, sections, rich = known
            # setuptools ships cli.exe as a copy of cli-32.exe, so names are compared by family.
            assert path.name in (name, name.replace("-32", ""))
            assert (facts.timestamp, facts.imphash, facts.rich_header_hash) == (stamp, imphash, rich)
            assert [s.name for s in facts.sections] == sections
    assert len(launchers) >= 2


def test_a_real_launcher_whose_version_resource_names_another_file_is_a_name_mismatch() -> None:
    # distlib's ARM64 launcher was built from the w32 project and kept its version resource.
    path = next((p for p in _launchers() if p.name == "t64-arm.exe"), None)
    if path is None:
        pytest.skip("pip's vendored distlib does not ship t64-arm.exe in this environment")
    out = analyze(path.read_bytes(), url="https://example.invalid/tools/t64-arm.exe")
    assert out.facts.pe.version_info.get("OriginalFilename") == "w32.exe"
    assert ids(out) == {"pe.name_mismatch"}


# --- one test per finding -------------------------------------------------------------------------

@pytest.mark.parametrize(("stamp", "finding"), [
    (0, "pe.timestamp.zero"),
    (708992537, "pe.timestamp.before_2000"),  # 1992-06-19, the Delphi default
    (int(time.time()) + 400 * 86400, "pe.timestamp.future"),
])
def test_timestamp_anomalies(stamp: int, finding: str) -> None:
    assert ids(analyze(build_pe(timestamp=stamp).data)) == {finding}


def test_an_ordinary_timestamp_is_not_a_finding() -> None:
    assert ids(analyze(build_pe(timestamp=1_700_000_000).data)) == set()


def test_rwx_section() -> None:
    out = analyze(build_pe(sections=[Section(".text", b"\x90" * 64, RWX)]).data)
    assert ids(out) == {"pe.section.rwx"}
    assert out.findings[0].attack == ["T1027.002"]


def test_upx_layout_reports_packer_rwx_and_size_mismatch() -> None:
    sections = [Section("UPX0", b"", UNINIT_RWX, virtual_size=0x40000, raw_size=0),
                Section("UPX1", NOISE[:8192], RWX), Section(".rsrc", b"\x00" * 64, RDATA)]
    out = analyze(build_pe(sections=sections, imports={"KERNEL32.DLL": ["LoadLibraryA", "GetProcAddress"]}).data)
    assert out.facts.pe.packers == ["UPX"]
    assert ids(out) == {"pe.packer.upx", "pe.section.rwx", "pe.section.size_mismatch", "pe.packed_layout"}


@pytest.mark.parametrize("section_name", sorted(n for n in PACKER_SECTIONS if not n.upper().startswith(("UPX", ".UPX"))))
def test_every_known_packer_section_name_is_recognised(section_name: str) -> None:
    out = analyze(build_pe(sections=[Section(section_name, b"\x90" * 32, CODE)]).data)
    assert out.facts.pe.packers == [PACKER_SECTIONS[section_name]]
    assert any(f.id.startswith("pe.packer.") and f.attack == ["T1027.002"] for f in out.findings)


def test_upx_marker_is_found_even_when_sections_are_renamed() -> None:
    built = build_pe(sections=[Section(".text", b"UPX!" + b"\x90" * 60, CODE)])
    data = bytearray(built.data)
    marker_at = data.find(b"UPX!")
    assert marker_at < 0x1000
    assert analyze(bytes(data)).facts.pe.packers == ["UPX"]


def test_high_entropy_code_with_few_imports_looks_packed() -> None:
    out = analyze(build_pe(sections=[Section(".text", NOISE[:16384], CODE)], imports={"KERNEL32.dll": ["LoadLibraryA"]}).data)
    assert "pe.packed_layout" in ids(out)


def test_high_entropy_code_with_many_imports_is_not_called_packed() -> None:
    many = {"KERNEL32.dll": [f"Function{i}" for i in range(40)]}
    assert "pe.packed_layout" not in ids(analyze(build_pe(sections=[Section(".text", NOISE[:16384], CODE)], imports=many).data))


@pytest.mark.parametrize(("imports", "group"), [
    (["VirtualAllocEx", "WriteProcessMemory", "CreateRemoteThread"], "process_injection"),
    (["NtUnmapViewOfSection", "SetThreadContext"], "process_injection"),
    (["WriteProcessMemory", "QueueUserAPC"], "process_injection"),
    (["MiniDumpWriteDump"], "credential_access"),
    (["CredEnumerateW"], "credential_access"),
    (["LsaEnumerateLogonSessions"], "credential_access"),
    (["SetWindowsHookExA", "GetAsyncKeyState"], "keylogging"),
    (["OpenSCManagerW", "CreateServiceW"], "service_creation"),
    (["IsDebuggerPresent", "CheckRemoteDebuggerPresent"], "anti_debugging"),
    (["URLDownloadToFileA", "WinExec"], "download_execute"),
    (["InternetOpenUrlW", "ShellExecuteExW"], "download_execute"),
])
def test_risky_api_groups(imports: list[str], group: str) -> None:
    out = analyze(build_pe(imports={"kernel32.dll": imports}).data)
    assert out.facts.pe.risky_api_groups == [group]
    assert ids(out) == {f"pe.imports.{group}"}


@pytest.mark.parametrize("imports", [
    ["IsDebuggerPresent", "GetTickCount"],  # every MSVC runtime imports IsDebuggerPresent
    ["CreateServiceW"],  # no service manager handle, no service
    ["URLDownloadToFileA"],  # downloads without running anything
    ["WriteProcessMemory"],  # one injection primitive alone (debuggers, patchers)
    ["GetAsyncKeyState"],  # games poll keys
])
def test_single_common_apis_are_not_risky_groups(imports: list[str]) -> None:
    assert analyze(build_pe(imports={"kernel32.dll": imports}).data).facts.pe.risky_api_groups == []


def test_a_pe_in_a_resource_becomes_a_child_artifact() -> None:
    inner = build_pe(imports={"kernel32.dll": ["VirtualAllocEx", "WriteProcessMemory", "CreateRemoteThread"]}).data
    out = analyze(build_pe(resources=[Resource(RT_RCDATA, 101, inner)]).data)
    [child] = out.children
    assert child.data == inner and child.type_hint == ArtifactType.PE
    assert child.origin == "pe-resource:RCDATA/101/1033"
    assert child.layer.technique == "pe-resource" and child.layer.span.length == len(inner)
    assert ids(out) == {"pe.resource.embedded_pe"}


def test_a_high_entropy_resource_is_a_finding() -> None:
    out = analyze(build_pe(resources=[Resource(RT_RCDATA, 5, NOISE[:8192])]).data)
    assert ids(out) == {"pe.resource.high_entropy"}
    assert out.children == []


def test_a_pe_appended_as_overlay_becomes_a_child() -> None:
    inner = build_pe(machine="I386").data
    built = build_pe(overlay=b"CFG1" * 8 + inner)
    out = analyze(built.data)
    assert out.facts.pe.overlay_size == 32 + len(inner)
    [child] = out.children
    assert child.data == inner and child.layer.technique == "pe-overlay"
    assert child.layer.span.offset == built.layout.overlay_offset + 32
    assert ids(out) == {"pe.overlay.embedded_pe"}


def test_a_high_entropy_overlay_is_a_finding_and_the_signature_is_not_counted_as_overlay() -> None:
    built = build_pe(overlay=NOISE[:20000], signature=authenticode_blob(valid=True))
    out = analyze(built.data)
    assert out.facts.pe.overlay_size == 20000
    assert out.facts.pe.overlay_entropy > 7.9
    assert ids(out) == {"pe.overlay.high_entropy"}


def test_a_security_directory_that_is_not_pkcs7_is_a_broken_signature() -> None:
    out = analyze(build_pe(signature=authenticode_blob(valid=False)).data)
    assert (out.facts.pe.signed, out.facts.pe.signature_parses) == (True, False)
    assert ids(out) == {"pe.signature.malformed"}


def test_a_security_directory_past_the_end_of_file_does_not_parse() -> None:
    built = build_pe(signature=authenticode_blob(valid=True))
    data = bytearray(built.data)
    struct.pack_into("<II", data, built.layout.data_directories + 32, len(data) - 8, 4096)
    assert analyze(bytes(data)).facts.pe.signature_parses is False


@pytest.mark.parametrize(("url", "expected"), [
    ("https://cdn.example.invalid/files/update.txt", {"pe.name_mismatch"}),
    ("https://cdn.example.invalid/files/SVCHOST.EXE?sv=2022&sig=abc", set()),
    ("https://cdn.example.invalid/files/svchost", set()),  # no extension still names the same program
    (None, set()),
])
def test_original_file_name_against_the_delivered_name(url: str | None, expected: set[str]) -> None:
    out = analyze(build_pe(version_info={"OriginalFilename": "svchost.exe"}).data, url=url)
    assert ids(out) == expected
    if expected:
        assert out.findings[0].snippet == "OriginalFilename=svchost.exe, delivered as update.txt"
        assert out.findings[0].attack == ["T1036.003"]


# --- limits ---------------------------------------------------------------------------------------

def test_import_recording_stops_at_the_limit() -> None:
    analyzer = PeAnalyzer(BinaryLimits(max_imports=3))
    out = analyze(build_pe(imports={"kernel32.dll": [f"F{i}" for i in range(10)]}).data, analyzer=analyzer)
    assert out.facts.pe.imports == {"kernel32.dll": ["F0", "F1", "F2"]}
    assert "more than 3 imports, the rest not recorded" in out.facts.pe.parse_warnings


def test_children_beyond_the_limit_are_reported_not_extracted() -> None:
    inner = build_pe().data
    analyzer = PeAnalyzer(BinaryLimits(max_children=0))
    out = analyze(build_pe(resources=[Resource(RT_RCDATA, 1, inner)]).data, analyzer=analyzer)
    assert out.children == [] and ids(out) == {"pe.resource.embedded_pe"}
    assert [kind for kind, _ in out.errors] == ["limit_children"]


def test_resource_walk_stops_at_the_limit() -> None:
    resources = [Resource(RT_RCDATA, i, NOISE[:4096]) for i in range(1, 9)]
    out = analyze(build_pe(resources=resources).data, analyzer=PeAnalyzer(BinaryLimits(max_resources=3)))
    assert out.findings[0].count == 3
    assert "more than 3 resources, the rest skipped" in out.facts.pe.parse_warnings


def test_an_expired_deadline_stops_the_analysis_with_an_error() -> None:
    out = analyze(build_pe(imports={"kernel32.dll": ["ExitProcess"]}).data, deadline_s=0.0)
    assert out.facts.pe.machine == "AMD64" and out.facts.pe.imports == {}
    assert [kind for kind, _ in out.errors] == ["limit_deadline"]


# --- hostile input --------------------------------------------------------------------------------

RICH_SAMPLE = build_pe(
    sections=[Section(".text", b"\x90" * 512, CODE), Section(".data", b"\x00" * 64, DATA)],
    imports={"KERNEL32.dll": ["ExitProcess", "VirtualAllocEx"], "USER32.dll": ["MessageBoxW"]},
    exports=["Run"], resources=[Resource(RT_RCDATA, 1, build_pe().data)],
    version_info={"OriginalFilename": "x.exe"}, dotnet_assembly="A", rich=[(0x00930000, 3)],
    overlay=b"\x01" * 64, signature=authenticode_blob(),
)


def test_truncation_at_any_header_length_never_raises() -> None:
    data = RICH_SAMPLE.data
    for length in [*range(0, 0x400, 3), *range(0x400, len(data), 97)]:
        out = analyze(data[:length])
        assert out.facts is not None and out.facts.pe is not None


def test_malformed_headers_give_a_finding_instead_of_an_exception() -> None:
    out = analyze(b"MZ" + b"\x00" * 58 + struct.pack("<I", 0x10000))  # e_lfanew far past the end
    assert ids(out) == {"pe.malformed"}
    assert out.facts.pe.machine == "unknown" and out.facts.pe.parse_warnings


def test_a_section_table_pointing_past_the_end_is_survived() -> None:
    data = bytearray(RICH_SAMPLE.data)
    struct.pack_into("<II", data, RICH_SAMPLE.layout.section_table + 16, 0x7FFFFFF0, 0x7FFFFFF0)  # size, pointer
    out = analyze(bytes(data))
    assert out.facts.pe.machine == "AMD64"
    assert out.facts.pe.sections == []  # pefile gives up on a table this broken; we report why
    assert any("points beyond the end of the file" in w for w in out.facts.pe.parse_warnings)


def test_a_huge_section_count_is_bounded() -> None:
    data = bytearray(RICH_SAMPLE.data)
    struct.pack_into("<H", data, RICH_SAMPLE.layout.coff_header + 2, 0xFFFF)
    with finishes_within_cpu():
        out = analyze(bytes(data))
    assert len(out.facts.pe.sections) <= ANALYZER.limits.max_sections


def test_a_loop_in_the_resource_directory_terminates() -> None:
    built = build_pe(resources=[Resource(RT_RCDATA, 1, b"a" * 64), Resource(RT_RCDATA, 2, b"b" * 64)],
                     resource_loop=True)
    with finishes_within_cpu():
        out = analyze(built.data)
    assert out.facts.pe.machine == "AMD64"


def test_a_resource_directory_claiming_millions_of_entries_is_bounded() -> None:
    built = build_pe(resources=[Resource(RT_RCDATA, 1, b"a" * 64)])
    data = bytearray(built.data)
    rsrc_offset = built.layout.sections[".rsrc"][0]
    struct.pack_into("<HH", data, rsrc_offset + 12, 0xFFFF, 0xFFFF)  # named + id entry counts
    with finishes_within_cpu():
        out = analyze(bytes(data))
    assert out.children == []


def test_a_resource_pointing_outside_the_image_is_skipped_and_the_others_still_read() -> None:
    inner = build_pe().data
    built = build_pe(resources=[Resource(RT_RCDATA, 1, b"a" * 64), Resource(RT_RCDATA, 2, inner)])
    data = bytearray(built.data)
    rsrc_offset = built.layout.sections[".rsrc"][0]
    struct.pack_into("<I", data, rsrc_offset + built.layout.resource_data_entries[0], 0x7FFF0000)  # OffsetToData
    out = analyze(bytes(data))
    assert "resource RCDATA/1/1033 points outside the image" in out.facts.pe.parse_warnings
    assert [c.data for c in out.children] == [inner]


def test_an_import_directory_past_the_end_is_a_warning() -> None:
    built = build_pe(imports={"kernel32.dll": ["ExitProcess"]})
    data = bytearray(built.data)
    struct.pack_into("<I", data, built.layout.data_directories + 8, 0x7FFF0000)
    out = analyze(bytes(data))
    assert out.facts.pe.imports == {}


@settings(max_examples=200, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=len(RICH_SAMPLE.data) - 1),
                          st.integers(min_value=0, max_value=255)), min_size=1, max_size=24),
       st.integers(min_value=0x40, max_value=len(RICH_SAMPLE.data)))
def test_mutated_pe_bytes_never_crash_or_hang(mutations: list[tuple[int, int]], length: int) -> None:
    data = bytearray(RICH_SAMPLE.data)
    for position, value in mutations:
        data[position] = value
    with finishes_within_cpu():
        out = analyze(bytes(data[:length]))
    assert out.facts is not None and out.facts.pe is not None
    assert len(out.children) <= ANALYZER.limits.max_children


def test_mutations_concentrated_in_the_headers_never_crash() -> None:
    # Deterministic complement to the property test: every header byte flipped to 0xFF
    # (counts, sizes and RVAs become huge, the cases that used to loop or allocate).
    header_end = RICH_SAMPLE.layout.section_table + 40 * 7
    for position in range(header_end):
        data = bytearray(RICH_SAMPLE.data)
        data[position] = 0xFF
        assert analyze(bytes(data)).facts.pe is not None



def test_a_windows_miner_is_recognised_by_its_strings() -> None:
    rdata = b"\x00".join([b"XMRig 6.21.0", b"stratum+ssl://gulf.moneroocean.stream:20128", b"--donate-level=1"])
    out = analyze(build_pe(sections=[Section(".text", b"\x90" * 64, CODE), Section(".rdata", rdata, RDATA)]).data)
    assert ids(out) == {"pe.miner_strings"}
    assert out.findings[0].count == 4 and out.findings[0].attack == ["T1496"]


def test_export_parsing_stops_at_the_limit() -> None:
    out = analyze(build_pe(dll=True, exports=[f"Fn{i:03}" for i in range(50)]).data,
                  analyzer=PeAnalyzer(BinaryLimits(max_exports=10)))
    assert out.facts.pe.exports == [f"Fn{i:03}" for i in range(10)]
