"""The .NET metadata reader finds module and assembly names, and never raises on damaged metadata."""

from __future__ import annotations

import struct

from inspector.analyzers.pe_dotnet import read_names
from tests.binaries.pe_builder import build_pe


def metadata_of(assembly: str | None, module: str | None, extra: list[str] | None = None) -> bytes:
    built = build_pe(dotnet_assembly=assembly, dotnet_module=module, dotnet_strings=extra)
    offset, _ = built.layout.sections[".clr"]
    clr = built.data[offset : offset + 72]
    size = struct.unpack_from("<I", clr, 12)[0]
    return built.data[offset + 72 : offset + 72 + size]


def test_assembly_module_and_runtime_names() -> None:
    names = read_names(metadata_of("Contoso.Agent", "Contoso.Agent.exe", ["Main", "Program"]))
    assert names is not None
    assert (names.runtime_version, names.module_name, names.assembly_name) == (
        "v4.0.30319", "Contoso.Agent.exe", "Contoso.Agent")


def test_a_module_without_an_assembly_row() -> None:
    names = read_names(metadata_of(None, "part.netmodule"))
    assert names is not None and (names.module_name, names.assembly_name) == ("part.netmodule", None)


def test_not_metadata() -> None:
    assert read_names(b"") is None
    assert read_names(b"MZ" + b"\x00" * 100) is None


def test_every_truncation_and_every_byte_flip_is_survived() -> None:
    metadata = metadata_of("A", "A.dll")
    for length in range(len(metadata)):
        read_names(metadata[:length])
    for position in range(len(metadata)):
        damaged = bytearray(metadata)
        damaged[position] ^= 0xFF
        result = read_names(bytes(damaged))
        assert result is None or isinstance(result.assembly_name, (str, type(None)))


def test_huge_row_counts_stop_at_the_stream_end() -> None:
    metadata = bytearray(metadata_of("A", "A.dll"))
    tables_at = metadata.find(b"\x00\x02\x00\x00\x01")  # reserved(4) then major 2, minor 0, heaps 0, reserved 1
    assert tables_at > 0
    struct.pack_into("<I", metadata, tables_at - 3 + 24, 0x7FFFFFFF)  # Module row count
    names = read_names(bytes(metadata))
    assert names is not None and names.assembly_name is None
