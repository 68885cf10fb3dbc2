"""The Custom Script Linux `script` field: base64, optionally gzip, at most a configured size.

Decoding follows the extension (standard base64, then gunzip when the bytes start with the
gzip magic). A value that is not base64 or not valid gzip is reported as a PlanProblem and the
raw text is still scanned: the extension would reject it, but the request itself is evidence.
Decompression is bounded (`max_inline_script_bytes`): a gzip bomb yields a truncated script.
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
    max_encoded = (limit // 3 + 1) * 4
    if len(encoded) > max_encoded:
        b.problem(ErrorKind.TOO_LARGE, f"{field.origin} is longer than {max_encoded} base64 characters: decoded in part",
                  field.origin)
        encoded = encoded[:max_encoded]
    raw = _b64decode(encoded)
    if raw is None:
        b.problem(ErrorKind.INVALID_BASE64, f"{field.origin} is not valid base64: scanned as text", field.origin)
        b.add_script(field.origin, role, text[:limit], language=language)
        return
    layers = ["base64"]
    content = raw[:limit]
    if raw.startswith(_GZIP_MAGIC):
        decompressed = _gunzip(b, field, raw, limit)
        if decompressed is None:
            b.add_script(field.origin, role, text[:limit], language=language)
            return
        content = decompressed
        layers.append("gzip")
    b.add_script(field.origin, role, content, language=language, layers=layers)
    # Secrets inside an encoded script cannot be scrubbed in place: drop the value from the
    # redacted request when its decoded text holds any (the decoded script is kept for scanning).
    decoded = content.decode("utf-8", "replace")
    if redact_text(decoded) != decoded:
        b.hide(field)


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
    """Decompress at most `limit` bytes; None when the stream is corrupt from the start."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(raw, limit + 1)
    except zlib.error as exc:
        b.problem(ErrorKind.INVALID_GZIP, f"{field.origin} is base64 of invalid gzip ({exc}): scanned as text", field.origin)
        return None
    if len(out) > limit:
        b.problem(ErrorKind.TOO_LARGE, f"{field.origin} decompresses to more than {limit} bytes: truncated", field.origin)
        return out[:limit]
    if not inflater.eof:
        b.problem(ErrorKind.INVALID_GZIP, f"{field.origin} is a truncated gzip stream: scanned what it holds", field.origin)
        if not out:
            return None
    return out
