"""Zip, tar and 7z unpacking: members become children, and every limit cuts off with a reason."""

from __future__ import annotations

import hashlib
import io
import random
import tarfile
import zipfile

import py7zr
import pytest

from inspector.stage import AnalyzerOutput, Payload, ScanContext, ScanLimits
from inspector.config import Settings
from inspector.model import Artifact, ArtifactType
from inspector.unpack import UNPACKERS
from inspector.unpack.archives import ArchiveLimits, SevenZipUnpacker, TarUnpacker, ZipUnpacker, escapes_folder
from tests.timing import finishes_within_cpu, frozen_clock

SMALL = ArchiveLimits(max_members=50, max_member_bytes=1024 * 1024, max_total_bytes=3 * 1024 * 1024, max_ratio=100,
                      ratio_floor_bytes=64 * 1024)


def payload(data: bytes, kind: ArtifactType) -> Payload:
    artifact = Artifact(sha256=hashlib.sha256(data).hexdigest(), size=len(data), type=kind, origin="fileUris[0]")
    return Payload(artifact, data, None)


def ctx(deadline_s: float = 20.0) -> ScanContext:
    return ScanContext(limits=ScanLimits(deadline_s=deadline_s), clock=frozen_clock)  # only 0 s passes


def make_zip(members: dict[str, bytes], *, encrypted: tuple[str, ...] = ()) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return mark_encrypted(buf.getvalue(), encrypted) if encrypted else buf.getvalue()


def mark_encrypted(data: bytes, names: tuple[str, ...]) -> bytes:
    """Set the 'encrypted' flag bit of members (zipfile cannot write encrypted archives)."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        offsets = [i.header_offset for i in archive.infolist() if i.filename in names]
    for offset in offsets:  # local file header: flags at +6
        out[offset + 6] |= 0x1
    pos = out.find(b"PK\x01\x02")
    while pos != -1:  # central directory entries: flags at +8, name at +46
        name_len = int.from_bytes(out[pos + 28:pos + 30], "little")
        if out[pos + 46:pos + 46 + name_len].decode() in names:
            out[pos + 8] |= 0x1
        pos = out.find(b"PK\x01\x02", pos + 46)
    return bytes(out)


def make_tar(members: dict[str, bytes], links: dict[str, str] | None = None) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            archive.addfile(info)
    return buf.getvalue()


def make_7z(members: dict[str, bytes], password: str | None = None) -> bytes:
    buf = io.BytesIO()
    with py7zr.SevenZipFile(buf, "w", password=password, header_encryption=bool(password)) as archive:
        for name, data in members.items():
            archive.writestr(data, name)
    return buf.getvalue()


def kinds(out: AnalyzerOutput) -> list[str]:
    return [kind for kind, _ in out.errors]


def test_a_dsc_package_becomes_one_child_per_member() -> None:
    data = make_zip({"cfg.ps1": b"Configuration Cfg {}\n", "xModule/xModule.psm1": b"function Get-X {}\n",
                     "xModule/": b""})
    out = ZipUnpacker().analyze(payload(data, ArtifactType.ZIP), ctx())
    assert [(c.origin, c.data) for c in out.children] == [
        ("zip:cfg.ps1", b"Configuration Cfg {}\n"), ("zip:xModule/xModule.psm1", b"function Get-X {}\n")]
    assert all(c.layer is not None and c.layer.technique == "zip-member" for c in out.children)
    assert out.errors == [] and out.findings == []


@pytest.mark.parametrize("name", ["../../Windows/System32/Tasks/upd.ps1", "/etc/cron.d/job", "C:\\Users\\Public\\a.ps1",
                                  "ok/../../escape.sh", "..\\..\\startup.bat"])
def test_zip_member_names_that_escape_are_findings_and_errors(name: str) -> None:
    out = ZipUnpacker().analyze(payload(make_zip({name: b"echo x\n"}), ArtifactType.ZIP), ctx())
    assert [f.id for f in out.findings] == ["structure.archive.path_traversal"]
    assert out.findings[0].source == "structure"
    assert kinds(out) == ["archive_path_traversal"]
    assert len(out.children) == 1  # the content is still analysed


@pytest.mark.parametrize("name, escapes", [("a/b/c.ps1", False), ("..a/b", False), ("a/..b", False),
                                           ("../a", True), ("a/../../b", True), ("/a", True), ("D:x", True)])
def test_escape_rule(name: str, escapes: bool) -> None:
    assert escapes_folder(name) is escapes


def test_encrypted_zip_members_are_reported_not_guessed() -> None:
    data = make_zip({"readme.txt": b"hello\n", "secret.ps1": b"not really encrypted"}, encrypted=("secret.ps1",))
    out = ZipUnpacker().analyze(payload(data, ArtifactType.ZIP), ctx())
    assert [c.origin for c in out.children] == ["zip:readme.txt"]
    assert [f.id for f in out.findings] == ["structure.archive.encrypted_member"]
    assert kinds(out) == ["archive_encrypted"] and "secret.ps1" in out.errors[0][1]


def test_a_zip_bomb_is_cut_off_by_its_ratio_without_expanding_it() -> None:
    bomb = make_zip({"bomb.bin": b"\0" * (64 * 1024 * 1024)})
    assert len(bomb) < 100_000
    with finishes_within_cpu():
        out = ZipUnpacker(SMALL).analyze(payload(bomb, ArtifactType.ZIP), ctx())
    assert "archive_bomb" in kinds(out)
    assert [f.id for f in out.findings] == ["structure.archive.bomb"]
    assert sum(len(c.data) for c in out.children) <= SMALL.max_member_bytes


def test_many_moderate_members_are_cut_off_by_the_total_size() -> None:
    noise = random.Random(7)
    members = {f"part{i}.bin": noise.randbytes(512 * 1024) for i in range(10)}  # incompressible: ratio 1
    out = ZipUnpacker(SMALL).analyze(payload(make_zip(members), ArtifactType.ZIP), ctx())
    assert "archive_too_large" in kinds(out)
    assert sum(len(c.data) for c in out.children) <= SMALL.max_total_bytes


def test_a_member_over_the_member_cap_keeps_a_truncated_prefix() -> None:
    limits = ArchiveLimits(max_member_bytes=64 * 1024, max_ratio=10_000)
    out = ZipUnpacker(limits).analyze(payload(make_zip({"big.ps1": b"Write-Host x\n" * 20_000}), ArtifactType.ZIP), ctx())
    [child] = out.children
    assert child.truncated and len(child.data) == 64 * 1024
    assert kinds(out) == ["archive_member_too_large"]


def test_a_ten_thousand_member_zip_stops_at_the_member_limit() -> None:
    data = make_zip({f"f{i}.txt": b"x" for i in range(10_000)})
    with finishes_within_cpu():
        out = ZipUnpacker(ArchiveLimits(max_members=1000)).analyze(payload(data, ArtifactType.ZIP), ctx())
    assert len(out.children) == 1000
    assert kinds(out) == ["archive_too_many_members"] and "1000" in out.errors[0][1]


def test_a_ten_thousand_member_tar_stops_at_the_member_limit() -> None:
    data = make_tar({f"f{i}.txt": b"x" for i in range(10_000)})
    out = TarUnpacker(ArchiveLimits(max_members=1000)).analyze(payload(data, ArtifactType.TAR), ctx())
    assert len(out.children) == 1000 and kinds(out) == ["archive_too_many_members"]


def test_tar_members_become_children() -> None:
    out = TarUnpacker().analyze(payload(make_tar({"install.sh": b"#!/bin/sh\necho hi\n"}), ArtifactType.TAR), ctx())
    assert [(c.origin, c.data) for c in out.children] == [("tar:install.sh", b"#!/bin/sh\necho hi\n")]
    assert out.children[0].layer is not None and out.children[0].layer.technique == "tar-member"


def test_tar_path_traversal_by_name_and_by_link_is_reported() -> None:
    data = make_tar({"../../etc/cron.d/miner": b"* * * * * root /tmp/x\n", "ok.sh": b"echo\n"},
                    links={"etc": "/etc", "fine": "ok.sh"})
    out = TarUnpacker().analyze(payload(data, ArtifactType.TAR), ctx())
    assert [f.id for f in out.findings] == ["structure.archive.path_traversal"] * 2
    assert kinds(out) == ["archive_path_traversal"] * 2
    assert [c.origin for c in out.children] == ["tar:../../etc/cron.d/miner", "tar:ok.sh"]


def test_7z_members_become_children() -> None:
    out = SevenZipUnpacker().analyze(payload(make_7z({"a/run.ps1": b"Write-Host 7z\n"}), ArtifactType.SEVENZIP), ctx())
    assert [(c.origin, c.data) for c in out.children] == [("7z:a/run.ps1", b"Write-Host 7z\n")]
    assert out.errors == []


def test_a_7z_bomb_is_refused_from_its_declared_sizes_before_decompressing() -> None:
    data = make_7z({"zeros.bin": b"\0" * (4 * 1024 * 1024)})
    out = SevenZipUnpacker(SMALL).analyze(payload(data, ArtifactType.SEVENZIP), ctx())
    assert out.children == [] and kinds(out) == ["archive_too_large"]
    out = SevenZipUnpacker(ArchiveLimits(max_ratio=100)).analyze(payload(data, ArtifactType.SEVENZIP), ctx())
    assert kinds(out) == ["archive_bomb"] and [f.id for f in out.findings] == ["structure.archive.bomb"]


def test_an_encrypted_7z_is_reported_not_guessed() -> None:
    data = make_7z({"secret.ps1": b"Invoke-Thing\n"}, password="infected")
    out = SevenZipUnpacker().analyze(payload(data, ArtifactType.SEVENZIP), ctx())
    assert out.children == [] and kinds(out) == ["archive_encrypted"]
    assert [f.id for f in out.findings] == ["structure.archive.encrypted_member"]


def test_too_many_7z_members_are_cut_at_the_limit() -> None:
    data = make_7z({f"f{i}.txt": b"x" for i in range(30)})
    out = SevenZipUnpacker(ArchiveLimits(max_members=10)).analyze(payload(data, ArtifactType.SEVENZIP), ctx())
    assert len(out.children) == 10 and kinds(out) == ["archive_too_many_members"]


@pytest.mark.parametrize("unpacker, kind, data", [
    (ZipUnpacker(), ArtifactType.ZIP, b"PK\x03\x04" + b"\xff" * 200),
    (ZipUnpacker(), ArtifactType.ZIP, make_zip({"a.ps1": b"Write-Host hello world\n" * 50})[:-30]),
    (TarUnpacker(), ArtifactType.TAR, b"\x00" * 100 + b"ustar" + b"\x01" * 600),
    (SevenZipUnpacker(), ArtifactType.SEVENZIP, b"7z\xbc\xaf\x27\x1c" + b"\x00\x04" + b"\xee" * 300),
    (SevenZipUnpacker(), ArtifactType.SEVENZIP, make_7z({"a.ps1": b"Write-Host hello\n" * 100})[:-20]),
])
def test_corrupt_archives_are_errors_not_exceptions(unpacker: ZipUnpacker, kind: ArtifactType, data: bytes) -> None:
    out = unpacker.analyze(payload(data, kind), ctx())
    assert "archive_corrupt" in kinds(out)


def test_the_scan_deadline_stops_unpacking() -> None:
    out = ZipUnpacker().analyze(payload(make_zip({"a.txt": b"a", "b.txt": b"b"}), ArtifactType.ZIP), ctx(deadline_s=0))
    assert kinds(out) == ["deadline"] and out.children == []


def test_limits_come_from_settings() -> None:
    settings = Settings(unpack_max_members=7, unpack_max_member_bytes=4096, unpack_max_total_bytes=8192,
                        unpack_max_ratio=50)
    limits = ArchiveLimits.from_settings(settings)
    assert (limits.max_members, limits.max_member_bytes, limits.max_total_bytes, limits.max_ratio) == (7, 4096, 8192, 50)


def test_the_unpackers_are_registered_and_accept_their_types() -> None:
    accepted = {kind for kind in ArtifactType for u in UNPACKERS
                if u.accepts(Artifact(sha256="0" * 64, size=1, type=kind, origin="x"))}
    assert accepted == {ArtifactType.ZIP, ArtifactType.TAR, ArtifactType.SEVENZIP, ArtifactType.GZIP,
                        ArtifactType.BZIP2, ArtifactType.XZ}


@pytest.mark.parametrize("unpacker, kind", [
    (ZipUnpacker(), ArtifactType.ZIP), (TarUnpacker(), ArtifactType.TAR), (SevenZipUnpacker(), ArtifactType.SEVENZIP),
])
def test_randomly_damaged_archives_never_raise(unpacker: ZipUnpacker, kind: ArtifactType) -> None:
    """Flipped bytes and cut tails in every structure (headers, directories, compressed data,
    CRCs) end as errors: found by fuzzing, where corrupt deflate/LZMA data used to escape."""
    members = {"a.ps1": b"Write-Host hello world\n" * 40, "b/c.txt": b"abc" * 90}
    data = {ArtifactType.ZIP: make_zip(members), ArtifactType.TAR: make_tar(members),
            ArtifactType.SEVENZIP: make_7z(members)}[kind]
    rng = random.Random(2026)
    for _ in range(150):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        if rng.random() < 0.2:
            damaged = damaged[: rng.randrange(1, len(damaged))]
        unpacker.analyze(payload(bytes(damaged), kind), ctx())  # must return, whatever it finds
