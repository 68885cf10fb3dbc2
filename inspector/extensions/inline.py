"""The Custom Script Linux `script` field: base64, optionally gzip, at most a configured size.

Decoding follows the extension (standard base64, then gunzip when the bytes start with the
gzip magic). A value that is not base64 or not valid gzip is reported as a PlanProblem and the
raw text is still scanned: the extension would reject it, but the request itself is evidence.

A decoded script over `max_inline_script_bytes` is cut, never dropped: its head and its tail are
scanned (padding placed in front of a payload does not hide it) and a `too_large` problem makes
the verdict incomplete. Decompression streams in linear time and keeps only the head and the
tail in memory, reading at most `_READ_FACTOR` times the limit (a gzip bomb stops there).
"""

from __future__ import annotations

import base64
import binascii
import zlib

from inspector.extensions.builder import PlanBuilder
from inspector.extensions.fields import Field, as_text
from inspector.extensions.plan import ScriptRole
from inspector.model import ArtifactType, ErrorKind
from inspector.redact import redact_text

_GZIP_MAGIC = b"\x1f\x8b"
# Between the head and the tail of a cut script: a line break, so the tail starts a new line.
CUT_SEPARATOR = b"\n"
# The tail gets this share of the limit (1 MiB of the default 4 MiB).
_TAIL_SHARE = 4
# Decompressed bytes read, as a multiple of the limit, before the stream is abandoned.
_READ_FACTOR = 32
_CHUNK = 256 * 1024


class HeadTail:
    """The first and the last bytes of a stream of any length, in bounded memory.

    `content()` is the whole stream when it fits in `limit`, else head + separator + tail,
    never longer than `limit`."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.tail_size = limit // _TAIL_SHARE
        self.head_size = limit - self.tail_size - len(CUT_SEPARATOR)
        self._head = bytearray()
        self._tail = bytearray()
        self.total = 0

    def add(self, data: bytes) -> None:
        self.total += len(data)
        room = self.limit - len(self._head)
        if room > 0:
            self._head += data[:room]
            data = data[room:]
        if data:
            self._tail += data
            if len(self._tail) > 2 * self.limit:  # trim now and then: linear overall
                del self._tail[: len(self._tail) - self.limit]

    @property
    def cut(self) -> bool:
        return self.total > self.limit

    def content(self) -> bytes:
        if not self.cut:
            return bytes(self._head)
        whole_tail = self._head[self.head_size:] + self._tail
        return bytes(self._head[: self.head_size]) + CUT_SEPARATOR + bytes(whole_tail[-self.tail_size:])


def plan_inline_script(
    b: PlanBuilder,
    field: Field,
    *,
    language: ArtifactType | None,
    role: ScriptRole = ScriptRole.INLINE_SCRIPT,
) -> None:
    text = as_text(field.value)
    if text is None:
        b.wrong_type(field, "a base64 string")
        return
    encoded = text.strip().replace("\r", "").replace("\n", "")
    if not encoded:
        return
    limit = b.limits.max_inline_script_bytes
    # The whole value is decoded (linear, and bounded by the request size limit): what a cut keeps
    # is chosen from the decoded bytes, so the end of an oversized script is scanned too.
    raw = _b64decode(encoded)
    if raw is None:
        b.problem(ErrorKind.INVALID_BASE64, f"{field.origin} is not valid base64: scanned as text", field.origin)
        b.add_script(field.origin, role, _head_and_tail(b, field, text.encode("utf-8", "surrogatepass"), limit),
                     language=language)
        return
    layers = ["base64"]
    if raw.startswith(_GZIP_MAGIC):
        decompressed = _gunzip(b, field, raw, limit)
        if decompressed is None:
            b.add_script(field.origin, role, _head_and_tail(b, field, text.encode("utf-8", "surrogatepass"), limit),
                         language=language)
            return
        content = decompressed
        layers.append("gzip")
    else:
        content = _head_and_tail(b, field, raw, limit)
    b.add_script(field.origin, role, content, language=language, layers=layers)
    # Secrets inside an encoded script cannot be scrubbed in place: drop the value from the
    # redacted request when its decoded text holds any (the decoded script is kept for scanning).
    decoded = content.decode("utf-8", "replace")
    if redact_text(decoded) != decoded:
        b.hide(field)


def _head_and_tail(b: PlanBuilder, field: Field, data: bytes, limit: int) -> bytes:
    kept = HeadTail(limit)
    kept.add(data)
    if kept.cut:
        b.problem(ErrorKind.TOO_LARGE, f"{field.origin} decodes to {len(data)} bytes, over {limit}: "
                  f"the first {kept.head_size} and the last {kept.tail_size} bytes were scanned", field.origin)
    return kept.content()


def _b64decode(encoded: str) -> bytes | None:
    """Standard base64 (missing padding tolerated), else the URL-safe alphabet."""
    padded = encoded + "=" * (-len(encoded) % 4)
    alphabets = (None, b"-_") if ("-" in padded or "_" in padded) else (None,)
    for altchars in alphabets:
        try:
            return base64.b64decode(padded, altchars=altchars, validate=True)
        except (binascii.Error, ValueError):
            continue
    return None


def _gunzip(b: PlanBuilder, field: Field, raw: bytes, limit: int) -> bytes | None:
    """The head and tail of the decompressed stream; None when it is corrupt from the start."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    kept = HeadTail(limit)
    budget = limit * _READ_FACTOR
    pending = raw
    try:
        while kept.total < budget and not inflater.eof:
            out = inflater.decompress(pending, _CHUNK)
            pending = inflater.unconsumed_tail
            kept.add(out)
            if not out and not pending:
                break
    except zlib.error as exc:
        if kept.total == 0:
            b.problem(ErrorKind.INVALID_GZIP, f"{field.origin} is base64 of invalid gzip ({exc}): scanned as text",
                      field.origin)
            return None
        b.problem(ErrorKind.INVALID_GZIP, f"{field.origin} is corrupt gzip after {kept.total} bytes: scanned what it holds",
                  field.origin)
        return kept.content()
    if not inflater.eof and kept.total >= budget:
        b.problem(ErrorKind.TOO_LARGE, f"{field.origin} decompresses to more than {budget} bytes: reading stopped there; "
                  f"the first {kept.head_size} and the last {kept.tail_size} bytes read were scanned", field.origin)
    elif kept.cut:
        b.problem(ErrorKind.TOO_LARGE, f"{field.origin} decompresses to {kept.total} bytes, over {limit}: "
                  f"the first {kept.head_size} and the last {kept.tail_size} bytes were scanned", field.origin)
    elif not inflater.eof:
        b.problem(ErrorKind.INVALID_GZIP, f"{field.origin} is a truncated gzip stream: scanned what it holds", field.origin)
        if kept.total == 0:
            return None
    return kept.content()
