"""`detect_input()`: what a file handed to the CLI is, by content (the name only hints).

JSON is recognised by its first characters, not by its name: `{` followed by a key or `}`,
`[` followed by a value or `]`. That keeps PowerShell scripts that start with
`[CmdletBinding()]` scripts. JSON of a known shape becomes an extension / Run Command /
activity-log input (JSON Lines too: Azure Monitor archives activity logs one record per line);
other JSON is scanned as a file; other text is a script; the rest a file.
"""

from __future__ import annotations

import regex

from inspector.extensions.body import classify_body
from inspector.extensions.jsonguard import parse_json, parse_json_lines
from inspector.extensions.limits import RequestLimits
from inspector.extensions.request import InputError, InspectionInput, InputKind
from inspector.extensions.strings import language_from_name
from inspector.model import ArtifactType
from inspector.unpack.text import decode_text

_SNIFF_BYTES = 4096
_JSON_START = regex.compile(r'^\s*(?:\{\s*(?:"|\}|$)|\[\s*(?:[\[{"\-0-9\]]|true|false|null|$))')
_SCRIPT_SUFFIXES = frozenset({ArtifactType.POWERSHELL, ArtifactType.SHELL, ArtifactType.CMD, ArtifactType.PYTHON})


def language_hint(filename: str | None) -> ArtifactType | None:
    """powershell / shell / cmd / python from a file name or URL, else None."""
    language = language_from_name(filename)
    return language if language in _SCRIPT_SUFFIXES else None


def looks_like_json(data: bytes) -> bool:
    """Starts like a JSON object or array (binary after the start still counts: it is broken JSON)."""
    head = decode_text(data[:_SNIFF_BYTES])
    text = head.text if head is not None else data[:_SNIFF_BYTES].decode("latin-1")
    return _JSON_START.match(text) is not None


def detect_input(data: bytes, filename: str | None = None, limits: RequestLimits | None = None) -> InspectionInput:
    """Classify raw input bytes. Raises InputError (invalid_json, too_large, too_deep) for
    content that starts like JSON and is not acceptable JSON."""
    limits = limits or RequestLimits()
    named = language_from_name(filename)
    if named not in _SCRIPT_SUFFIXES and looks_like_json(data):
        try:
            body = parse_json(data, max_bytes=limits.max_json_bytes, max_depth=limits.max_json_depth)
        except InputError as exc:
            lines = None
            if exc.kind == "invalid_json":
                lines = parse_json_lines(data, max_bytes=limits.max_json_bytes, max_depth=limits.max_json_depth)
            if lines is None:
                raise
            body = lines
        kind = classify_body(body)
        if kind is not None:
            return InspectionInput(kind=kind, body=body, filename=filename)
        return InspectionInput(kind=InputKind.FILE, content=data, filename=filename, language=ArtifactType.JSON)
    if data and decode_text(data[:65536]) is not None:
        return InspectionInput(kind=InputKind.SCRIPT, content=data, filename=filename, language=language_hint(filename))
    return InspectionInput(kind=InputKind.FILE, content=data, filename=filename, language=language_hint(filename))
