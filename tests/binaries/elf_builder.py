"""Builds minimal ELF images in code: chosen class, byte order, machine, type, interpreter,
dynamic segment, symbol table, section names, embedded strings and a UPX-style layout.

Encoded from the System V ABI (ELF header, program and section headers); no real binary is
copied. `ElfLayout` gives the offsets of header fields for malformed-input tests.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

EM_386 = 3
EM_ARM = 40
EM_X86_64 = 62
EM_AARCH64 = 183
ET_EXEC = 2
ET_DYN = 3
PT_LOAD, PT_DYNAMIC, PT_INTERP = 1, 2, 3
SHT_PROGBITS, SHT_SYMTAB, SHT_STRTAB, SHT_DYNAMIC = 1, 2, 3, 6
BASE = 0x400000


@dataclass
class ElfLayout:
    program_headers: int
    section_headers: int | None
    e_phnum: int  # file offset of the e_phnum field
    e_shnum: int


@dataclass
class BuiltElf:
    data: bytes
    layout: ElfLayout


def build_elf(
    *,
    bits: int = 64,
    endian: str = "little",
    machine: int = EM_X86_64,
    elf_type: int = ET_EXEC,
    interpreter: str | None = None,
    dynamic: bool = False,
    symtab: bool = False,
    text: bytes = b"\x90" * 32 + b"\xc3",
    strings: list[bytes] | None = None,
    extra_sections: list[tuple[str, bytes]] | None = None,
    upx: bool = False,
) -> BuiltElf:
    """An ELF image; `upx=True` writes the UPX! marker and, like UPX, no section headers."""
    e = "<" if endian == "little" else ">"
    is64 = bits == 64
    ehsize, phentsize, shentsize = (64, 56, 64) if is64 else (52, 32, 40)

    # Sections (name, type, data), in file order after the program headers.
    sections: list[tuple[str, int, bytes]] = []
    if interpreter is not None:
        sections.append((".interp", SHT_PROGBITS, interpreter.encode() + b"\x00"))
    sections.append((".text", SHT_PROGBITS, (b"UPX!" + b"\x00" * 12 + text) if upx else text))
    if strings:
        sections.append((".rodata", SHT_PROGBITS, b"\x00".join(strings) + b"\x00"))
    if dynamic:
        entry = struct.pack(e + ("qQ" if is64 else "iI"), 0, 0)  # DT_NULL
        sections.append((".dynamic", SHT_DYNAMIC, entry))
    if symtab:
        sections.append((".symtab", SHT_SYMTAB, b"\x00" * (24 if is64 else 16)))
        sections.append((".strtab", SHT_STRTAB, b"\x00main\x00"))
    for name, data in extra_sections or []:
        sections.append((name, SHT_PROGBITS, data))
    names = b"\x00" + b"".join(n.encode() + b"\x00" for n, _, _ in sections) + b".shstrtab\x00"
    sections.append((".shstrtab", SHT_STRTAB, names))

    phdrs = [PT_LOAD] + ([PT_INTERP] if interpreter is not None else []) + ([PT_DYNAMIC] if dynamic else [])
    offset = ehsize + phentsize * len(phdrs)
    placed: list[tuple[str, int, bytes, int]] = []
    for name, kind, data in sections:
        offset = (offset + 7) & ~7
        placed.append((name, kind, data, offset))
        offset += len(data)
    shoff = (offset + 7) & ~7
    emit_sections = not upx
    file_size = shoff + (shentsize * (len(placed) + 1) if emit_sections else 0)

    def find(name: str) -> tuple[int, int]:
        for n, _, data, at in placed:
            if n == name:
                return at, len(data)
        raise KeyError(name)

    ident = b"\x7fELF" + bytes([2 if is64 else 1, 1 if endian == "little" else 2, 1, 0]) + b"\x00" * 8
    entry_point = BASE + find(".text")[0]
    shnum = len(placed) + 1 if emit_sections else 0
    shstrndx = len(placed) if emit_sections else 0
    if is64:
        header = ident + struct.pack(e + "HHIQQQIHHHHHH", elf_type, machine, 1, entry_point, ehsize,
                                     shoff if emit_sections else 0, 0, ehsize, phentsize, len(phdrs), shentsize,
                                     shnum, shstrndx)
    else:
        header = ident + struct.pack(e + "HHIIIIIHHHHHH", elf_type, machine, 1, entry_point, ehsize,
                                     shoff if emit_sections else 0, 0, ehsize, phentsize, len(phdrs), shentsize,
                                     shnum, shstrndx)

    out = bytearray(file_size)
    out[: len(header)] = header
    for index, kind in enumerate(phdrs):
        if kind == PT_LOAD:
            p_offset, p_size, flags = 0, shoff, 5
        elif kind == PT_INTERP:
            (p_offset, p_size), flags = find(".interp"), 4
        else:
            (p_offset, p_size), flags = find(".dynamic"), 6
        at = ehsize + index * phentsize
        if is64:
            struct.pack_into(e + "IIQQQQQQ", out, at, kind, flags, p_offset, BASE + p_offset, BASE + p_offset,
                             p_size, p_size, 0x1000 if kind == PT_LOAD else 1)
        else:
            struct.pack_into(e + "IIIIIIII", out, at, kind, p_offset, BASE + p_offset, BASE + p_offset,
                             p_size, p_size, flags, 0x1000 if kind == PT_LOAD else 1)
    name_offsets: dict[str, int] = {}
    cursor = 1
    for name, _, _ in sections[:-1]:
        name_offsets[name] = cursor
        cursor += len(name) + 1
    name_offsets[".shstrtab"] = cursor
    for name, kind, data, at in placed:
        out[at : at + len(data)] = data
    if emit_sections:
        for index, (name, kind, data, at) in enumerate(placed, start=1):
            link = next((i for i, p in enumerate(placed, start=1) if p[0] == ".strtab"), 0) if kind == SHT_SYMTAB else 0
            entsize = (24 if is64 else 16) if kind == SHT_SYMTAB else 0
            sh = shoff + index * shentsize
            if is64:
                struct.pack_into(e + "IIQQQQIIQQ", out, sh, name_offsets[name], kind, 2, BASE + at, at, len(data),
                                 link, 1 if kind == SHT_SYMTAB else 0, 8, entsize)
            else:
                struct.pack_into(e + "IIIIIIIIII", out, sh, name_offsets[name], kind, 2, BASE + at, at, len(data),
                                 link, 1 if kind == SHT_SYMTAB else 0, 4, entsize)
    phnum_at = 56 if is64 else 44
    layout = ElfLayout(ehsize, shoff if emit_sections else None, phnum_at, phnum_at + 4)
    return BuiltElf(bytes(out), layout)
