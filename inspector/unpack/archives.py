"""Archives (zip, tar, 7z) become one child artifact per member, within explicit limits.

The DSC extension ships its configuration as a zip; Custom Script Extension payloads are
often tarballs. Every member is read through a capped, chunked reader, so a bomb is cut off
after `max_member_bytes` / `max_total_bytes` instead of being expanded into memory; a
member count, an expansion ratio and the scan deadline bound the rest. Names that escape the
extraction folder (`../`, absolute paths, drive letters) are findings and errors; encrypted
members are reported, never guessed; a corrupt archive is an error, never an exception.
Nesting depth is the pipeline's `max_depth`: a member that is itself an archive is unpacked
when the pipeline scans that child.
"""

from __future__ import annotations

import io
import lzma
import struct
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING

import py7zr
from py7zr.exceptions import ArchiveError, Bad7zFile, PasswordRequired, UnsupportedCompressionMethodError
from py7zr.io import Py7zIO, WriterFactory

from inspector.stage import AnalyzerOutput, Child, Heuristic, Payload, ScanContext
from inspector.config import setting_default
from inspector.model import Artifact, ArtifactType, DetectionSource, ErrorKind, Layer

if TYPE_CHECKING:
    from inspector.config import Settings

CHUNK = 64 * 1024
MAX_NAME_CHARS = 200

# What hostile or broken archive bytes make the parsers and decompressors raise. Caught and
# reported as `archive_corrupt`: a broken archive is a finding about the input, not a crash.
CORRUPT_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zipfile.LargeZipFile, tarfile.TarError, Bad7zFile, ArchiveError,
    UnsupportedCompressionMethodError, zlib.error, lzma.LZMAError, struct.error, OSError, EOFError, ValueError,
    NotImplementedError, RuntimeError, KeyError, IndexError, TypeError, OverflowError,
)


@dataclass(frozen=True)
class ArchiveLimits:
    """Bounds for unpacking one archive or compressed stream; each is a Settings field."""

    max_members: int = setting_default("unpack_max_members")
    max_member_bytes: int = min(setting_default("unpack_max_member_bytes"),
                                setting_default("max_artifact_bytes"))
    max_total_bytes: int = setting_default("unpack_max_total_bytes")
    max_ratio: float = setting_default("unpack_max_ratio")
    # Small, repetitive files compress far beyond any sane ratio; judge the ratio only once
    # this much has been expanded, where it starts to cost memory.
    ratio_floor_bytes: int = 1024 * 1024

    @classmethod
    def from_settings(cls, settings: Settings) -> ArchiveLimits:
        return cls(
            max_members=settings.unpack_max_members,
            max_member_bytes=min(settings.unpack_max_member_bytes, settings.max_artifact_bytes),
            max_total_bytes=settings.unpack_max_total_bytes,
            max_ratio=settings.unpack_max_ratio,
        )


PATH_TRAVERSAL = Heuristic(
    id="structure.archive.path_traversal",
    title="Archive member escapes the extraction folder",
    description="A member name with `../`, an absolute path or a drive letter writes outside the folder "
    "the archive is unpacked into (zip-slip), e.g. over a startup script or a scheduled task.",
    score=300,
    attack=("T1222", "T1036"),
    source=DetectionSource.STRUCTURE,
)
ENCRYPTED_MEMBER = Heuristic(
    id="structure.archive.encrypted_member",
    title="Archive has encrypted members",
    description="Encrypted members hide their content from inspection; extension packages have no reason "
    "to be encrypted. The content was not analysed.",
    score=150,
    attack=("T1027.013",),
    source=DetectionSource.STRUCTURE,
)
DECOMPRESSION_BOMB = Heuristic(
    id="structure.archive.bomb",
    title="Archive or compressed stream is a decompression bomb",
    description="It expands far beyond its own size; unpacking was cut off at the configured limit.",
    score=300,
    attack=("T1499",),
    source=DetectionSource.STRUCTURE,
)

# Every detection this module declares, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = (PATH_TRAVERSAL, ENCRYPTED_MEMBER, DECOMPRESSION_BOMB)


class Cutoff(Exception):
    """A limit ended the unpacking of the current archive; (kind, detail) say which."""

    def __init__(self, kind: ErrorKind, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


def clean_name(name: str) -> str:
    """A member name fit for an origin string: printable, bounded."""
    printable = "".join(c if c.isprintable() else "?" for c in name)
    return printable[:MAX_NAME_CHARS]


def escapes_folder(name: str) -> bool:
    """True for names that would land outside the extraction folder on Windows or Linux."""
    normal = name.replace("\\", "/")
    if normal.startswith("/") or (len(normal) > 1 and normal[1] == ":" and normal[0].isalpha()):
        return True
    return any(part == ".." for part in normal.split("/"))


@dataclass
class Expansion:
    """Counts what one archive expanded to, and stops it at the first limit it passes."""

    limits: ArchiveLimits
    packed_size: int
    kind: str
    ctx: ScanContext
    members: int = 0
    total: int = 0
    out: AnalyzerOutput = field(default_factory=AnalyzerOutput)

    def next_member(self) -> None:
        if self.ctx.expired():
            raise Cutoff(ErrorKind.DEADLINE, f"the scan deadline passed while unpacking {self.kind}")
        if self.members >= self.limits.max_members:
            raise Cutoff(ErrorKind.ARCHIVE_TOO_MANY_MEMBERS, f"{self.kind} has more than {self.limits.max_members} members "
                         "(unpack_max_members); the rest were not unpacked")
        self.members += 1

    def grow(self, size: int, payload: Payload) -> None:
        self.total += size
        if self.total > self.limits.max_total_bytes:
            raise Cutoff(ErrorKind.ARCHIVE_TOO_LARGE, f"{self.kind} expands past {self.limits.max_total_bytes} bytes "
                         "(unpack_max_total_bytes); unpacking stopped")
        if self.total > self.limits.ratio_floor_bytes and self.total > self.limits.max_ratio * max(self.packed_size, 1):
            self.out.findings.append(DECOMPRESSION_BOMB.finding(payload, snippet=f"{self.kind}: {self.total} bytes "
                                                                f"from {self.packed_size}"))
            raise Cutoff(ErrorKind.ARCHIVE_BOMB, f"{self.kind} expands more than {self.limits.max_ratio:g} times its size "
                         "(unpack_max_ratio); unpacking stopped")

    def check_declared(self, name: str, size: int, packed: int, payload: Payload) -> None:
        """Refuse a member whose header already says it is a bomb. (zipfile never returns more
        than the declared size, so a header that understates it cannot hide one either.)"""
        if size > self.limits.ratio_floor_bytes and size > self.limits.max_ratio * max(packed, 1):
            self.out.findings.append(DECOMPRESSION_BOMB.finding(payload, snippet=f"{self.kind} member "
                                                                f"{clean_name(name)}: {size} bytes from {packed}"))
            raise Cutoff(ErrorKind.ARCHIVE_BOMB, f"{self.kind} member {clean_name(name)} declares {size} bytes from {packed} "
                         f"(over unpack_max_ratio {self.limits.max_ratio:g}); unpacking stopped")

    def check_ratio(self, name: str, expanded: int, packed: int, payload: Payload) -> None:
        """Stop once `packed` input bytes have expanded past max_ratio times their size."""
        if expanded > self.limits.ratio_floor_bytes and expanded > self.limits.max_ratio * max(packed, 1):
            self.out.findings.append(DECOMPRESSION_BOMB.finding(payload, snippet=f"{self.kind} {clean_name(name)}: "
                                                                f"over {expanded} bytes from {packed}"))
            raise Cutoff(ErrorKind.ARCHIVE_BOMB, f"{self.kind} {clean_name(name)} expands more than {self.limits.max_ratio:g} "
                         "times its packed size (unpack_max_ratio); unpacking stopped")

    def read(self, stream: IO[bytes], name: str, payload: Payload, packed: int | None = None) -> tuple[bytes, bool]:
        """Read one member in chunks. A member over max_member_bytes keeps its capped prefix;
        one expanding past max_ratio times its own packed size stops the archive (a bomb)."""
        buf = bytearray()
        cap = self.limits.max_member_bytes
        while True:
            chunk = stream.read(min(CHUNK, cap + 1 - len(buf)))
            if not chunk:
                return bytes(buf), False
            self.grow(len(chunk), payload)
            buf += chunk
            if packed is not None:
                self.check_ratio(name, len(buf), packed, payload)
            if len(buf) > cap:
                self.out.errors.append((ErrorKind.ARCHIVE_MEMBER_TOO_LARGE, f"{self.kind} member {clean_name(name)} is larger "
                                        f"than {cap} bytes (unpack_max_member_bytes); only the first {cap} were kept"))
                return bytes(buf[:cap]), True

    def member(self, payload: Payload, name: str, data: bytes, truncated: bool, technique: str) -> None:
        origin = f"{self.kind}:{clean_name(name)}"
        self.out.children.append(Child(data=data, origin=origin, truncated=truncated,
                                       layer=Layer(technique=technique, detail=clean_name(name))))

    def traversal(self, payload: Payload, name: str) -> None:
        self.out.findings.append(PATH_TRAVERSAL.finding(payload, snippet=clean_name(name)))
        self.out.errors.append((ErrorKind.ARCHIVE_PATH_TRAVERSAL, f"{self.kind} member {clean_name(name)!r} escapes the "
                                "extraction folder"))

    def encrypted(self, payload: Payload, names: list[str]) -> None:
        if not names:
            return
        shown = ", ".join(clean_name(n) for n in names[:5]) + (" ..." if len(names) > 5 else "")
        self.out.findings.append(ENCRYPTED_MEMBER.finding(payload, snippet=shown, count=len(names)))
        self.out.errors.append((ErrorKind.ARCHIVE_ENCRYPTED, f"{len(names)} encrypted {self.kind} member(s) not analysed: {shown}"))


class ZipUnpacker:
    """Zip archives: DSC configuration packages, module bundles, dropped tool kits."""

    name = "zip"
    version = "1"

    def __init__(self, limits: ArchiveLimits | None = None) -> None:
        self.limits = limits or ArchiveLimits()

    def accepts(self, artifact: Artifact) -> bool:
        return artifact.type == ArtifactType.ZIP

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        exp = Expansion(self.limits, len(payload.data), "zip", ctx)
        try:
            with zipfile.ZipFile(io.BytesIO(payload.data)) as archive:
                self._members(archive, exp, payload)
        except Cutoff as stop:
            exp.out.errors.append((stop.kind, stop.detail))
        except CORRUPT_ERRORS as exc:
            exp.out.errors.append((ErrorKind.ARCHIVE_CORRUPT, f"zip cannot be read: {type(exc).__name__}: {exc}"[:300]))
        return exp.out

    def _members(self, archive: zipfile.ZipFile, exp: Expansion, payload: Payload) -> None:
        encrypted: list[str] = []
        try:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                exp.next_member()
                if escapes_folder(info.filename):
                    exp.traversal(payload, info.filename)
                if info.flag_bits & 0x1:
                    encrypted.append(info.filename)
                    continue
                exp.check_declared(info.filename, info.file_size, info.compress_size, payload)
                try:
                    with archive.open(info) as stream:
                        data, truncated = exp.read(stream, info.filename, payload, packed=info.compress_size)
                except CORRUPT_ERRORS as exc:
                    exp.out.errors.append((ErrorKind.ARCHIVE_CORRUPT, f"zip member {clean_name(info.filename)}: "
                                           f"{type(exc).__name__}: {exc}"[:300]))
                    continue
                exp.member(payload, info.filename, data, truncated, "zip-member")
        finally:
            exp.encrypted(payload, encrypted)


class TarUnpacker:
    """Tar archives (their gzip/bzip2/xz wrapper is unpacked first by the compressed-stream stage)."""

    name = "tar"
    version = "1"

    def __init__(self, limits: ArchiveLimits | None = None) -> None:
        self.limits = limits or ArchiveLimits()

    def accepts(self, artifact: Artifact) -> bool:
        return artifact.type == ArtifactType.TAR

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        exp = Expansion(self.limits, len(payload.data), "tar", ctx)
        try:
            with tarfile.open(fileobj=io.BytesIO(payload.data), mode="r:") as archive:
                for info in _iter_tar(archive):
                    self._member(archive, info, exp, payload)
        except Cutoff as stop:
            exp.out.errors.append((stop.kind, stop.detail))
        except CORRUPT_ERRORS as exc:
            exp.out.errors.append((ErrorKind.ARCHIVE_CORRUPT, f"tar cannot be read: {type(exc).__name__}: {exc}"[:300]))
        return exp.out

    def _member(self, archive: tarfile.TarFile, info: tarfile.TarInfo, exp: Expansion, payload: Payload) -> None:
        if info.isdir():
            return
        exp.next_member()
        if escapes_folder(info.name):
            exp.traversal(payload, info.name)
        if info.issym() or info.islnk():
            if escapes_folder(info.linkname):  # a link is how a later member gets written outside
                exp.traversal(payload, f"{info.name} -> {info.linkname}")
            return
        if not info.isfile():
            return  # devices and fifos carry no content
        stream = archive.extractfile(info)
        if stream is None:
            return
        with stream:
            data, truncated = exp.read(stream, info.name, payload)
        exp.member(payload, info.name, data, truncated, "tar-member")


def _iter_tar(archive: tarfile.TarFile) -> Iterator[tarfile.TarInfo]:
    """Members one header at a time (TarFile.getmembers() would read all 10,000 first)."""
    while True:
        info = archive.next()
        if info is None:
            return
        yield info


class SevenZipUnpacker:
    """7z archives, via py7zr. Declared sizes are checked before anything is decompressed,
    because py7zr hands each member over in one piece rather than in chunks."""

    name = "7z"
    version = "1"

    def __init__(self, limits: ArchiveLimits | None = None) -> None:
        self.limits = limits or ArchiveLimits()

    def accepts(self, artifact: Artifact) -> bool:
        return artifact.type == ArtifactType.SEVENZIP

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        exp = Expansion(self.limits, len(payload.data), "7z", ctx)
        try:
            with py7zr.SevenZipFile(io.BytesIO(payload.data), mode="r") as archive:
                self._unpack(archive, exp, payload)
        except Cutoff as stop:
            exp.out.errors.append((stop.kind, stop.detail))
        except PasswordRequired:
            exp.encrypted(payload, ["(archive headers)"])
        except CORRUPT_ERRORS as exc:
            exp.out.errors.append((ErrorKind.ARCHIVE_CORRUPT, f"7z cannot be read: {type(exc).__name__}: {exc}"[:300]))
        return exp.out

    def _unpack(self, archive: py7zr.SevenZipFile, exp: Expansion, payload: Payload) -> None:
        files = [f for f in archive.list() if not f.is_directory]
        for f in files:
            if escapes_folder(f.filename):
                exp.traversal(payload, f.filename)
        if archive.needs_password():
            exp.encrypted(payload, [f.filename for f in files])
            return
        kept = files[: self.limits.max_members]
        declared = {f.filename: int(f.uncompressed or 0) for f in kept}
        total = sum(declared.values())
        if total > self.limits.max_total_bytes:
            raise Cutoff(ErrorKind.ARCHIVE_TOO_LARGE, f"7z declares {total} bytes, over unpack_max_total_bytes "
                         f"{self.limits.max_total_bytes}; not decompressed")
        if total > self.limits.ratio_floor_bytes and total > self.limits.max_ratio * max(len(payload.data), 1):
            exp.out.findings.append(DECOMPRESSION_BOMB.finding(payload, snippet=f"7z: {total} bytes declared "
                                                               f"from {len(payload.data)}"))
            raise Cutoff(ErrorKind.ARCHIVE_BOMB, f"7z declares {total} bytes from {len(payload.data)} (over "
                         f"unpack_max_ratio {self.limits.max_ratio:g}); not decompressed")
        biggest = max(declared.values(), default=0)
        if biggest > self.limits.max_member_bytes:
            raise Cutoff(ErrorKind.ARCHIVE_MEMBER_TOO_LARGE, f"a 7z member declares {biggest} bytes, over "
                         f"unpack_max_member_bytes {self.limits.max_member_bytes}; not decompressed")
        writers = _CappedWriters(exp, payload)
        try:
            archive.extract(targets=list(declared), factory=writers)
        finally:  # what was written before a limit stopped extraction is still analysed
            for name, writer in writers.products.items():
                truncated = writer.truncated or len(writer.buf) < declared.get(name, 0)
                exp.member(payload, name, bytes(writer.buf), truncated, "7z-member")
        if len(files) > len(kept):
            exp.out.errors.append((ErrorKind.ARCHIVE_TOO_MANY_MEMBERS, f"7z has {len(files)} members, more than "
                                   f"{self.limits.max_members} (unpack_max_members); the rest were not unpacked"))


class _CappedWriter(Py7zIO):
    """Receives one 7z member; every byte counts against the archive's limits."""

    def __init__(self, exp: Expansion, payload: Payload) -> None:
        self.exp = exp
        self.payload = payload
        self.buf = bytearray()
        self.truncated = False

    def write(self, s: bytes | bytearray) -> int:
        self.exp.grow(len(s), self.payload)
        room = max(self.exp.limits.max_member_bytes - len(self.buf), 0)
        self.truncated = self.truncated or len(s) > room
        self.buf += s[:room]
        return len(s)

    def read(self, size: int | None = None) -> bytes:
        return b""  # write-only: py7zr never reads back what it extracted to a factory

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0

    def flush(self) -> None:
        return None

    def size(self) -> int:
        return len(self.buf)


class _CappedWriters(WriterFactory):
    def __init__(self, exp: Expansion, payload: Payload) -> None:
        self.exp = exp
        self.payload = payload
        self.products: dict[str, _CappedWriter] = {}

    def create(self, filename: str) -> Py7zIO:
        self.exp.next_member()
        writer = _CappedWriter(self.exp, self.payload)
        self.products[filename] = writer
        return writer
