"""Decoding script bytes into text: UTF-8, UTF-16 LE/BE with or without BOM, legacy code pages.

Windows PowerShell often saves UTF-16; attackers rely on scanners reading it as bytes. The
heuristics run on the decoded text, YARA on the raw bytes as well, and the encoding is kept
on the artifact.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 4096
# Characters that make bytes "not text" when they are common (NUL and most C0 controls).
_CONTROL_OK = frozenset({9, 10, 12, 13, 27})
_CONTROL = frozenset(range(0, 32)) - _CONTROL_OK


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without BOM shows NUL in every other byte for ASCII-range characters."""
    sample = data[:_SAMPLE]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True when the sample has too many control bytes to be text in any 8-bit encoding."""
    sample = data[:_SAMPLE]
    if not sample:
        return False
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > len(sample) * 0.10


def _mostly_printable(text: str) -> bool:
    sample = text[:_SAMPLE]
    if not sample:
        return True
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ord(ch) not in _CONTROL_OK) or ch == "\ufffd")
    return bad <= len(sample) * 0.10


def decode_text(data: bytes) -> DecodedText | None:
    """Decode bytes as text, or return None when they are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return DecodedText(data[len(bom):].decode(encoding.replace("-sig", ""), errors="replace"),
                               encoding.replace("-sig", "") + ("-bom" if encoding.endswith("sig") else ""))
    wide = _utf16_without_bom(data)
    if wide:
        usable = data[: len(data) - (len(data) % 2)]
        text = usable.decode(wide, errors="replace")
        return DecodedText(text, wide) if _mostly_printable(text) else None
    if looks_binary(data):
        return None
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:65536]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return DecodedText(data.decode(encoding, errors="replace"), encoding)
    except LookupError:
        return DecodedText(data.decode("cp1252", errors="replace"), "cp1252")
