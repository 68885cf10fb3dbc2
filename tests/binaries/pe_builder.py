"""Builds minimal, valid PE images in code, with exactly the features a test asks for.

Nothing here is copied from a real binary: headers, sections, imports, exports, resources
(with version info), a .NET CLR header and metadata, a Rich header, an overlay and an
Authenticode-shaped security directory are all encoded from the PE/COFF and ECMA-335
specifications, so tests can assert exact facts. Offsets of the header fields are exposed
(`PeLayout`) so malformed-input tests can corrupt precisely the field they mean to.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

FILE_ALIGN = 0x200
SECTION_ALIGN = 0x1000
IMAGE_BASE_32 = 0x400000
IMAGE_BASE_64 = 0x140000000

MACHINES = {"I386": 0x014C, "AMD64": 0x8664, "ARM64": 0xAA64}
SUBSYSTEM_GUI = 2
SUBSYSTEM_CUI = 3

CODE = 0x60000020  # code | execute | read
RDATA = 0x40000040  # initialised data | read
DATA = 0xC0000040  # initialised data | read | write
RWX = 0xE0000020  # code | execute | read | write
UNINIT_RWX = 0xE0000080  # uninitialised data | execute | read | write (UPX0 style)

RT_RCDATA = 10
RT_VERSION = 16

_DOS_STUB = (
    b"\x0e\x1f\xba\x0e\x00\xb4\x09\xcd\x21\xb8\x01\x4c\xcd\x21"
    b"This program cannot be run in DOS mode.\r\r\n$"
).ljust(0x40, b"\x00")


@dataclass
class Section:
    name: str
    data: bytes = b""
    characteristics: int = CODE
    virtual_size: int | None = None  # default: len(data)
    raw_size: int | None = None  # default: len(data) rounded up to the file alignment


@dataclass
class Resource:
    type_id: int
    name_id: int
    data: bytes
    lang: int = 1033


@dataclass
class PeLayout:
    """Where the builder put things, for tests that corrupt one field on purpose."""

    e_lfanew: int
    coff_header: int  # file offset of IMAGE_FILE_HEADER
    optional_header: int
    section_table: int
    data_directories: int  # file offset of DataDirectory[0]
    sections: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (raw offset, rva)
    resource_rva: int | None = None
    resource_data_entries: list[int] = field(default_factory=list)  # offsets within .rsrc, in resource order
    overlay_offset: int | None = None
    security_offset: int | None = None


@dataclass
class BuiltPe:
    data: bytes
    layout: PeLayout


def build_pe(
    *,
    machine: str = "AMD64",
    dll: bool = False,
    subsystem: int = SUBSYSTEM_CUI,
    timestamp: int = 1_600_000_000,
    sections: list[Section] | None = None,
    imports: dict[str, list[str]] | None = None,
    exports: list[str] | None = None,
    dll_name: str = "sample.dll",
    resources: list[Resource] | None = None,
    version_info: dict[str, str] | None = None,
    resource_loop: bool = False,
    dotnet_assembly: str | None = None,
    dotnet_module: str | None = None,
    dotnet_strings: list[str] | None = None,
    rich: list[tuple[int, int]] | None = None,
    overlay: bytes = b"",
    signature: bytes | None = None,
) -> BuiltPe:
    """A PE image; every keyword adds one feature. See the module docstring."""
    is64 = machine in ("AMD64", "ARM64")
    user_sections = list(sections) if sections is not None else [Section(".text", b"\xc3" * 16)]

    rich_blob = _rich_header(rich) if rich else b""
    e_lfanew = _align(0x80 + len(rich_blob), 8)
    opt_size = 240 if is64 else 224

    # Auto sections are appended after the caller's; their content depends on their RVA,
    # so RVAs are assigned first and content built second.
    auto: list[tuple[str, int, object]] = []
    if imports:
        auto.append((".idata", RDATA | 0x80000000, ("imports", imports)))
    if exports:
        auto.append((".edata", RDATA, ("exports", exports)))
    all_resources = list(resources or [])
    if version_info:
        all_resources.append(Resource(RT_VERSION, 1, version_info_blob(version_info)))
    if all_resources:
        auto.append((".rsrc", RDATA, ("resources", all_resources)))
    if dotnet_assembly or dotnet_module:
        auto.append((".clr", RDATA, ("dotnet", (dotnet_assembly, dotnet_module, dotnet_strings or []))))

    section_count = len(user_sections) + len(auto)
    headers_end = e_lfanew + 4 + 20 + opt_size + 40 * section_count
    size_of_headers = _align(headers_end, FILE_ALIGN)

    directories = [(0, 0)] * 16
    placed: list[tuple[Section, int]] = []
    rva = SECTION_ALIGN
    for section in user_sections:
        placed.append((section, rva))
        rva = _align(rva + max(_vsize(section), 1), SECTION_ALIGN)
    layout = PeLayout(e_lfanew, e_lfanew + 4, e_lfanew + 24, e_lfanew + 24 + opt_size,
                      e_lfanew + 24 + opt_size - 128)
    for name, chars, (kind, arg) in auto:  # type: ignore[misc]
        if kind == "imports":
            content, dirs = _imports(arg, rva, is64)
            directories[1] = dirs[0]
            directories[12] = dirs[1]
        elif kind == "exports":
            content = _exports(arg, rva, dll_name)
            directories[0] = (rva, len(content))
        elif kind == "resources":
            content, layout.resource_data_entries = _resources(arg, rva, resource_loop)
            directories[2] = (rva, len(content))
            layout.resource_rva = rva
        else:
            content = _dotnet(*arg, rva=rva)
            directories[14] = (rva, 72)
        section = Section(name, content, chars)
        placed.append((section, rva))
        rva = _align(rva + max(_vsize(section), 1), SECTION_ALIGN)
    size_of_image = rva

    body = bytearray()
    raw_pointer = size_of_headers
    table = bytearray()
    for section, section_rva in placed:
        raw_size = section.raw_size if section.raw_size is not None else _align(len(section.data), FILE_ALIGN)
        pointer = raw_pointer if raw_size else 0
        table += struct.pack("<8sIIIIIIHHI", section.name.encode("latin-1")[:8], _vsize(section), section_rva,
                             raw_size, pointer, 0, 0, 0, 0, section.characteristics)
        if raw_size:
            body += section.data[:raw_size].ljust(raw_size, b"\x00")
            raw_pointer += raw_size
        layout.sections[section.name] = (pointer, section_rva)

    entry = next((r for s, r in placed if s.characteristics & 0x20000000), SECTION_ALIGN)
    code_size = sum(_align(len(s.data), FILE_ALIGN) for s, _ in placed if s.characteristics & 0x20)

    image = bytearray(_dos_header(e_lfanew))
    image += rich_blob
    image = image.ljust(e_lfanew, b"\x00")
    characteristics = 0x0002 | (0x2000 if dll else 0) | (0 if is64 else 0x0100) | (0x0020 if is64 else 0)
    image += b"PE\x00\x00"
    image += struct.pack("<HHIIIHH", MACHINES[machine], section_count, timestamp, 0, 0, opt_size, characteristics)
    image += _optional_header(is64, entry, code_size, size_of_image, size_of_headers, subsystem, directories)
    image += table
    image = image.ljust(size_of_headers, b"\x00")
    image += body

    if overlay:
        layout.overlay_offset = len(image)
        image += overlay
    if signature is not None:
        image = image.ljust(_align(len(image), 8), b"\x00")
        layout.security_offset = len(image)
        directory_at = layout.data_directories + 4 * 8
        image[directory_at : directory_at + 8] = struct.pack("<II", len(image), len(signature))
        image += signature
    return BuiltPe(bytes(image), layout)


def authenticode_blob(valid: bool = True) -> bytes:
    """A WIN_CERTIFICATE whose content is (valid) a DER PKCS#7 SignedData shell, or junk."""
    if valid:
        inner = bytes.fromhex("06092a864886f70d010702") + b"\xa0\x03\x02\x01\x01"
        content = b"\x30\x82" + struct.pack(">H", len(inner)) + inner
    else:
        content = b"this is not a signature".ljust(32, b"!")
    certificate = struct.pack("<IHH", 8 + len(content), 0x0200, 0x0002) + content
    return certificate.ljust(_align(len(certificate), 8), b"\x00")


def version_info_blob(strings: dict[str, str]) -> bytes:
    """A VS_VERSIONINFO resource with a VS_FIXEDFILEINFO and one StringTable (en-US, Unicode)."""
    fixed = struct.pack("<13I", 0xFEEF04BD, 0x00010000, 0x00010000, 0, 0x00010000, 0, 0x3F, 0, 0x40004, 1, 0, 0, 0)
    children = b"".join(_pad4(_ver_node(key, value.encode("utf-16-le") + b"\x00\x00", len(value) + 1, 1, b""))
                        for key, value in strings.items())
    table = _ver_node("040904B0", b"", 0, 1, children)
    string_file_info = _ver_node("StringFileInfo", b"", 0, 1, _pad4(table))
    return _ver_node("VS_VERSION_INFO", fixed, len(fixed), 0, _pad4(string_file_info))


# --- pieces -------------------------------------------------------------------------------

def _align(value: int, alignment: int) -> int:
    return (value + alignment - 1) // alignment * alignment


def _pad4(blob: bytes) -> bytes:
    return blob.ljust(_align(len(blob), 4), b"\x00")


def _vsize(section: Section) -> int:
    return section.virtual_size if section.virtual_size is not None else len(section.data)


def _dos_header(e_lfanew: int) -> bytes:
    header = bytearray(0x40)
    struct.pack_into("<2sHHHHHHHHHHHHH", header, 0, b"MZ", 0x90, 3, 0, 4, 0, 0xFFFF, 0, 0xB8, 0, 0, 0, 0x40, 0)
    struct.pack_into("<I", header, 0x3C, e_lfanew)
    return bytes(header) + _DOS_STUB


def _rich_header(entries: list[tuple[int, int]]) -> bytes:
    """The Rich header as MSVC's linker writes it, checksum included (key over DOS header + entries)."""
    dos = bytearray(_dos_header(0))
    key = 0x80
    for index, byte in enumerate(dos):
        if 0x3C <= index < 0x40:  # e_lfanew is excluded from the checksum
            continue
        key = (key + _rotl(byte, index)) & 0xFFFFFFFF
    for comp_id, count in entries:
        key = (key + _rotl(comp_id, count & 0x1F)) & 0xFFFFFFFF
    words = [0x536E6144 ^ key, key, key, key]
    for comp_id, count in entries:
        words += [comp_id ^ key, count ^ key]
    words += [0x68636952, key]  # "Rich", key
    return struct.pack(f"<{len(words)}I", *words)


def _rotl(value: int, shift: int) -> int:
    shift &= 31
    return ((value << shift) | (value >> (32 - shift))) & 0xFFFFFFFF if shift else value


def _optional_header(is64: bool, entry: int, code_size: int, size_of_image: int, size_of_headers: int,
                     subsystem: int, directories: list[tuple[int, int]]) -> bytes:
    if is64:
        head = struct.pack("<HBBIIIII", 0x20B, 14, 0, code_size, 0, 0, entry, SECTION_ALIGN)
        head += struct.pack("<QII", IMAGE_BASE_64, SECTION_ALIGN, FILE_ALIGN)
        head += struct.pack("<HHHHHHIIIIHH", 6, 0, 0, 0, 6, 0, 0, size_of_image, size_of_headers, 0, subsystem, 0x8160)
        head += struct.pack("<QQQQII", 0x100000, 0x1000, 0x100000, 0x1000, 0, 16)
    else:
        head = struct.pack("<HBBIIIIII", 0x10B, 14, 0, code_size, 0, 0, entry, SECTION_ALIGN, 0)
        head += struct.pack("<III", IMAGE_BASE_32, SECTION_ALIGN, FILE_ALIGN)
        head += struct.pack("<HHHHHHIIIIHH", 6, 0, 0, 0, 6, 0, 0, size_of_image, size_of_headers, 0, subsystem, 0x8140)
        head += struct.pack("<IIIIII", 0x100000, 0x1000, 0x100000, 0x1000, 0, 16)
    return head + b"".join(struct.pack("<II", rva, size) for rva, size in directories)


def _imports(imports: dict[str, list[str]], base: int, is64: bool) -> tuple[bytes, tuple[tuple[int, int], tuple[int, int]]]:
    thunk = 8 if is64 else 4
    ordinal_flag = 1 << 63 if is64 else 1 << 31
    descriptors_size = 20 * (len(imports) + 1)
    table_sizes = [thunk * (len(names) + 1) for names in imports.values()]
    ilt_start = descriptors_size
    iat_start = ilt_start + sum(table_sizes)
    strings_start = iat_start + sum(table_sizes)

    strings = bytearray()
    name_rvas: list[list[int | None]] = []
    dll_rvas: list[int] = []
    for dll, names in imports.items():
        rvas: list[int | None] = []
        for name in names:
            if name.startswith("ord"):
                rvas.append(None)
                continue
            rvas.append(base + strings_start + len(strings))
            strings += _even(struct.pack("<H", 0) + name.encode("ascii") + b"\x00")
        name_rvas.append(rvas)
        dll_rvas.append(base + strings_start + len(strings))
        strings += _even(dll.encode("ascii") + b"\x00")

    descriptors = bytearray()
    lookup = bytearray()
    offset = 0
    for (dll, names), rvas, dll_rva, size in zip(imports.items(), name_rvas, dll_rvas, table_sizes, strict=True):
        values = [rva if rva is not None else ordinal_flag | int(name[3:]) for name, rva in zip(names, rvas, strict=True)]
        table = b"".join(struct.pack("<Q" if is64 else "<I", v) for v in values) + b"\x00" * thunk
        descriptors += struct.pack("<IIIII", base + ilt_start + offset, 0, 0, dll_rva, base + iat_start + offset)
        lookup += table
        offset += size
    descriptors += b"\x00" * 20
    content = bytes(descriptors) + bytes(lookup) + bytes(lookup) + bytes(strings)
    return content, ((base, descriptors_size), (base + iat_start, sum(table_sizes)))


def _even(blob: bytes) -> bytes:
    return blob + b"\x00" if len(blob) % 2 else blob


def _exports(names: list[str], base: int, dll_name: str) -> bytes:
    count = len(names)
    functions_at = 40
    names_at = functions_at + 4 * count
    ordinals_at = names_at + 4 * count
    strings_at = ordinals_at + 2 * count
    strings = bytearray(dll_name.encode("ascii") + b"\x00")
    name_rvas = []
    for name in sorted(names):  # the name table is sorted for the loader's binary search
        name_rvas.append(base + strings_at + len(strings))
        strings += name.encode("ascii") + b"\x00"
    header = struct.pack("<IIHHIIIIIII", 0, 0, 0, 0, base + strings_at, 1, count, count,
                         base + functions_at, base + names_at, base + ordinals_at)
    functions = b"".join(struct.pack("<I", SECTION_ALIGN + i) for i in range(count))
    name_table = b"".join(struct.pack("<I", r) for r in name_rvas)
    ordinal_table = b"".join(struct.pack("<H", i) for i in range(count))
    return header + functions + name_table + ordinal_table + bytes(strings)


def _resources(resources: list[Resource], base: int, loop: bool) -> tuple[bytes, list[int]]:
    """Type -> name -> language tree; with `loop`, the last language directory points at the root."""
    by_type: dict[int, list[Resource]] = {}
    for resource in resources:
        by_type.setdefault(resource.type_id, []).append(resource)
    types = sorted(by_type)

    def dir_size(entries: int) -> int:
        return 16 + 8 * entries

    offset = dir_size(len(types))
    type_dirs: dict[int, int] = {}
    name_dirs: dict[int, int] = {}
    for t in types:
        type_dirs[t] = offset
        offset += dir_size(len(by_type[t]))
    for resource in resources:
        name_dirs[id(resource)] = offset
        offset += dir_size(1)
    data_entries: dict[int, int] = {}
    for resource in resources:
        data_entries[id(resource)] = offset
        offset += 16
    blobs: dict[int, int] = {}
    for resource in resources:
        offset = _align(offset, 4)
        blobs[id(resource)] = offset
        offset += len(resource.data)

    out = bytearray(offset)
    _write_dir(out, 0, [(t, type_dirs[t] | 0x80000000) for t in types])
    for t in types:
        _write_dir(out, type_dirs[t], [(r.name_id, name_dirs[id(r)] | 0x80000000) for r in by_type[t]])
    for index, resource in enumerate(resources):
        last = index == len(resources) - 1
        target = 0x80000000 if (loop and last) else data_entries[id(resource)]
        _write_dir(out, name_dirs[id(resource)], [(resource.lang, target)])
        struct.pack_into("<IIII", out, data_entries[id(resource)], base + blobs[id(resource)], len(resource.data), 0, 0)
        out[blobs[id(resource)] : blobs[id(resource)] + len(resource.data)] = resource.data
    return bytes(out), [data_entries[id(r)] for r in resources]


def _write_dir(out: bytearray, at: int, entries: list[tuple[int, int]]) -> None:
    struct.pack_into("<IIHHHH", out, at, 0, 0, 0, 0, 0, len(entries))
    for index, (ident, target) in enumerate(entries):
        struct.pack_into("<II", out, at + 16 + 8 * index, ident, target)


def _ver_node(key: str, value: bytes, value_length: int, value_type: int, children: bytes) -> bytes:
    head = struct.pack("<HHH", 0, value_length, value_type) + key.encode("utf-16-le") + b"\x00\x00"
    node = _pad4(head) + (_pad4(value) if value and children else value) + children
    return struct.pack("<H", len(node)) + node[2:]


def _dotnet(assembly: str | None, module: str | None, extra: list[str], *, rva: int) -> bytes:
    """CLR header followed by ECMA-335 metadata with a Module row and (optionally) an Assembly row."""
    strings = bytearray(b"\x00")
    indexes: dict[str, int] = {}
    for text in [module or "", assembly or "", *extra]:
        if text and text not in indexes:
            indexes[text] = len(strings)
            strings += text.encode("utf-8") + b"\x00"
    valid = 1 << 0x00
    rows = [1]
    module_row = struct.pack("<HHHHH", 0, indexes.get(module or "", 0), 1, 0, 0)
    table_rows = module_row
    if assembly:
        valid |= 1 << 0x20
        rows.append(1)
        table_rows += struct.pack("<IHHHHIHHH", 0x8004, 1, 0, 0, 0, 0, 0, indexes[assembly], 0)
    tables = struct.pack("<IBBBBQQ", 0, 2, 0, 0, 1, valid, 0) + b"".join(struct.pack("<I", r) for r in rows) + table_rows
    streams = [("#~", _pad4(tables)), ("#Strings", _pad4(bytes(strings))), ("#GUID", b"\x11" * 16), ("#Blob", b"\x00\x00\x00\x00")]

    version = b"v4.0.30319\x00\x00"
    header_size = 16 + len(version) + 4 + sum(8 + _align(len(n) + 1, 4) for n, _ in streams)
    root = struct.pack("<IHHII", 0x424A5342, 1, 1, 0, len(version)) + version + struct.pack("<HH", 0, len(streams))
    body = b""
    offset = header_size
    for name, blob in streams:
        root += struct.pack("<II", offset, len(blob)) + name.encode("ascii").ljust(_align(len(name) + 1, 4), b"\x00")
        body += blob
        offset += len(blob)
    metadata = root + body
    clr = struct.pack("<IHHIIII", 72, 2, 5, rva + 72, len(metadata), 1, 0x06000001) + b"\x00" * 48
    return clr + metadata
