"""ELF analysis: typed facts about a Linux executable and findings for miners, shells and packing.

Entry point: `ElfAnalyzer.analyze`. pyelftools reads the headers lazily from a BytesIO; we
touch only the ELF header, the program headers and the section headers, and only when their
counts are within bounds, so a crafted e_phnum/e_shnum (or the extended counts in section 0)
cannot make us walk millions of entries. Every pyelftools exception becomes a parse warning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import io

from elftools.elf.elffile import ELFFile

from inspector.stage import Analyzer, AnalyzerOutput, Heuristic, Payload, ScanContext
from inspector.analyzers.binary_common import BinaryLimits, entropy, notable_strings
from inspector.model import Artifact, ArtifactFacts, ArtifactType, DetectionSource, ElfFacts, ErrorKind

_SRC = DetectionSource.ELF
# Real binaries have a few dozen program headers and at most a few thousand sections.
MAX_PROGRAM_HEADERS = 256
MAX_SECTION_HEADERS = 4096
_MAX_INTERPRETER = 256
_UPX_PROBE_BYTES = 4096

H_MALFORMED = Heuristic("elf.malformed", "Malformed ELF headers",
                        "The file starts like an ELF image but its headers do not parse; crafted headers "
                        "defeat analysis tools while the kernel still loads the file.", 100, ("T1027",), source=_SRC)
H_UPX = Heuristic("elf.packer.upx", "ELF packed with UPX",
                  "The UPX! marker or UPX section names: the program is compressed and only unpacked in memory, "
                  "the usual wrapping of Linux miners and bots.", 250, ("T1027.002",), source=_SRC)
H_MINER = Heuristic("elf.miner_strings", "Cryptocurrency miner strings",
                    "Mining pool addresses (stratum URLs, pool domains), miner options or wallet addresses in the "
                    "binary: cryptojacking.", 500, ("T1496",), source=_SRC)
H_REVERSE_SHELL = Heuristic("elf.reverse_shell", "Reverse shell strings",
                            "The binary carries a /dev/tcp or netcat -e reverse shell command.", 300, ("T1059.004",),
                            source=_SRC)
H_PRELOAD = Heuristic("elf.preload_hijack", "Writes the dynamic linker preload list",
                      "The binary names /etc/ld.so.preload, the file userland rootkits use to inject into every "
                      "process.", 300, ("T1574.006",), source=_SRC)

_STRING_HEURISTICS = {"reverse_shell": H_REVERSE_SHELL, "preload_hijack": H_PRELOAD}

# Every detection this module declares, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = (H_MALFORMED, H_UPX, H_MINER, H_REVERSE_SHELL, H_PRELOAD)


class ElfAnalyzer:
    """Facts and findings for ELF images (executables, shared objects, core and relocatable files)."""

    name = "elf"
    version = "1"

    def __init__(self, limits: BinaryLimits | None = None) -> None:
        self.limits = limits or BinaryLimits()

    def accepts(self, artifact: Artifact) -> bool:
        return artifact.type == ArtifactType.ELF

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        out = AnalyzerOutput()
        warnings: list[str] = []
        try:
            elf = ELFFile(io.BytesIO(payload.data))
            header = elf.header
            facts = ElfFacts(
                architecture=str(elf.get_machine_arch()),
                bits=int(elf.elfclass),
                endianness="little" if elf.little_endian else "big",
                elf_type=str(header["e_type"]).removeprefix("ET_"),
                static=True,
                stripped=True,
            )
        except Exception as exc:  # noqa: BLE001 - ELFError, struct errors and worse on crafted headers
            detail = str(exc)[:200]
            out.findings.append(H_MALFORMED.finding(payload, offset=0, snippet=detail))
            out.facts = ArtifactFacts(elf=ElfFacts(architecture="unknown", bits=0, endianness="unknown",
                                                   elf_type="unknown", static=False, stripped=True,
                                                   parse_warnings=[detail]))
            return out

        section_names = self._section_names(elf, warnings)
        facts.stripped = ".symtab" not in section_names
        facts.interpreter, has_dynamic = self._program_headers(elf, payload.data, warnings)
        facts.static = facts.interpreter is None and not has_dynamic

        data = payload.data
        if (b"UPX!" in data[:_UPX_PROBE_BYTES] or b"UPX!" in data[-_UPX_PROBE_BYTES:]
                or any(name.upper().startswith(("UPX", ".UPX")) for name in section_names)):
            facts.packers.append("UPX")
            out.findings.append(H_UPX.finding(payload, snippet="UPX! marker"))

        if ctx.expired():
            warnings.append("string scan skipped: scan deadline reached")
            out.errors.append((ErrorKind.LIMIT_DEADLINE, "ELF string scan skipped"))
        else:
            self._strings(payload, ctx, facts, out)
        facts.parse_warnings = warnings[:50]
        out.facts = ArtifactFacts(elf=facts, entropy=entropy(data, self.limits.entropy_sample_bytes))
        return out

    def _section_names(self, elf: ELFFile, warnings: list[str]) -> set[str]:
        names: set[str] = set()
        try:
            count = elf.num_sections()
            if count > MAX_SECTION_HEADERS:
                warnings.append(f"{count} section headers, more than {MAX_SECTION_HEADERS}: not read")
                return names
            for index in range(count):
                names.add(elf.get_section(index).name[:64])
        except Exception as exc:  # noqa: BLE001 - any pyelftools failure is a parse warning
            warnings.append(f"section headers: {str(exc)[:200]}")
        return names

    def _program_headers(self, elf: ELFFile, data: bytes, warnings: list[str]) -> tuple[str | None, bool]:
        interpreter = None
        has_dynamic = False
        try:
            count = elf.num_segments()
            if count > MAX_PROGRAM_HEADERS:
                warnings.append(f"{count} program headers, more than {MAX_PROGRAM_HEADERS}: not read")
                return None, False
            for index in range(count):
                segment = elf.get_segment(index)
                kind = segment["p_type"]
                if kind == "PT_INTERP":
                    start = segment["p_offset"]
                    raw = data[start : start + min(segment["p_filesz"], _MAX_INTERPRETER)]
                    text = raw.split(b"\x00", 1)[0].decode("utf-8", "replace")
                    interpreter = "".join(ch for ch in text if ch.isprintable()) or None
                elif kind == "PT_DYNAMIC":
                    has_dynamic = True
        except Exception as exc:  # noqa: BLE001 - any pyelftools failure is a parse warning
            warnings.append(f"program headers: {str(exc)[:200]}")
        return interpreter, has_dynamic

    def _strings(self, payload: Payload, ctx: ScanContext, facts: ElfFacts, out: AnalyzerOutput) -> None:
        found = notable_strings(payload.data, max_bytes=self.limits.max_string_scan_bytes,
                                max_strings=self.limits.max_notable_strings, timeout=ctx.regex_timeout())
        for values in found.values():
            for value in values:
                if value not in facts.notable_strings and len(facts.notable_strings) < self.limits.max_notable_strings:
                    facts.notable_strings.append(value)
        mining = found.get("miner", []) + found.get("wallet", [])
        if mining:
            out.findings.append(H_MINER.finding(payload, snippet=", ".join(mining[:4]), count=len(mining)))
        for category, heuristic in _STRING_HEURISTICS.items():
            if category in found:
                out.findings.append(heuristic.finding(payload, snippet=", ".join(found[category][:4])))


if TYPE_CHECKING:
    from inspector.config import Settings

# Found by name by inspector/analyzers/__init__.py; analyzers run in RUN_ORDER, then name order.
RUN_ORDER = 30


def analyzers_for(settings: Settings | None) -> tuple[Analyzer, ...]:
    """This module's analyzers, limits from Settings (defaults without)."""
    return (ElfAnalyzer(BinaryLimits.from_settings(settings) if settings is not None else BinaryLimits()),)
