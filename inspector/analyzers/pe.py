"""PE analysis: typed facts about a Windows executable and findings for what looks hostile.

Entry point: `PeAnalyzer.analyze`. pefile does the header parsing, on hostile input and
with care: `fast_load=True` parses only the headers, then each directory we need is parsed
on its own, with a deadline check between them. pefile's own internal caps (resource entries,
depth and loops, import symbols, export count) bound what it builds; our limits (BinaryLimits,
from Settings) bound what we record and emit. pefile's module-level MAX_* values are never
changed: they are process-wide state and the worker pool runs scans concurrently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import hashlib
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pefile

from inspector.stage import Analyzer, AnalyzerOutput, Child, Heuristic, Payload, ScanContext
from inspector.analyzers.binary_common import (
    BinaryLimits,
    claimed_file_name,
    entropy,
    is_pe_at,
    notable_strings,
)
from inspector.analyzers.pe_dotnet import read_names
from inspector.model import (
    Artifact,
    ArtifactFacts,
    ArtifactType,
    DetectionSource,
    ErrorKind,
    Layer,
    Location,
    PeFacts,
    PeSection,
)
from inspector.redact import redact_head

_SRC = DetectionSource.PE
_PACKING = ("T1027.002",)

H_MALFORMED = Heuristic("pe.malformed", "Malformed PE headers",
                        "The file starts like a PE image but its headers do not parse; loaders and analysers "
                        "disagree on such files, which is why malware builds them.", 100, ("T1027",), source=_SRC)
H_TIMESTAMP_FUTURE = Heuristic("pe.timestamp.future", "PE compile time in the future",
                               "The COFF timestamp is later than now: forged, or a reproducible-build hash.",
                               50, ("T1070.006",), source=_SRC)
H_TIMESTAMP_ZERO = Heuristic("pe.timestamp.zero", "PE compile time is zero",
                             "The COFF timestamp was wiped, common in tampered and some packed binaries.",
                             30, ("T1070.006",), source=_SRC)
H_TIMESTAMP_OLD = Heuristic("pe.timestamp.before_2000", "PE compile time before 2000",
                            "The COFF timestamp predates 2000: forged (timestomped) or a Delphi default.",
                            30, ("T1070.006",), source=_SRC)
H_RWX = Heuristic("pe.section.rwx", "Writable and executable PE section",
                  "A section is mapped read-write-execute, the layout of self-modifying and unpacking code.",
                  150, _PACKING, source=_SRC)
H_SIZE_MISMATCH = Heuristic("pe.section.size_mismatch", "PE section much larger in memory than on disk",
                            "An executable section occupies far more memory than file bytes: space an unpacking "
                            "stub fills at run time.", 80, _PACKING, source=_SRC)
H_PACKED_LAYOUT = Heuristic("pe.packed_layout", "Packed-looking PE",
                            "High-entropy executable code with almost no imports: the real program is compressed "
                            "or encrypted and resolved at run time.", 250, _PACKING, source=_SRC)
H_OVERLAY_ENTROPY = Heuristic("pe.overlay.high_entropy", "High-entropy data appended to the PE",
                              "Bytes after the last section are compressed or encrypted: a common place to carry "
                              "a second-stage payload.", 100, ("T1027",), source=_SRC)
H_OVERLAY_PE = Heuristic("pe.overlay.embedded_pe", "PE image appended to a PE",
                         "The overlay holds another executable: a dropper carrying its payload.", 300,
                         ("T1027.009",), source=_SRC)
H_RESOURCE_PE = Heuristic("pe.resource.embedded_pe", "PE image inside a resource",
                          "A resource holds another executable: a dropper carrying its payload.", 300,
                          ("T1027.009",), source=_SRC)
H_RESOURCE_ENTROPY = Heuristic("pe.resource.high_entropy", "High-entropy resource",
                               "A large resource is compressed or encrypted: a common way to carry an encrypted "
                               "payload.", 100, ("T1027",), source=_SRC, cap=200)
H_SIGNATURE_BROKEN = Heuristic("pe.signature.malformed", "Authenticode signature does not parse",
                               "The security directory is present but is not a PKCS#7 SignedData blob: a forged "
                               "or grafted signature.", 150, ("T1553.002",), source=_SRC)
H_MINER = Heuristic("pe.miner_strings", "Cryptocurrency miner strings",
                    "Mining pool addresses (stratum URLs, pool domains), miner options or wallet addresses in the "
                    "executable: cryptojacking (XMRig and its many rebrands).", 500, ("T1496",), source=_SRC)
H_NAME_MISMATCH = Heuristic("pe.name_mismatch", "PE original file name differs from its delivered name",
                            "The version resource's OriginalFilename does not match the name the file was "
                            "delivered under: a renamed tool (masquerading).", 150, ("T1036.003",), source=_SRC)

# Section names that packers and protectors leave behind, mapped to the packer's name.
PACKER_SECTIONS: dict[str, str] = {
    "UPX0": "UPX", "UPX1": "UPX", "UPX2": "UPX", "UPX!": "UPX", ".UPX0": "UPX", ".UPX1": "UPX",
    ".aspack": "ASPack", ".adata": "ASPack", "ASPack": "ASPack",
    ".themida": "Themida", ".winlice": "Themida", "Themida": "Themida",
    ".vmp0": "VMProtect", ".vmp1": "VMProtect", ".vmp2": "VMProtect",
    ".MPRESS1": "MPRESS", ".MPRESS2": "MPRESS",
    ".petite": "Petite", "petite": "Petite",
    ".nsp0": "NsPack", ".nsp1": "NsPack", ".nsp2": "NsPack", "nsp0": "NsPack", "nsp1": "NsPack",
    "PEC2": "PECompact", "PEC2TO": "PECompact", "pec1": "PECompact", "pec2": "PECompact",
    ".enigma1": "Enigma", ".enigma2": "Enigma",
    "kkrunchy": "kkrunchy",
    ".MEW": "MEW", "MEW": "MEW",
    ".yP": "Y0da", ".y0da": "Y0da",
    ".perplex": "Perplex",
    ".RLPack": "RLPack",
}
_PROTECTORS = {"Themida", "VMProtect", "Enigma"}
PACKER_HEURISTICS: dict[str, Heuristic] = {
    packer: Heuristic(
        "pe.packer." + re.sub(r"[^a-z0-9]+", "_", packer.lower()).strip("_"),
        f"PE packed with {packer}",
        f"Section names left by {packer}: the code on disk is compressed or protected, hiding it from "
        "static inspection.",
        400 if packer in _PROTECTORS else 250,
        _PACKING,
        source=_SRC,
    )
    for packer in sorted(set(PACKER_SECTIONS.values()))
}


@dataclass(frozen=True)
class ApiGroup:
    """A risky capability, recognised when imports name enough of its functions."""

    name: str
    heuristic: Heuristic
    functions: frozenset[str]
    minimum: int = 1
    # Two-sided groups (download + execute): at least one function from each side.
    second: frozenset[str] = frozenset()


API_GROUPS: tuple[ApiGroup, ...] = (
    ApiGroup(
        "process_injection",
        Heuristic("pe.imports.process_injection", "Imports for process injection",
                  "Imports allocate, write and start code in another process (VirtualAllocEx, WriteProcessMemory, "
                  "CreateRemoteThread, QueueUserAPC, NtUnmapViewOfSection).", 350, ("T1055",), source=_SRC),
        frozenset({"VirtualAllocEx", "WriteProcessMemory", "CreateRemoteThread", "CreateRemoteThreadEx",
                   "NtUnmapViewOfSection", "ZwUnmapViewOfSection", "QueueUserAPC", "NtQueueApcThread",
                   "SetThreadContext", "NtWriteVirtualMemory", "RtlCreateUserThread", "NtCreateThreadEx"}),
        minimum=2,
    ),
    ApiGroup(
        "credential_access",
        Heuristic("pe.imports.credential_access", "Imports for credential theft",
                  "Imports dump process memory or enumerate logon sessions and stored credentials "
                  "(MiniDumpWriteDump, LsaEnumerateLogonSessions, CredEnumerate, SamConnect).", 300,
                  ("T1003", "T1555"), source=_SRC),
        frozenset({"MiniDumpWriteDump", "LsaEnumerateLogonSessions", "LsaGetLogonSessionData", "CredEnumerate",
                   "SamConnect", "SamIConnect", "SamOpenUser", "LsaRetrievePrivateData", "CryptUnprotectData"}),
    ),
    ApiGroup(
        "keylogging",
        Heuristic("pe.imports.keylogging", "Imports for keystroke capture",
                  "Imports hook or poll the keyboard (SetWindowsHookEx, GetAsyncKeyState).", 150, ("T1056.001",),
                  source=_SRC),
        frozenset({"SetWindowsHookEx", "GetAsyncKeyState", "GetKeyboardState", "RegisterRawInputDevices"}),
        minimum=2,
    ),
    ApiGroup(
        "service_creation",
        Heuristic("pe.imports.service_creation", "Imports for service creation",
                  "Imports open the service control manager and create a service (persistence or execution "
                  "as SYSTEM).", 100, ("T1543.003",), source=_SRC),
        frozenset({"OpenSCManager"}),
        second=frozenset({"CreateService"}),
    ),
    ApiGroup(
        "anti_debugging",
        Heuristic("pe.imports.anti_debugging", "Imports for debugger detection",
                  "Imports several debugger checks (IsDebuggerPresent, CheckRemoteDebuggerPresent, "
                  "NtQueryInformationProcess).", 80, ("T1622",), source=_SRC),
        frozenset({"IsDebuggerPresent", "CheckRemoteDebuggerPresent", "NtQueryInformationProcess",
                   "ZwQueryInformationProcess", "OutputDebugString", "NtSetInformationThread"}),
        minimum=2,
    ),
    ApiGroup(
        "download_execute",
        Heuristic("pe.imports.download_execute", "Imports to download and run a file",
                  "Imports fetch from the internet (InternetOpenUrl, URLDownloadToFile) and start programs "
                  "(WinExec, ShellExecute, CreateProcess).", 250, ("T1105", "T1106"), source=_SRC),
        frozenset({"InternetOpenUrl", "URLDownloadToFile", "InternetReadFile", "WinHttpReadData",
                   "URLDownloadToCacheFile"}),
        second=frozenset({"WinExec", "ShellExecute", "CreateProcess"}),
    ),
)

# Every detection this module declares, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = (
    H_MALFORMED, H_TIMESTAMP_FUTURE, H_TIMESTAMP_ZERO, H_TIMESTAMP_OLD, H_RWX, H_SIZE_MISMATCH, H_PACKED_LAYOUT,
    H_OVERLAY_ENTROPY, H_OVERLAY_PE, H_RESOURCE_PE, H_RESOURCE_ENTROPY, H_SIGNATURE_BROKEN, H_MINER, H_NAME_MISMATCH,
    *PACKER_HEURISTICS.values(), *(group.heuristic for group in API_GROUPS),
)

_IMAGE_SCN_MEM_EXECUTE = 0x20000000
_IMAGE_SCN_MEM_READ = 0x40000000
_IMAGE_SCN_MEM_WRITE = 0x80000000
_DIR = pefile.DIRECTORY_ENTRY
_Y2000 = 946684800
_FUTURE_SLACK_S = 86400
_HIGH_ENTROPY = 7.2
_PACKED_MAX_IMPORTS = 10
_MIN_BLOB_FOR_ENTROPY = 4096
_VERSION_KEYS = ("CompanyName", "OriginalFilename", "FileDescription", "ProductName", "InternalName",
                 "FileVersion", "LegalCopyright")
_MAX_FACT_STRING = 256
_MAX_OVERLAY_PE_PROBES = 64
_PKCS7_SIGNED_DATA_OID = bytes.fromhex("06092a864886f70d010702")
_MIN_OPTIONAL_HEADER = 73


class _Deadline(Exception):
    """The scan's time ran out between two parsing steps."""


@dataclass
class _State:
    """What one analysis accumulates; turned into PeFacts at the end."""

    payload: Payload
    ctx: ScanContext
    out: AnalyzerOutput = field(default_factory=AnalyzerOutput)
    warnings: list[str] = field(default_factory=list)
    child_offsets: set[int] = field(default_factory=set)

    def check_time(self, step: str) -> None:
        if self.ctx.expired():
            raise _Deadline(step)


class PeAnalyzer:
    """Facts and findings for PE images (EXE, DLL, .NET assemblies, drivers)."""

    name = "pe"
    version = "1"

    def __init__(self, limits: BinaryLimits | None = None) -> None:
        self.limits = limits or BinaryLimits()

    def accepts(self, artifact: Artifact) -> bool:
        return artifact.type == ArtifactType.PE

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        state = _State(payload, ctx)
        problem = _header_problem(payload.data)
        pe = None
        if problem is None:
            try:
                # The per-instance caps pefile accepts are passed; its module-level MAX_* are not touched.
                pe = pefile.PE(data=payload.data, fast_load=True,
                               max_symbol_exports=max(1, self.limits.max_exports))
            except Exception as exc:  # noqa: BLE001 - PEFormatError, and others on hostile input
                problem = _short(exc)
        if pe is None:
            detail = problem or "unreadable PE headers"
            state.out.findings.append(H_MALFORMED.finding(payload, offset=0, snippet=detail))
            state.out.facts = ArtifactFacts(pe=PeFacts(machine="unknown", parse_warnings=[detail]))
            return state.out
        # No pe.close(): it exists to unmap files, and with `data=` it only runs gc.collect(),
        # which costs ~100 ms per call.
        facts = self._analyze(pe, state)
        state.out.facts = ArtifactFacts(pe=facts, entropy=entropy(payload.data, self.limits.entropy_sample_bytes))
        return state.out

    def _analyze(self, pe: pefile.PE, state: _State) -> PeFacts:
        facts = self._header_facts(pe, state)
        steps = (
            ("sections", self._sections),
            ("imports", self._imports),
            ("exports", self._exports),
            ("resources", self._resources),
            ("overlay", self._overlay),
            ("signature", self._signature),
            ("dotnet", self._dotnet),
            ("rich header", self._rich_header),
            ("strings", self._strings),
        )
        for step, run in steps:
            try:
                state.check_time(step)
                run(pe, state, facts)
            except _Deadline:
                state.warnings.append(f"analysis stopped before {step}: scan deadline reached")
                state.out.errors.append((ErrorKind.LIMIT_DEADLINE, f"PE analysis stopped before {step}"))
                break
            except Exception as exc:  # noqa: BLE001 - one broken directory must not hide the others
                state.warnings.append(f"{step}: {_short(exc)}")
        self._layout_findings(state, facts)
        facts.parse_warnings = (state.warnings + [_short(w) for w in pe.get_warnings()])[:50]
        return facts

    # --- headers and timestamp -------------------------------------------------------------

    def _header_facts(self, pe: pefile.PE, state: _State) -> PeFacts:
        machine_id = pe.FILE_HEADER.Machine
        machine = pefile.MACHINE_TYPE.get(machine_id, f"0x{machine_id:04x}")
        subsystem_id = getattr(pe.OPTIONAL_HEADER, "Subsystem", None)
        subsystem = pefile.SUBSYSTEM_TYPE.get(subsystem_id) if subsystem_id is not None else None
        stamp = pe.FILE_HEADER.TimeDateStamp
        facts = PeFacts(
            machine=str(machine).removeprefix("IMAGE_FILE_MACHINE_"),
            subsystem=(str(subsystem).removeprefix("IMAGE_SUBSYSTEM_") if subsystem else
                       (f"{subsystem_id}" if subsystem_id is not None else None)),
            is_dll=bool(pe.FILE_HEADER.Characteristics & 0x2000),
            timestamp=stamp,
            timestamp_iso=datetime.fromtimestamp(stamp, UTC).isoformat().replace("+00:00", "Z"),
        )
        payload = state.payload
        if stamp == 0:
            state.out.findings.append(H_TIMESTAMP_ZERO.finding(payload, snippet="TimeDateStamp=0"))
        elif stamp < _Y2000:
            state.out.findings.append(H_TIMESTAMP_OLD.finding(payload, snippet=f"TimeDateStamp={facts.timestamp_iso}"))
        elif stamp > time.time() + _FUTURE_SLACK_S:
            state.out.findings.append(H_TIMESTAMP_FUTURE.finding(payload,
                                                                 snippet=f"TimeDateStamp={facts.timestamp_iso}"))
        return facts

    # --- sections --------------------------------------------------------------------------

    def _sections(self, pe: pefile.PE, state: _State, facts: PeFacts) -> None:
        data = state.payload.data
        if len(pe.sections) > self.limits.max_sections:
            state.warnings.append(f"{len(pe.sections)} sections, only the first {self.limits.max_sections} read")
        rwx: list[str] = []
        mismatched: list[str] = []
        packers: dict[str, str] = {}
        for section in pe.sections[: self.limits.max_sections]:
            state.check_time("sections")
            name = _section_name(section.Name)
            start = section.PointerToRawData
            raw = data[start : start + section.SizeOfRawData] if start < len(data) else b""
            chars = section.Characteristics
            info = PeSection(
                name=name,
                virtual_address=section.VirtualAddress,
                virtual_size=section.Misc_VirtualSize,
                raw_size=section.SizeOfRawData,
                entropy=entropy(raw, self.limits.entropy_sample_bytes),
                characteristics=chars,
                writable=bool(chars & _IMAGE_SCN_MEM_WRITE),
                executable=bool(chars & _IMAGE_SCN_MEM_EXECUTE),
            )
            facts.sections.append(info)
            if start + section.SizeOfRawData > len(data) and section.SizeOfRawData:
                state.warnings.append(f"section {name!r} extends past the end of the file")
            if info.writable and info.executable and chars & _IMAGE_SCN_MEM_READ:
                rwx.append(name)
            if info.executable and _much_larger_in_memory(info):
                mismatched.append(name)
            packer = PACKER_SECTIONS.get(name)
            if packer:
                packers.setdefault(packer, name)
        payload = state.payload
        if rwx:
            state.out.findings.append(H_RWX.finding(payload, snippet="sections: " + ", ".join(rwx[:8]), count=len(rwx)))
        if mismatched:
            state.out.findings.append(H_SIZE_MISMATCH.finding(payload, snippet="sections: " + ", ".join(mismatched[:8]),
                                                              count=len(mismatched)))
        if b"UPX!" in data[:0x1000] and "UPX" not in packers:  # UPX's header marker survives renamed sections
            packers["UPX"] = "UPX! marker"
        for packer, evidence in packers.items():
            facts.packers.append(packer)
            state.out.findings.append(PACKER_HEURISTICS[packer].finding(payload, snippet=f"section {evidence}"))

    # --- imports and exports ---------------------------------------------------------------

    def _imports(self, pe: pefile.PE, state: _State, facts: PeFacts) -> None:
        pe.parse_data_directories(directories=[_DIR["IMAGE_DIRECTORY_ENTRY_IMPORT"]])
        recorded = 0
        for entry in getattr(pe, "DIRECTORY_ENTRY_IMPORT", []):
            dll = _text(entry.dll) or "?"
            names = facts.imports.setdefault(dll, [])
            for imp in entry.imports:
                if recorded >= self.limits.max_imports:
                    state.warnings.append(f"more than {self.limits.max_imports} imports, the rest not recorded")
                    break
                names.append(_text(imp.name) if imp.name else f"ord{imp.ordinal}")
                recorded += 1
            else:
                continue
            break
        if facts.imports:
            facts.imphash = pe.get_imphash() or None
        functions = {_api_base(name) for names in facts.imports.values() for name in names}
        for group in API_GROUPS:
            hits = sorted(functions & group.functions)
            other = sorted(functions & group.second) if group.second else []
            if len(hits) >= group.minimum and (not group.second or other):
                facts.risky_api_groups.append(group.name)
                state.out.findings.append(group.heuristic.finding(state.payload, snippet=", ".join(hits + other)[:200]))

    def _exports(self, pe: pefile.PE, state: _State, facts: PeFacts) -> None:
        pe.parse_data_directories(directories=[_DIR["IMAGE_DIRECTORY_ENTRY_EXPORT"]])
        export_dir = getattr(pe, "DIRECTORY_ENTRY_EXPORT", None)
        for symbol in getattr(export_dir, "symbols", [])[: self.limits.max_exports]:
            facts.exports.append(_text(symbol.name) if symbol.name else f"ord{symbol.ordinal}")

    # --- resources and version info --------------------------------------------------------

    def _resources(self, pe: pefile.PE, state: _State, facts: PeFacts) -> None:
        pe.parse_data_directories(directories=[_DIR["IMAGE_DIRECTORY_ENTRY_RESOURCE"]])
        root = getattr(pe, "DIRECTORY_ENTRY_RESOURCE", None)
        if root is not None:
            high_entropy: list[str] = []
            for label, rva, size in self._resource_leaves(root, state):
                state.check_time("resources")
                try:
                    blob = pe.get_data(rva, min(size, self.limits.max_child_bytes))
                except pefile.PEFormatError:
                    state.warnings.append(f"resource {label} points outside the image")
                    continue
                if is_pe_at(blob):
                    self._emit_pe_child(state, blob, H_RESOURCE_PE, f"pe-resource:{label}", "pe-resource",
                                        offset=_safe_offset(pe, rva), truncated=size > len(blob))
                elif size >= _MIN_BLOB_FOR_ENTROPY and entropy(blob, self.limits.entropy_sample_bytes) >= 7.5:
                    high_entropy.append(label)
            if high_entropy:
                state.out.findings.append(H_RESOURCE_ENTROPY.finding(
                    state.payload, snippet="resources: " + ", ".join(high_entropy[:8]), count=len(high_entropy)))
        self._version_info(pe, state, facts)

    def _resource_leaves(self, root: object, state: _State) -> Iterator[tuple[str, int, int]]:
        """(type/name/lang label, data RVA, size) of each leaf, at most max_resources of them.

        pefile already refuses loops, more than 4096 entries per directory and excessive depth;
        the depth and leaf bounds here keep our own walk linear whatever it hands back.
        """
        budget = self.limits.max_resources
        stack: list[tuple[object, list[str]]] = [(root, [])]
        seen: set[int] = set()
        while stack:
            directory, path = stack.pop()
            if id(directory) in seen or len(path) > 4:
                continue
            seen.add(id(directory))
            for entry in getattr(directory, "entries", []):
                label = path + [_resource_label(entry, depth=len(path))]
                data = getattr(entry, "data", None)
                if data is not None and getattr(data, "struct", None) is not None:
                    if budget <= 0:
                        state.warnings.append(f"more than {self.limits.max_resources} resources, the rest skipped")
                        return
                    budget -= 1
                    yield "/".join(label), data.struct.OffsetToData, data.struct.Size
                elif getattr(entry, "directory", None) is not None:
                    stack.append((entry.directory, label))

    def _version_info(self, pe: pefile.PE, state: _State, facts: PeFacts) -> None:
        for file_info in getattr(pe, "FileInfo", [])[:4]:
            for entry in file_info[:8]:
                for table in getattr(entry, "StringTable", [])[:8]:
                    for key, value in list(table.entries.items())[:64]:
                        name = _text(key)
                        if name in _VERSION_KEYS and name not in facts.version_info:
                            facts.version_info[name] = redact_head(_text(value), _MAX_FACT_STRING)
        original = facts.version_info.get("OriginalFilename", "").strip().lower()
        delivered = claimed_file_name(state.payload.artifact)
        if original and delivered and _stem(original) != _stem(delivered):
            state.out.findings.append(H_NAME_MISMATCH.finding(
                state.payload, snippet=f"OriginalFilename={original}, delivered as {delivered}"))

    # --- overlay, signature, .NET, rich header ---------------------------------------------

    def _overlay(self, pe: pefile.PE, state: _State, facts: PeFacts) -> None:
        data = state.payload.data
        start = pe.get_overlay_data_start_offset()
        if start is None:
            return
        end = len(data)
        sec_offset, sec_size = _security_directory(pe)
        if sec_size and start <= sec_offset < end and sec_offset + sec_size >= end:
            end = sec_offset  # the Authenticode blob sits at the end and is not payload
        if end <= start:
            return
        overlay = data[start:end]
        facts.overlay_size = len(overlay)
        facts.overlay_entropy = entropy(overlay, self.limits.entropy_sample_bytes)
        found_pe = False
        probe = 0
        for _ in range(_MAX_OVERLAY_PE_PROBES):
            probe = overlay.find(b"MZ", probe)
            if probe < 0:
                break
            if is_pe_at(overlay, probe):
                found_pe = True
                self._emit_pe_child(state, overlay[probe : probe + self.limits.max_child_bytes], H_OVERLAY_PE,
                                    f"pe-overlay@{start + probe}", "pe-overlay", offset=start + probe,
                                    truncated=len(overlay) - probe > self.limits.max_child_bytes)
                break
            probe += 2
        if not found_pe and len(overlay) >= _MIN_BLOB_FOR_ENTROPY and facts.overlay_entropy >= 7.5:
            state.out.findings.append(H_OVERLAY_ENTROPY.finding(
                state.payload, offset=start, length=len(overlay),
                snippet=f"{len(overlay)} bytes, entropy {facts.overlay_entropy}"))

    def _signature(self, pe: pefile.PE, state: _State, facts: PeFacts) -> None:
        offset, size = _security_directory(pe)
        if not (offset and size):
            return
        facts.signed = True
        facts.signature_parses = _authenticode_parses(state.payload.data, offset, size)
        if not facts.signature_parses:
            state.out.findings.append(H_SIGNATURE_BROKEN.finding(state.payload, offset=offset, length=size,
                                                                 snippet=f"security directory {size} bytes"))

    def _dotnet(self, pe: pefile.PE, state: _State, facts: PeFacts) -> None:
        clr = pe.OPTIONAL_HEADER.DATA_DIRECTORY[_DIR["IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR"]]
        if not (clr.VirtualAddress and clr.Size):
            return
        facts.is_dotnet = True
        header = pe.get_data(clr.VirtualAddress, 72)
        if len(header) < 16:
            state.warnings.append("CLR header truncated")
            return
        md_rva = int.from_bytes(header[8:12], "little")
        md_size = int.from_bytes(header[12:16], "little")
        if not md_rva or not md_size:
            return
        metadata = pe.get_data(md_rva, min(md_size, self.limits.max_metadata_bytes))
        names = read_names(metadata)
        if names is None:
            state.warnings.append(".NET metadata does not parse")
            return
        facts.dotnet_assembly = names.assembly_name or names.module_name

    def _rich_header(self, pe: pefile.PE, state: _State, facts: PeFacts) -> None:
        rich = pe.parse_rich_header()
        if rich and rich.get("clear_data"):
            facts.rich_header_hash = hashlib.md5(rich["clear_data"], usedforsecurity=False).hexdigest()

    def _strings(self, pe: pefile.PE, state: _State, facts: PeFacts) -> None:
        found = notable_strings(state.payload.data, max_bytes=self.limits.max_string_scan_bytes,
                                max_strings=self.limits.max_notable_strings, timeout=state.ctx.regex_timeout())
        mining = found.get("miner", []) + found.get("wallet", [])
        if mining:
            state.out.findings.append(H_MINER.finding(state.payload, snippet=", ".join(mining[:4]), count=len(mining)))

    # --- whole-file judgements -------------------------------------------------------------

    def _layout_findings(self, state: _State, facts: PeFacts) -> None:
        import_count = sum(len(names) for names in facts.imports.values())
        dense = [s.name for s in facts.sections if s.executable and s.entropy >= _HIGH_ENTROPY and s.raw_size >= 1024]
        if dense and import_count <= _PACKED_MAX_IMPORTS and not facts.is_dotnet:
            state.out.findings.append(H_PACKED_LAYOUT.finding(
                state.payload, snippet=f"{import_count} imports; high-entropy code in {', '.join(dense[:4])}"))

    def _emit_pe_child(self, state: _State, blob: bytes, heuristic: Heuristic, origin: str, technique: str,
                       *, offset: int | None, truncated: bool) -> None:
        key = offset if offset is not None else -len(state.child_offsets) - 1
        if key in state.child_offsets:
            return
        state.child_offsets.add(key)
        state.out.findings.append(heuristic.finding(state.payload, offset=offset, length=len(blob),
                                                    snippet=f"{origin}: {len(blob)} bytes"))
        if len(state.out.children) >= self.limits.max_children:
            state.out.errors.append((ErrorKind.LIMIT_CHILDREN, f"embedded image at {origin} not extracted"))
            return
        state.out.children.append(Child(
            data=blob, origin=origin, type_hint=ArtifactType.PE, truncated=truncated,
            layer=Layer(technique=technique,
                        span=Location(offset=offset, length=len(blob)) if offset is not None else None,
                        detail=f"PE image carried in {origin.split(':', 1)[0].split('@', 1)[0]}"),
        ))


# --- small pure helpers ------------------------------------------------------------------------

def _header_problem(data: bytes) -> str | None:
    """Why the DOS/NT headers cannot be a PE, checked before pefile sees the bytes.

    pefile reports these through an exception path that runs gc.collect() (tens of ms per
    file); truncated and mangled headers are the commonest hostile input, so they stop here.
    """
    if len(data) < 0x40 or data[:2] != b"MZ":
        return "no DOS header"
    e_lfanew = int.from_bytes(data[0x3C:0x40], "little")
    optional_header = e_lfanew + 24
    if optional_header + 2 > len(data):
        return f"e_lfanew 0x{e_lfanew:x} points past the end of the file"
    if data[e_lfanew : e_lfanew + 4] != b"PE\x00\x00":
        return "no PE signature at e_lfanew"
    magic = int.from_bytes(data[optional_header : optional_header + 2], "little")
    if magic not in (0x10B, 0x20B):
        return f"unknown optional header magic 0x{magic:x}"
    if optional_header + _MIN_OPTIONAL_HEADER > len(data):  # pefile's own minimum readable size
        return "optional header truncated"
    sections = int.from_bytes(data[e_lfanew + 6 : e_lfanew + 8], "little")
    optional_size = int.from_bytes(data[e_lfanew + 20 : e_lfanew + 22], "little")
    if optional_header + optional_size + 40 * min(sections, pefile.MAX_SECTIONS) > len(data):
        return f"section table ({sections} entries) runs past the end of the file"
    return None


def _short(value: object) -> str:
    return str(value)[:200]


def _text(value: bytes | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    else:
        text = value.decode("utf-8", "replace")
    return "".join(ch for ch in text if ch.isprintable())[:_MAX_FACT_STRING]


def _section_name(raw: bytes) -> str:
    return raw.split(b"\x00", 1)[0].decode("latin-1")[:8]


def _api_base(name: str) -> str:
    """`CreateProcessW` -> `CreateProcess`, `SetWindowsHookExA` -> `SetWindowsHookEx`."""
    if len(name) > 2 and name[-1] in "AW" and name[-2].islower():
        name = name[:-1]
    if name.endswith("Ex") and name[:-2] in {"ShellExecute", "CreateProcess", "WinExec", "OpenSCManager",
                                              "CreateService", "InternetOpenUrl"}:
        name = name[:-2]
    return name


def _much_larger_in_memory(section: PeSection) -> bool:
    if section.raw_size == 0:
        return section.virtual_size > 0
    return section.virtual_size >= 16 * section.raw_size and section.virtual_size - section.raw_size >= 64 * 1024


def _resource_label(entry: object, depth: int) -> str:
    name = getattr(entry, "name", None)
    if name is not None:
        return str(name)[:64]
    ident = getattr(entry, "id", None)
    if depth == 0 and ident in pefile.RESOURCE_TYPE:
        return str(pefile.RESOURCE_TYPE[ident]).removeprefix("RT_")
    return str(ident)


def _safe_offset(pe: pefile.PE, rva: int) -> int | None:
    try:
        return pe.get_offset_from_rva(rva)
    except Exception:  # noqa: BLE001 - pefile raises several kinds for an unmapped RVA
        return None


def _security_directory(pe: pefile.PE) -> tuple[int, int]:
    directory = pe.OPTIONAL_HEADER.DATA_DIRECTORY[_DIR["IMAGE_DIRECTORY_ENTRY_SECURITY"]]
    return directory.VirtualAddress, directory.Size  # a file offset, not an RVA, for this directory


def _authenticode_parses(data: bytes, offset: int, size: int) -> bool:
    """WIN_CERTIFICATE header is consistent and wraps a DER PKCS#7 SignedData (not verified)."""
    if offset + size > len(data) or size < 8 + 16:
        return False
    length = int.from_bytes(data[offset : offset + 4], "little")
    revision = int.from_bytes(data[offset + 4 : offset + 6], "little")
    cert_type = int.from_bytes(data[offset + 6 : offset + 8], "little")
    if not 8 < length <= size or revision not in (0x0100, 0x0200) or cert_type != 0x0002:
        return False
    blob = data[offset + 8 : offset + length]
    if blob[:1] != b"\x30":
        return False
    header = 2 + (blob[1] & 0x7F if blob[1] & 0x80 else 0)
    return blob[header : header + len(_PKCS7_SIGNED_DATA_OID)] == _PKCS7_SIGNED_DATA_OID


def _stem(name: str) -> str:
    base = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].lower()
    base = base.removesuffix(".mui")
    return base.rsplit(".", 1)[0] if "." in base else base


if TYPE_CHECKING:
    from inspector.config import Settings

# Found by name by inspector/analyzers/__init__.py; analyzers run in RUN_ORDER, then name order.
RUN_ORDER = 20


def analyzers_for(settings: Settings | None) -> tuple[Analyzer, ...]:
    """This module's analyzers, limits from Settings (defaults without)."""
    return (PeAnalyzer(BinaryLimits.from_settings(settings) if settings is not None else BinaryLimits()),)
