"""Compressed streams (gzip, bzip2, xz) become one child artifact: the decompressed bytes.

Decompression is incremental with `max_length`, so a bomb is cut off at the limit instead of
being expanded into memory. A `.tar.gz` becomes a tar child here and its members are unpacked
when the pipeline scans that child (archives.py).
"""

from __future__ import annotations

import bz2
import lzma
import zlib
from collections.abc import Callable

from inspector.stage import AnalyzerOutput, Child, Payload, ScanContext
from inspector.model import Artifact, ArtifactType, ErrorKind, Layer
from inspector.unpack.archives import CHUNK, CORRUPT_ERRORS, ArchiveLimits, Cutoff, Expansion, clean_name


# Input is fed in slices so the ratio of output to input consumed so far is known as it
# grows: a bomb is recognised after its first slice, not after the whole member cap.
FEED = 16 * 1024


class _ZlibStream:
    """gzip via zlib: input it could not consume yet waits in `unconsumed_tail`."""

    def __init__(self, data: bytes) -> None:
        self._engine = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        self._data = data
        self._fed = 0
        self._tail = b""

    def step(self, max_length: int) -> bytes:
        if not self._tail and self._fed < len(self._data):
            self._tail = self._data[self._fed:self._fed + FEED]
            self._fed += len(self._tail)
        out = self._engine.decompress(self._tail, max_length)
        self._tail = self._engine.unconsumed_tail
        return out

    @property
    def eof(self) -> bool:
        return self._engine.eof

    @property
    def has_more(self) -> bool:
        return bool(self._tail) or self._fed < len(self._data)

    @property
    def consumed(self) -> int:
        return self._fed - len(self._tail)

    @property
    def leftover(self) -> bytes:
        return self._engine.unused_data + self._data[self._fed:]


class _BufferedStream:
    """bz2 and lzma: they keep unconsumed input inside and report `needs_input`."""

    def __init__(self, engine: bz2.BZ2Decompressor | lzma.LZMADecompressor, data: bytes) -> None:
        self._engine = engine
        self._data = data
        self._fed = 0

    def step(self, max_length: int) -> bytes:
        piece = b""
        if self._engine.needs_input and self._fed < len(self._data):
            piece = self._data[self._fed:self._fed + FEED]
            self._fed += len(piece)
        return self._engine.decompress(piece, max_length)

    @property
    def eof(self) -> bool:
        return self._engine.eof

    @property
    def has_more(self) -> bool:
        return not self._engine.needs_input or self._fed < len(self._data)

    @property
    def consumed(self) -> int:
        return self._fed

    @property
    def leftover(self) -> bytes:
        return self._engine.unused_data + self._data[self._fed:]


_Stream = _ZlibStream | _BufferedStream

_FORMATS: dict[ArtifactType, tuple[str, Callable[[bytes], _Stream]]] = {
    ArtifactType.GZIP: ("gzip", _ZlibStream),
    ArtifactType.BZIP2: ("bzip2", lambda data: _BufferedStream(bz2.BZ2Decompressor(), data)),
    ArtifactType.XZ: ("xz", lambda data: _BufferedStream(lzma.LZMADecompressor(format=lzma.FORMAT_AUTO), data)),
}


def gzip_name(data: bytes) -> str | None:
    """The original file name a gzip header may carry (FNAME), bounded."""
    if len(data) < 10 or data[:2] != b"\x1f\x8b" or not data[3] & 0x08:
        return None
    pos = 10
    if data[3] & 0x04:  # FEXTRA
        if len(data) < 12:
            return None
        pos += 2 + int.from_bytes(data[10:12], "little")
    end = data.find(b"\0", pos, pos + 1024)
    if end == -1:
        return None
    return clean_name(data[pos:end].decode("latin-1")) or None


class CompressedStreamUnpacker:
    """gzip, bzip2 and xz streams (including concatenated members) -> the decompressed child."""

    name = "compressed"
    version = "1"

    def __init__(self, limits: ArchiveLimits | None = None) -> None:
        self.limits = limits or ArchiveLimits()

    def accepts(self, artifact: Artifact) -> bool:
        return artifact.type in _FORMATS

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        kind, opener = _FORMATS[payload.type]
        exp = Expansion(self.limits, len(payload.data), kind, ctx)
        out = bytearray()
        truncated = False
        try:
            truncated = self._decompress(kind, opener, payload, exp, out)
        except Cutoff as stop:
            exp.out.errors.append((stop.kind, stop.detail))
            truncated = True
        except CORRUPT_ERRORS as exc:
            exp.out.errors.append((ErrorKind.ARCHIVE_CORRUPT, f"{kind} stream is corrupt after {len(out)} bytes: {exc}"[:300]))
            truncated = True
        if out:
            name = gzip_name(payload.data) if kind == "gzip" else None
            exp.out.children.append(Child(
                data=bytes(out), origin=f"{kind}:{name or 'stream'}", truncated=truncated,
                layer=Layer(technique=kind, detail=f"{len(payload.data)} -> {len(out)} bytes"),
            ))
        return exp.out

    def _decompress(self, kind: str, opener: Callable[[bytes], _Stream], payload: Payload, exp: Expansion,
                    out: bytearray) -> bool:
        """Fill `out`; True when the member cap cut it short."""
        cap = self.limits.max_member_bytes
        pending = payload.data
        while pending:
            if exp.ctx.expired():
                raise Cutoff(ErrorKind.DEADLINE, f"the scan deadline passed while decompressing {kind}")
            stream = opener(pending)
            start = len(out)
            while not stream.eof:
                chunk = stream.step(min(CHUNK, cap + 1 - len(out)))
                if chunk:
                    exp.grow(len(chunk), payload)
                    out += chunk
                    exp.check_ratio("stream", len(out) - start, stream.consumed, payload)
                    if len(out) > cap:
                        del out[cap:]
                        exp.out.errors.append((ErrorKind.ARCHIVE_MEMBER_TOO_LARGE, f"{kind} stream expands past {cap} "
                                               "bytes (unpack_max_member_bytes); only the first part was kept"))
                        return True
                elif not stream.has_more:
                    raise EOFError("the stream ends before its end marker")
            # Concatenated streams (`cat a.gz b.gz`) are one file to gunzip; padding is zeros.
            pending = stream.leftover.lstrip(b"\0")
        return False
