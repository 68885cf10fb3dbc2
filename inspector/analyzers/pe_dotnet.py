"""A bounded reader for the .NET metadata a PE carries: the module and assembly names.

pefile exposes the CLR header (COM descriptor directory) but not the metadata tables, so this
reads ECMA-335 II.24 just far enough: the metadata root, its stream headers, the `#~` table
stream header and the rows of the Module (0x00) and Assembly (0x20) tables. Every read is
bounds-checked against the bytes given; any inconsistency yields None, never an exception.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

_METADATA_SIGNATURE = 0x424A5342  # "BSJB"
_MAX_STREAMS = 16
_MAX_NAME_BYTES = 512

# Table numbers (ECMA-335 II.22) that coded indexes refer to.
_MODULE, _TYPEREF, _TYPEDEF, _FIELD, _METHODDEF, _PARAM = 0x00, 0x01, 0x02, 0x04, 0x06, 0x08
_INTERFACEIMPL, _MEMBERREF, _DECLSECURITY, _STANDALONESIG = 0x09, 0x0A, 0x0E, 0x11
_EVENT, _PROPERTY, _MODULEREF, _TYPESPEC, _ASSEMBLY = 0x14, 0x17, 0x1A, 0x1B, 0x20
_ASSEMBLYREF, _FILE, _EXPORTEDTYPE, _MANIFESTRESOURCE = 0x23, 0x26, 0x27, 0x28
_GENERICPARAM, _METHODSPEC, _GENERICPARAMCONSTRAINT = 0x2A, 0x2B, 0x2C
_UNUSED = -1

# Coded index kinds: the tables they can point at and how many tag bits they use.
_CODED: dict[str, tuple[tuple[int, ...], int]] = {
    "TypeDefOrRef": ((_TYPEDEF, _TYPEREF, _TYPESPEC), 2),
    "HasConstant": ((_FIELD, _PARAM, _PROPERTY), 2),
    "HasCustomAttribute": (
        (_METHODDEF, _FIELD, _TYPEREF, _TYPEDEF, _PARAM, _INTERFACEIMPL, _MEMBERREF, _MODULE, _DECLSECURITY,
         _PROPERTY, _EVENT, _STANDALONESIG, _MODULEREF, _TYPESPEC, _ASSEMBLY, _ASSEMBLYREF, _FILE,
         _EXPORTEDTYPE, _MANIFESTRESOURCE, _GENERICPARAM, _GENERICPARAMCONSTRAINT, _METHODSPEC),
        5,
    ),
    "HasFieldMarshal": ((_FIELD, _PARAM), 1),
    "HasDeclSecurity": ((_TYPEDEF, _METHODDEF, _ASSEMBLY), 2),
    "MemberRefParent": ((_TYPEDEF, _TYPEREF, _MODULEREF, _METHODDEF, _TYPESPEC), 3),
    "HasSemantics": ((_EVENT, _PROPERTY), 1),
    "MethodDefOrRef": ((_METHODDEF, _MEMBERREF), 1),
    "MemberForwarded": ((_FIELD, _METHODDEF), 1),
    "CustomAttributeType": ((_UNUSED, _UNUSED, _METHODDEF, _MEMBERREF, _UNUSED), 3),
}

# Column layouts of tables 0x00..0x1F, enough to find where the Assembly table starts.
# "2"/"4": fixed width; "s"/"g"/"b": #Strings/#GUID/#Blob index; "t:NN": simple table index;
# other names: coded indexes.
_SCHEMA: dict[int, tuple[str, ...]] = {
    0x00: ("2", "s", "g", "g", "g"),
    0x01: ("ResolutionScope", "s", "s"),
    0x02: ("4", "s", "s", "TypeDefOrRef", "t:04", "t:06"),
    0x03: ("t:04",),
    0x04: ("2", "s", "b"),
    0x05: ("t:06",),
    0x06: ("4", "2", "2", "s", "b", "t:08"),
    0x07: ("t:08",),
    0x08: ("2", "2", "s"),
    0x09: ("t:02", "TypeDefOrRef"),
    0x0A: ("MemberRefParent", "s", "b"),
    0x0B: ("2", "HasConstant", "b"),
    0x0C: ("HasCustomAttribute", "CustomAttributeType", "b"),
    0x0D: ("HasFieldMarshal", "b"),
    0x0E: ("2", "HasDeclSecurity", "b"),
    0x0F: ("2", "4", "t:02"),
    0x10: ("4", "t:04"),
    0x11: ("b",),
    0x12: ("t:02", "t:14"),
    0x13: ("t:14",),
    0x14: ("2", "s", "TypeDefOrRef"),
    0x15: ("t:02", "t:17"),
    0x16: ("t:17",),
    0x17: ("2", "s", "b"),
    0x18: ("2", "t:06", "HasSemantics"),
    0x19: ("t:02", "MethodDefOrRef", "MethodDefOrRef"),
    0x1A: ("s",),
    0x1B: ("b",),
    0x1C: ("2", "MemberForwarded", "s", "t:1a"),
    0x1D: ("4", "t:04"),
    0x1E: ("4", "4"),
    0x1F: ("4",),
}
# ResolutionScope is coded too; it refers to AssemblyRef, defined after the dict above for clarity.
_CODED["ResolutionScope"] = ((_MODULE, _MODULEREF, _ASSEMBLYREF, _TYPEREF), 2)
# Assembly row: HashAlgId, Major, Minor, Build, Revision, Flags, PublicKey, Name, Culture.
_ASSEMBLY_SCHEMA = ("4", "2", "2", "2", "2", "4", "b", "s", "s")


@dataclass(frozen=True)
class DotnetNames:
    runtime_version: str | None
    module_name: str | None
    assembly_name: str | None


def read_names(metadata: bytes) -> DotnetNames | None:
    """Module and assembly names from a metadata blob (the bytes the CLR header points at)."""
    try:
        return _read(metadata)
    except (struct.error, ValueError, IndexError, KeyError):
        return None


def _read(md: bytes) -> DotnetNames | None:
    if len(md) < 20 or struct.unpack_from("<I", md, 0)[0] != _METADATA_SIGNATURE:
        return None
    version_length = struct.unpack_from("<I", md, 12)[0]
    if version_length > 256 or 16 + version_length + 4 > len(md):
        return None
    runtime = md[16 : 16 + version_length].split(b"\x00", 1)[0].decode("ascii", "replace") or None
    pos = 16 + version_length
    stream_count = struct.unpack_from("<H", md, pos + 2)[0]
    pos += 4
    streams: dict[str, tuple[int, int]] = {}
    for _ in range(min(stream_count, _MAX_STREAMS)):
        offset, size = struct.unpack_from("<II", md, pos)
        end = md.find(b"\x00", pos + 8, pos + 8 + 32)
        if end < 0:
            return DotnetNames(runtime, None, None)
        name = md[pos + 8 : end].decode("ascii", "replace")
        pos = (end + 1 + 3) & ~3  # names are padded to a 4-byte boundary
        if offset + size <= len(md):
            streams[name] = (offset, size)
    tables = streams.get("#~") or streams.get("#-")
    strings = streams.get("#Strings")
    if tables is None or strings is None:
        return DotnetNames(runtime, None, None)
    module_name, assembly_name = _names_from_tables(md, tables, strings)
    return DotnetNames(runtime, module_name, assembly_name)


def _names_from_tables(md: bytes, tables: tuple[int, int], strings: tuple[int, int]) -> tuple[str | None, str | None]:
    start, size = tables
    end = start + size
    heap_sizes = md[start + 6]
    valid = struct.unpack_from("<Q", md, start + 8)[0]
    pos = start + 24
    rows: dict[int, int] = {}
    for table in range(64):
        if valid & (1 << table):
            rows[table] = struct.unpack_from("<I", md, pos)[0]
            pos += 4
    if heap_sizes & 0x40:  # an extra dword follows the row counts in some uncompressed streams
        pos += 4
    if pos > end:
        return None, None

    widths = _Widths(heap_sizes, rows)
    module_name = None
    if rows.get(_MODULE):
        module_name = _string_at(md, strings, widths.read(md, pos, _SCHEMA[0x00], column=1))
    for table in range(0x20):
        count = rows.get(table, 0)
        if count:
            if table not in _SCHEMA:
                return module_name, None
            pos += count * widths.row_size(_SCHEMA[table])
            if pos > end:
                return module_name, None
    assembly_name = None
    if rows.get(_ASSEMBLY) and pos + widths.row_size(_ASSEMBLY_SCHEMA) <= end:
        assembly_name = _string_at(md, strings, widths.read(md, pos, _ASSEMBLY_SCHEMA, column=7))
    return module_name, assembly_name


class _Widths:
    """Column widths, which depend on heap sizes and on the row counts of referenced tables."""

    def __init__(self, heap_sizes: int, rows: dict[int, int]) -> None:
        self._heap = {"s": 4 if heap_sizes & 0x01 else 2, "g": 4 if heap_sizes & 0x02 else 2,
                      "b": 4 if heap_sizes & 0x04 else 2}
        self._rows = rows

    def width(self, column: str) -> int:
        if column in ("2", "4"):
            return int(column)
        if column in self._heap:
            return self._heap[column]
        if column.startswith("t:"):
            return 4 if self._rows.get(int(column.removeprefix("t:"), 16), 0) >= 1 << 16 else 2
        targets, tag_bits = _CODED[column]
        largest = max((self._rows.get(t, 0) for t in targets if t != _UNUSED), default=0)
        return 4 if largest >= 1 << (16 - tag_bits) else 2

    def row_size(self, schema: tuple[str, ...]) -> int:
        return sum(self.width(column) for column in schema)

    def read(self, md: bytes, row_start: int, schema: tuple[str, ...], column: int) -> int:
        offset = row_start + sum(self.width(c) for c in schema[:column])
        width = self.width(schema[column])
        return struct.unpack_from("<I" if width == 4 else "<H", md, offset)[0]


def _string_at(md: bytes, heap: tuple[int, int], index: int) -> str | None:
    start, size = heap
    if index <= 0 or index >= size:
        return None
    begin = start + index
    stop = md.find(b"\x00", begin, min(start + size, begin + _MAX_NAME_BYTES))
    if stop < 0:
        return None
    text = md[begin:stop].decode("utf-8", "replace")
    return "".join(ch for ch in text if ch.isprintable()) or None
