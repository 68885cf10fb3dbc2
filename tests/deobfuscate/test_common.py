"""Shared pieces: bounded decoders, child emission limits, technique findings."""

from __future__ import annotations

import base64
import bz2
import gzip
import zlib

import pytest

from inspector.stage import ScanContext, ScanLimits
from inspector.config import Settings
from inspector.deobfuscate.common import (
    DecodeLimit,
    DeobfuscationLimits,
    LayerOutput,
    b64decode_loose,
    decompress,
    find_urls,
    technique_heuristic,
    text_of,
)
from inspector.model import ArtifactType
from tests.deobfuscate.peeling import payload_of


def test_base64_is_decoded_loosely_and_bounded() -> None:
    assert b64decode_loose("aGVs bG8\n", 100) == b"hello"
    assert b64decode_loose("-__-", 100) == b"\xfb\xff\xfe"  # URL-safe alphabet
    assert b64decode_loose("not base64!", 100) is None
    with pytest.raises(DecodeLimit):
        b64decode_loose(base64.b64encode(b"x" * 1000).decode(), 100)


@pytest.mark.parametrize(
    ("method", "packed"),
    [
        ("gzip", gzip.compress(b"payload" * 10)),
        ("bzip2", bz2.compress(b"payload" * 10)),
        ("zlib", zlib.compress(b"payload" * 10)),
    ],
)
def test_decompression_round_trips(method: str, packed: bytes) -> None:
    assert decompress(packed, method, 1000) == b"payload" * 10


def test_decompression_bomb_stops_at_the_bound() -> None:
    bomb = gzip.compress(b"\0" * 50_000_000)
    with pytest.raises(DecodeLimit):
        decompress(bomb, "gzip", 1024 * 1024)


def test_corrupt_stream_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        decompress(b"\x1f\x8bnot really", "gzip", 1000)


def test_text_of_recognises_utf16_and_refuses_binary() -> None:
    assert text_of("Write-Host".encode("utf-16-le")) == "Write-Host"
    assert text_of(bytes(range(256)) * 4) is None


def test_layer_output_deduplicates_bounds_count_and_size() -> None:
    payload = payload_of(b"source text", ArtifactType.POWERSHELL)
    limits = DeobfuscationLimits(max_children=2, max_child_bytes=1024)
    out = LayerOutput(payload, ScanContext(ScanLimits()), limits, "powershell")
    assert out.child("a", technique="t", origin_kind="decoded", offset=0, length=1, detail="", type_hint=None)
    assert not out.child("a", technique="t", origin_kind="decoded", offset=0, length=1, detail="", type_hint=None)
    assert not out.child("source text", technique="t", origin_kind="decoded", offset=0, length=1, detail="",
                         type_hint=None)
    assert out.child("x" * 5000, technique="t", origin_kind="decoded", offset=0, length=1, detail="", type_hint=None)
    assert not out.child("c", technique="t", origin_kind="decoded", offset=0, length=1, detail="", type_hint=None)
    result = out.finish()
    assert [len(c.data) for c in result.children] == [1, 1024]
    assert result.children[1].truncated
    assert {kind for kind, _ in result.errors} == {"limit_deobfuscation_size", "limit_deobfuscation_children"}


def test_details_and_snippets_are_redacted() -> None:
    payload = payload_of(b"x", ArtifactType.CMD)
    out = LayerOutput(payload, ScanContext(ScanLimits()), DeobfuscationLimits(), "cmd")
    secret = "https://acct.blob.core.windows.net/c/a.ps1?sv=2020&sig=SECRETSIGNATURE"
    out.child(secret, technique="t", origin_kind="decoded", offset=0, length=1, detail=secret, type_hint=None)
    out.technique(technique_heuristic("cmd", "t", "T", 10, "d"), 0, 1, "password=hunter2")
    result = out.finish()
    assert "SECRETSIGNATURE" not in result.children[0].layer.detail
    assert "hunter2" not in (result.findings[0].snippet or "")


def test_urls_are_found_and_bounded() -> None:
    ctx = ScanContext(ScanLimits())
    assert find_urls("get http://a.example/x and https://b.example/y?z=1;", ctx, 10) == [
        "http://a.example/x", "https://b.example/y?z=1"]
    assert len(find_urls(" ".join(f"http://h{i}.example/" for i in range(100)), ctx, 5)) == 5


def test_limits_come_from_settings() -> None:
    settings = Settings(deobfuscate_max_children=7, deobfuscate_max_parse_chars=4096)
    limits = DeobfuscationLimits.from_settings(settings)
    assert limits.max_children == 7 and limits.max_parse_chars == 4096
