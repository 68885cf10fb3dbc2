"""Executables hidden inside scripts: PE and ELF images as base64, hex, byte arrays or
compressed (gzip/zlib/raw deflate) base64 blobs, each emitted as a child artifact.

Entry point: `EmbeddedExecutableAnalyzer.analyze`. This is how reflective loaders travel:
`[Reflection.Assembly]::Load([Convert]::FromBase64String('TVqQ...'))`, a `[Byte[]]` literal
passed to VirtualAlloc, or `echo f0VMR... | base64 -d > /tmp/x`. The child is typed by its
content and analysed by the PE/ELF analyzers like any other artifact.

Bounded: candidate patterns have upper limits (BinaryLimits.max_embedded_blob_chars), at most
`max_embedded_blobs` candidates are decoded, decompression output is capped at the artifact
size limit, and every regex runs with the scan's regex timeout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import base64
import binascii
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

import regex

from inspector.stage import Analyzer, AnalyzerOutput, Child, Heuristic, Payload, ScanContext
from inspector.analyzers.binary_common import BinaryLimits, is_elf_at, is_pe_at
from inspector.model import TEXT_TYPES, Artifact, ArtifactType, DetectionSource, ErrorKind, Layer, Location

H_PE = Heuristic("embedded.pe_in_script", "Windows executable embedded in a script",
                 "The script carries a PE image (base64, hex, byte array or compressed blob): the shape of "
                 "reflective loading, where the program runs from memory and never touches disk as a file.",
                 500, ("T1620", "T1027"), cap=800, source=DetectionSource.STRUCTURE)
H_ELF = Heuristic("embedded.elf_in_script", "Linux executable embedded in a script",
                  "The script carries an ELF image (base64, hex, byte array or compressed blob) that it writes "
                  "out or runs: a dropper hiding its payload from URL-based controls.", 400, ("T1027", "T1105"),
                  cap=700, source=DetectionSource.STRUCTURE)

# Every detection this module declares, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = (H_PE, H_ELF)

_MIN_BASE64_CHARS = 128  # 96 bytes: smaller than any real PE/ELF header block
_MIN_HEX_BYTES = 64
_MIN_ARRAY_ITEMS = 64
_GZIP = b"\x1f\x8b"
_ZLIB_HEADERS = (b"\x78\x01", b"\x78\x5e", b"\x78\x9c", b"\x78\xda")
_KNOWN_PREFIXES = (b"MZ", b"\x7fELF", _GZIP, *_ZLIB_HEADERS)


@dataclass(frozen=True)
class _Candidate:
    encoding: str  # base64, hex, byte-array
    start: int  # character offset in the text
    end: int
    decode: Callable[[], bytes]
    cut: bool = False  # the pattern's length limit stopped the match inside the blob


class EmbeddedExecutableAnalyzer:
    """Finds PE/ELF images encoded inside script and text artifacts."""

    name = "embedded"
    version = "1"

    def __init__(self, limits: BinaryLimits | None = None) -> None:
        self.limits = limits or BinaryLimits()
        cap = self.limits.max_embedded_blob_chars
        # Line breaks are allowed inside base64 (wrapped blobs, here-strings).
        self._base64 = regex.compile(rf"[A-Za-z0-9+/][A-Za-z0-9+/\r\n]{{{_MIN_BASE64_CHARS - 1},{cap}}}={{0,2}}")
        self._hex = regex.compile(
            rf"(?i)(?:4d5a|7f454c46)(?:[0-9a-f]{{2}}){{{_MIN_HEX_BYTES},{cap // 2}}}"
            rf"|(?:\\x4d\\x5a|\\x7f\\x45\\x4c\\x46)(?:\\x[0-9a-f]{{2}}){{{_MIN_HEX_BYTES},{cap // 4}}}"
        )
        sep = r"\s{0,16},\s{0,16}"
        byte = r"(?:0x[0-9a-f]{1,2}|\d{1,3})"
        pe_start = rf"(?:0x4d|77){sep}(?:0x5a|90)"
        elf_start = rf"(?:0x7f|127){sep}(?:0x45|69){sep}(?:0x4c|76){sep}(?:0x46|70)"
        self._array = regex.compile(
            rf"(?i)(?<!\w)(?:{pe_start}|{elf_start})(?:{sep}{byte}){{{_MIN_ARRAY_ITEMS},{cap // 3}}}"
        )

    def accepts(self, artifact: Artifact) -> bool:
        return artifact.type in TEXT_TYPES

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        out = AnalyzerOutput()
        text = payload.text
        if not text:
            return out
        emitted: set[bytes] = set()
        for count, candidate in enumerate(self._candidates(text, ctx, out)):
            if count >= self.limits.max_embedded_blobs:
                out.errors.append((ErrorKind.LIMIT_EMBEDDED_BLOBS,
                                   f"more than {self.limits.max_embedded_blobs} encoded blobs; the rest not decoded"))
                break
            if ctx.expired():
                out.errors.append((ErrorKind.LIMIT_DEADLINE, "embedded executable search stopped at the scan deadline"))
                break
            try:
                raw = candidate.decode()
            except (ValueError, binascii.Error):
                continue
            image, compression, truncated = self._executable(raw)
            if image is None:
                continue
            key = image[:4096]
            if key in emitted:
                continue
            emitted.add(key)
            self._emit(payload, out, candidate, image, compression, truncated or candidate.cut)
        return out

    # --- candidates --------------------------------------------------------------------------

    def _candidates(self, text: str, ctx: ScanContext, out: AnalyzerOutput) -> Iterator[_Candidate]:
        searches: tuple[tuple[str, regex.Pattern[str], Callable[[str], bytes]], ...] = (
            ("base64", self._base64, _decode_base64),
            ("hex", self._hex, _decode_hex),
            ("byte-array", self._array, _decode_array),
        )
        for encoding, pattern, decoder in searches:
            try:
                for match in pattern.finditer(text, timeout=ctx.regex_timeout()):
                    if encoding == "base64" and not _plausible_base64(match.group()):
                        continue
                    blob = match.group()
                    cut = match.end() < len(text) and (text[match.end()].isalnum() or text[match.end()] in "+/")
                    yield _Candidate(encoding, match.start(), match.end(), partial(decoder, blob), cut)
            except TimeoutError:
                out.errors.append((ErrorKind.LIMIT_REGEX_TIMEOUT, f"embedded {encoding} search timed out"))

    # --- decoding ----------------------------------------------------------------------------

    def _executable(self, raw: bytes) -> tuple[bytes | None, str | None, bool]:
        """(image, compression, truncated) when `raw` is, or decompresses to, a PE/ELF image."""
        cap = self.limits.max_child_bytes
        if _is_executable(raw):
            return raw[:cap], None, len(raw) > cap
        for compression, wbits, applies in (
            ("gzip", 16 + zlib.MAX_WBITS, raw.startswith(_GZIP)),
            ("zlib", zlib.MAX_WBITS, raw[:2] in _ZLIB_HEADERS),
            ("deflate", -zlib.MAX_WBITS, True),  # raw deflate has no magic: PowerShell's DeflateStream
        ):
            if not applies:
                continue
            try:
                head = zlib.decompressobj(wbits).decompress(raw, 4096)
                if not _is_executable(head):
                    continue
                inflater = zlib.decompressobj(wbits)
                image = inflater.decompress(raw, cap)
                return image, compression, bool(inflater.unconsumed_tail)
            except zlib.error:
                continue
        return None, None, False

    def _emit(self, payload: Payload, out: AnalyzerOutput, candidate: _Candidate, image: bytes,
              compression: str | None, truncated: bool) -> None:
        kind = "pe" if is_pe_at(image) else "elf"
        steps = "-".join(part for part in (kind, compression, candidate.encoding) if part)
        technique = f"embedded-{steps}"
        length = candidate.end - candidate.start
        heuristic = H_PE if kind == "pe" else H_ELF
        out.findings.append(heuristic.finding(
            payload, offset=candidate.start, length=length,
            snippet=f"{technique}: {len(image)} bytes from {length} characters"))
        if len(out.children) >= self.limits.max_children:
            out.errors.append((ErrorKind.LIMIT_CHILDREN, f"embedded {kind.upper()} at offset {candidate.start} not extracted"))
            return
        line = payload.line_of(candidate.start)
        out.children.append(Child(
            data=image,
            origin=f"embedded:{technique}@{candidate.start}",
            type_hint=ArtifactType.PE if kind == "pe" else ArtifactType.ELF,
            truncated=truncated,
            layer=Layer(technique=technique, span=Location(offset=candidate.start, length=length, line=line),
                        detail=f"{kind.upper()} image decoded from {' of '.join(p for p in (compression, candidate.encoding) if p)} at line {line}"),
        ))


def _is_executable(data: bytes) -> bool:
    return is_pe_at(data) or is_elf_at(data)


def _plausible_base64(blob: str) -> bool:
    # Long identifier-like runs (paths, hashes spelled in hex) are common; real base64 of a
    # binary mixes cases and digits. Cheap prefix check before any decoding.
    head = blob[:64]
    return any(c.isupper() for c in head) and any(c.islower() for c in head)


def _decode_base64(blob: str) -> bytes:
    """Decode a base64 run; a blob may follow unrelated word-lines the run swallowed, so the
    first few line starts are tried and the first whose prefix decodes to a known magic wins."""
    lines = blob.splitlines()
    for skip in range(min(4, len(lines))):
        compact = "".join(lines[skip:])
        if _decode_run(compact[:12])[:4].startswith(_KNOWN_PREFIXES):
            return _decode_run(compact)
    return _decode_run("".join(lines))


def _decode_run(compact: str) -> bytes:
    compact = compact.rstrip("=")
    if len(compact) % 4 == 1:  # a dangling character cannot be decoded
        compact = compact[:-1]
    try:
        return base64.b64decode(compact + "=" * (-len(compact) % 4))
    except (ValueError, binascii.Error):
        return b""


def _decode_hex(blob: str) -> bytes:
    return bytes.fromhex(blob.replace("\\x", "").replace("\\X", ""))


def _decode_array(blob: str) -> bytes:
    values = []
    for item in blob.split(","):
        token = item.strip().lower()
        value = int(token, 16) if token.startswith("0x") else int(token)
        if value > 255:
            raise ValueError("not a byte")
        values.append(value)
    return bytes(values)


if TYPE_CHECKING:
    from inspector.config import Settings

# Found by name by inspector/analyzers/__init__.py; analyzers run in RUN_ORDER, then name order.
RUN_ORDER = 40


def analyzers_for(settings: Settings | None) -> tuple[Analyzer, ...]:
    """This module's analyzers, limits from Settings (defaults without)."""
    return (EmbeddedExecutableAnalyzer(BinaryLimits.from_settings(settings) if settings is not None else BinaryLimits()),)
