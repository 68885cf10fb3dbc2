"""Artifact content as the console shows it: text lines with numbers and marked finding spans.

Everything here produces plain data (lines of segments); the templates escape every segment
and wrap marked ones in <mark>, so no payload byte ever becomes markup. Content is redacted
before it is shown; where redaction changed a line, that line is marked whole instead of at
exact offsets, because offsets into the original no longer fit the redacted text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from inspector.model import TEXT_TYPES, Artifact, Finding
from inspector.redact import redact_text
from inspector.unpack.text import decode_text

# Characters that would render invisibly or reorder the text an analyst reads (Trojan Source):
# bidirectional overrides and isolates, zero-width characters, and C0 controls except tab.
_INVISIBLE = regex.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HEX_ROW = 16


@dataclass(frozen=True)
class Segment:
    text: str
    marks: tuple[str, ...] = ()  # ids of the findings whose span covers this text
    control: bool = False  # an invisible character, shown as its code point


@dataclass
class Line:
    number: int
    segments: list[Segment] = field(default_factory=list)
    marks: tuple[str, ...] = ()  # set when the whole line is marked (redacted line or line-only finding)


@dataclass(frozen=True)
class TextView:
    lines: list[Line]
    encoding: str
    hidden_chars: int  # characters beyond the display limit
    redacted: bool  # some secrets were replaced by [REDACTED]
    marked: int  # findings that could be placed in this text


@dataclass(frozen=True)
class HexRow:
    offset: str
    hex: str
    ascii: str


@dataclass(frozen=True)
class HexView:
    rows: list[HexRow]
    hidden_bytes: int


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    finding: str


def _char_offset(data: bytes, text: str, encoding: str, offset: int) -> int:
    """Convert a YARA byte offset into a character offset of the decoded text."""
    if encoding.startswith(("utf-16", "utf-32")):
        # YARA also scans UTF-16 text re-encoded as UTF-8 (see analyzers/yara_scan.py).
        return len(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))
    return len(data[:offset].decode(encoding, errors="ignore"))


def _spans(data: bytes, text: str, encoding: str, findings: list[Finding]) -> tuple[list[_Span], dict[int, set[str]]]:
    """Exact character spans, and line-only marks (1-based line -> finding ids)."""
    spans: list[_Span] = []
    by_line: dict[int, set[str]] = {}
    for finding in findings:
        loc = finding.location
        if loc is None:
            continue
        if loc.offset is not None and loc.length:
            start = loc.offset
            if finding.source == "yara":
                start = _char_offset(data, text, encoding, loc.offset)
                end = _char_offset(data, text, encoding, loc.offset + loc.length)
            else:
                end = start + loc.length
            if 0 <= start < end <= len(text):
                spans.append(_Span(start, end, finding.id))
                continue
        if loc.line is not None and loc.line >= 1:
            by_line.setdefault(loc.line, set()).add(finding.id)
    return spans, by_line


def _visible(text: str, marks: tuple[str, ...]) -> list[Segment]:
    """Split out invisible characters so they show as visible code points."""
    out: list[Segment] = []
    pos = 0
    for m in _INVISIBLE.finditer(text, timeout=1.0):
        if m.start() > pos:
            out.append(Segment(text[pos:m.start()], marks))
        out.append(Segment(f"U+{ord(m.group()):04X}", marks, control=True))
        pos = m.end()
    if pos < len(text) or not out:
        out.append(Segment(text[pos:], marks))
    return out


def _exact_lines(text: str, spans: list[_Span]) -> list[Line]:
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    lines = [Line(number=1)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        marks = tuple(sorted({s.finding for s in spans if s.start <= start and end <= s.end}))
        pieces = text[start:end].split("\n")
        for i, piece in enumerate(pieces):
            if i:
                lines.append(Line(number=len(lines) + 1))
            if piece:
                lines[-1].segments.extend(_visible(piece, marks))
    return lines


def _line_marks(line: Line) -> set[str]:
    return {m for seg in line.segments for m in seg.marks} | set(line.marks)


def text_view(data: bytes, artifact: Artifact, findings: list[Finding], max_chars: int) -> TextView | None:
    """The artifact as numbered, redacted text with marks, or None when it is not text."""
    if artifact.type not in TEXT_TYPES:
        return None
    decoded = decode_text(data)
    if decoded is None:
        return None
    text, encoding = decoded.text, decoded.encoding
    hidden = max(0, len(text) - max_chars)
    shown = text[:max_chars]
    spans, by_line = _spans(data, text, encoding, [f for f in findings if f.artifact == artifact.sha256])
    spans = [s for s in spans if s.start < len(shown)]
    lines = _exact_lines(shown, [_Span(s.start, min(s.end, len(shown)), s.finding) for s in spans])
    redacted_text = redact_text(shown)
    redacted = redacted_text != shown
    if redacted:
        red_lines = redacted_text.split("\n")
        if len(red_lines) == len(lines):
            merged = []
            for line, red in zip(lines, red_lines, strict=True):
                plain = "".join(s.text for s in line.segments if not s.control)
                if plain == red and not any(s.control for s in line.segments):
                    merged.append(line)
                else:
                    marks = tuple(sorted(_line_marks(line)))
                    merged.append(Line(number=line.number, segments=_visible(red, ()), marks=marks))
            lines = merged
        else:
            # Redaction removed whole lines (a private key block): mark by line number only.
            marks_at = {line.number: _line_marks(line) for line in lines}
            lines = [Line(number=i + 1, segments=_visible(red, ()), marks=tuple(sorted(marks_at.get(i + 1, set()))))
                     for i, red in enumerate(red_lines)]
    for number, ids in by_line.items():
        if 1 <= number <= len(lines):
            target = lines[number - 1]
            target.marks = tuple(sorted(set(target.marks) | ids))
    placed = {s.finding for s in spans} | {i for n, ids in by_line.items() if n <= len(lines) for i in ids}
    return TextView(lines=lines, encoding=encoding, hidden_chars=hidden, redacted=redacted, marked=len(placed))


def hex_view(data: bytes, max_bytes: int) -> HexView:
    """The first `max_bytes` as a classic offset / hex / ASCII dump."""
    shown = data[:max_bytes]
    rows = []
    for start in range(0, len(shown), _HEX_ROW):
        chunk = shown[start:start + _HEX_ROW]
        rows.append(HexRow(
            offset=f"{start:08x}",
            hex=" ".join(f"{b:02x}" for b in chunk),
            ascii="".join(chr(b) if 0x20 <= b < 0x7F else "." for b in chunk),
        ))
    return HexView(rows=rows, hidden_bytes=max(0, len(data) - len(shown)))
