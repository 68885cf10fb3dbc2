"""What every deobfuscation layer shares: its limits, how a decoded layer becomes a child,
the technique findings, URL recovery and bounded decoders (base64, hex, compression).

Layers are static: they read text and compute what an obfuscated expression evaluates to,
never run it. Every decoder here is bounded in output size so a bomb becomes an error.
"""

from __future__ import annotations

import base64
import binascii
import bz2
import lzma
import time
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex
import tree_sitter

from inspector.stage import AnalyzerOutput, Child, Heuristic, Payload, ScanContext
from inspector.config import setting_default
from inspector.model import ArtifactType, DetectionSource, ErrorKind, Layer, Location
from inspector.redact import redact_head, redact_text

if TYPE_CHECKING:
    from inspector.config import Settings

MiB = 1024 * 1024
DEOBFUSCATION_ATTACK = ("T1027", "T1140")


@dataclass(frozen=True)
class DeobfuscationLimits:
    """Bounds of one layer's work on one artifact (Settings `deobfuscate_*`)."""

    max_input_chars: int = setting_default("deobfuscate_max_input_chars")  # larger: not deobfuscated
    max_parse_chars: int = setting_default("deobfuscate_max_parse_chars")  # given to a parser / the evaluator
    max_child_bytes: int = setting_default("deobfuscate_max_child_bytes")  # a longer layer is cut, flagged
    max_children: int = setting_default("deobfuscate_max_children")  # decoded layers emitted per artifact
    max_eval_steps: int = setting_default("deobfuscate_max_eval_steps")  # per artifact; 50,000 per expression
    max_eval_depth: int = 150  # nesting of expressions the evaluator follows
    max_value_chars: int = 1 * MiB  # largest string/array an expression may build
    max_array_items: int = 4096  # elements kept of one literal shell array
    max_urls: int = 64

    @classmethod
    def from_settings(cls, settings: Settings) -> DeobfuscationLimits:
        return cls(
            max_input_chars=settings.deobfuscate_max_input_chars,
            max_parse_chars=settings.deobfuscate_max_parse_chars,
            max_child_bytes=settings.deobfuscate_max_child_bytes,
            max_children=settings.deobfuscate_max_children,
            max_eval_steps=settings.deobfuscate_max_eval_steps,
        )


def technique_heuristic(language: str, key: str, title: str, score: int, description: str) -> Heuristic:
    """A `deobfuscation` finding declaring that a technique was used (obfuscation is evidence)."""
    return Heuristic(
        id=f"deobf.{language}.{key}",
        title=title,
        description=description,
        score=score,
        attack=DEOBFUSCATION_ATTACK,
        cap=score * 2,
        source=DetectionSource.DEOBFUSCATION,
    )


_URL = regex.compile(r"(?i)\b(?:https?|ftp)://[^\s'\"`<>(){}\[\]|;,\\^]{3,2048}")


def find_urls(text: str, ctx: ScanContext, limit: int) -> list[str]:
    """URLs named in a decoded layer (bounded; a timeout yields what was found so far)."""
    found: list[str] = []
    try:
        for match in _URL.finditer(text, timeout=ctx.regex_timeout()):
            url = match.group(0).rstrip(".:")
            if url not in found:
                found.append(url)
            if len(found) >= limit:
                break
    except TimeoutError:
        pass
    return found


def bounded_detail(text: str, limit: int = 160) -> str:
    """A short, redacted, single-line description for `Layer.detail`."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return redact_text(flat)
    return redact_head(flat, limit - 3) + "..."


@dataclass
class LayerOutput:
    """Collects one artifact's decoded layers, de-duplicated and bounded in count and size."""

    payload: Payload
    ctx: ScanContext
    limits: DeobfuscationLimits
    language: str
    out: AnalyzerOutput = field(default_factory=AnalyzerOutput)
    _seen: set[bytes] = field(default_factory=set)
    _counts: dict[str, int] = field(default_factory=dict)
    _first_offsets: dict[str, tuple[int | None, int | None, str]] = field(default_factory=dict)
    _heuristics: dict[str, Heuristic] = field(default_factory=dict)
    _children_dropped: bool = False

    def child(
        self,
        text: str | bytes,
        *,
        technique: str,
        origin_kind: str,
        offset: int | None,
        length: int | None,
        detail: str,
        type_hint: ArtifactType | None,
    ) -> bool:
        """Emit one decoded layer; returns False when it was a duplicate, empty or over a limit."""
        data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
        if not data.strip():
            return False
        original = self.payload.data
        if data == original or (self.payload.text is not None and isinstance(text, str) and text == self.payload.text):
            return False
        if data in self._seen:
            return False
        if len(self.out.children) >= self.limits.max_children:
            if not self._children_dropped:
                self._children_dropped = True
                self.out.errors.append(
                    (ErrorKind.LIMIT_DEOBFUSCATION_CHILDREN,
                     f"{self.language}: more than {self.limits.max_children} decoded layers; the rest were dropped")
                )
            return False
        truncated = False
        if len(data) > self.limits.max_child_bytes:
            data = data[: self.limits.max_child_bytes]
            truncated = True
            self.out.errors.append(
                (ErrorKind.LIMIT_DEOBFUSCATION_SIZE,
                 f"{self.language} {technique}: decoded layer cut to {self.limits.max_child_bytes} bytes")
            )
        self._seen.add(data)
        line = self.payload.line_of(offset) if (offset is not None and self.payload.text is not None) else None
        layer = Layer(
            technique=technique,
            span=Location(offset=offset, length=length, line=line) if offset is not None else None,
            detail=bounded_detail(detail),
        )
        self.out.children.append(
            Child(data=data, origin=f"{origin_kind}:{technique}", layer=layer, type_hint=type_hint, truncated=truncated)
        )
        if isinstance(text, str) or type_hint is not None:
            decoded = text if isinstance(text, str) else data.decode("utf-8", "replace")
            for url in find_urls(decoded[: self.limits.max_parse_chars], self.ctx, self.limits.max_urls):
                if url not in self.out.urls and len(self.out.urls) < self.limits.max_urls:
                    self.out.urls.append(url)
        return True

    def technique(self, heuristic: Heuristic, offset: int | None, length: int | None, snippet: str) -> None:
        """Count one use of a technique; findings are made once per technique in `finish`."""
        self._heuristics[heuristic.id] = heuristic
        self._counts[heuristic.id] = self._counts.get(heuristic.id, 0) + 1
        self._first_offsets.setdefault(heuristic.id, (offset, length, snippet))

    def error(self, kind: ErrorKind, detail: str) -> None:
        if (kind, detail) not in self.out.errors:
            self.out.errors.append((kind, detail))

    def finish(self) -> AnalyzerOutput:
        for hid, heuristic in self._heuristics.items():
            offset, length, snippet = self._first_offsets[hid]
            self.out.findings.append(
                heuristic.finding(
                    self.payload, offset=offset, length=length, snippet=snippet,
                    count=self._counts[hid], snippet_chars=self.ctx.limits.snippet_chars,
                )
            )
        return self.out


# --- bounded decoders ------------------------------------------------------------------

class DecodeLimit(Exception):
    """A decoder's output would pass its bound (a bomb or a corrupt stream)."""


_B64_CLEAN = regex.compile(r"[\s\x00]+")


def b64decode_loose(blob: str, max_bytes: int) -> bytes | None:
    """Base64 (standard or URL-safe, padding optional, whitespace ignored) or None."""
    if len(blob) // 4 * 3 > max_bytes * 2 + 16:
        raise DecodeLimit(f"base64 blob of {len(blob)} characters is larger than the decode bound")
    compact = _B64_CLEAN.sub("", blob)
    if not compact:
        return None
    if "-" in compact or "_" in compact:
        compact = compact.replace("-", "+").replace("_", "/")
    compact = compact.rstrip("=")
    compact += "=" * (-len(compact) % 4)
    try:
        data = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(data) > max_bytes:
        raise DecodeLimit(f"base64 blob decodes to {len(data)} bytes, more than {max_bytes}")
    return data


def hex_decode(blob: str, max_bytes: int) -> bytes | None:
    compact = "".join(blob.split())
    if len(compact) // 2 > max_bytes:
        raise DecodeLimit(f"hex blob decodes to more than {max_bytes} bytes")
    try:
        return bytes.fromhex(compact)
    except ValueError:
        return None


def decompress(data: bytes, method: str, max_bytes: int) -> bytes:
    """Inflate `data` (raw deflate, zlib, gzip, bzip2, xz) without ever holding more than `max_bytes`."""
    try:
        if method in ("bzip2", "xz"):
            dec = bz2.BZ2Decompressor() if method == "bzip2" else lzma.LZMADecompressor()
            out = dec.decompress(data, max_length=max_bytes + 1)
        else:
            wbits = {"deflate": -15, "zlib": 15, "gzip": 31, "auto": 47}[method]
            out = zlib.decompressobj(wbits).decompress(data, max_bytes + 1)
    except (zlib.error, OSError, EOFError, lzma.LZMAError, ValueError) as exc:
        raise ValueError(f"{method} stream is corrupt: {exc}") from None
    if len(out) > max_bytes:
        raise DecodeLimit(f"{method} stream expands past {max_bytes} bytes")
    return out


def text_of(data: bytes) -> str | None:
    """Bytes to text when they look like text (UTF-16LE with zero high bytes, else UTF-8/latin-1)."""
    if not data:
        return ""
    if len(data) >= 4 and len(data) % 2 == 0 and data[1::2].count(0) >= len(data) // 2 * 0.9:
        try:
            return data.decode("utf-16-le")
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    printable = sum(1 for ch in text[:4096] if ch.isprintable() or ch in "\r\n\t")
    if printable < min(len(text), 4096) * 0.9:
        return None
    return text


def time_is_short(ctx: ScanContext, reserve: float = 0.05) -> bool:
    return ctx.time_left() <= reserve


_PARSE_CHUNK = 64 * 1024


def parse_until(parser: tree_sitter.Parser, source: bytes, deadline: float | None = None) -> tree_sitter.Tree:
    """Parse `source`, giving up (ValueError) once the monotonic `deadline` has passed.

    tree-sitter checks for cancellation only when it reads its input in chunks, so a deadline
    turns the bytes into a chunk reader.
    """
    if deadline is None:
        return parser.parse(source)
    return parser.parse(lambda offset, _point: source[offset:offset + _PARSE_CHUNK],
                        progress_callback=lambda *_state: time.monotonic() >= deadline)
