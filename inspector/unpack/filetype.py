"""Type detection by content: magic bytes first, then script language by its tokens.

The file name is only a hint for text (a `.ps1` that is text is PowerShell); it never
overrides magic bytes, because payloads lie about their names.
"""

from __future__ import annotations

import json

import regex

from inspector.model import ArtifactType
from inspector.unpack.text import decode_text

_MAGIC: tuple[tuple[bytes, ArtifactType], ...] = (
    (b"\x7fELF", ArtifactType.ELF),
    (b"PK\x03\x04", ArtifactType.ZIP),
    (b"PK\x05\x06", ArtifactType.ZIP),
    (b"\x1f\x8b", ArtifactType.GZIP),
    (b"BZh", ArtifactType.BZIP2),
    (b"\xfd7zXZ\x00", ArtifactType.XZ),
    (b"7z\xbc\xaf\x27\x1c", ArtifactType.SEVENZIP),
)

_EXTENSION_HINTS = {
    ".ps1": ArtifactType.POWERSHELL, ".psm1": ArtifactType.POWERSHELL, ".psd1": ArtifactType.POWERSHELL,
    ".sh": ArtifactType.SHELL, ".bash": ArtifactType.SHELL,
    ".cmd": ArtifactType.CMD, ".bat": ArtifactType.CMD,
    ".py": ArtifactType.PYTHON, ".json": ArtifactType.JSON,
}

_SCAN_CHARS = 65536
_TIMEOUT = 0.2
# Token patterns that vote for a language; weights reflect how specific each token is.
_VOTES: dict[ArtifactType, tuple[tuple[regex.Pattern[str], int], ...]] = {
    ArtifactType.POWERSHELL: (
        (regex.compile(r"(?i)\b(?:Get|Set|New|Remove|Invoke|Start|Stop|Add|Write|Import|Test|Out|Select|Where|ForEach)-[A-Z][A-Za-z]+"), 3),
        (regex.compile(r"(?i)\[(?:System\.)?(?:Convert|Text\.Encoding|IO\.|Net\.|Reflection\.|char|byte|string)"), 4),
        (regex.compile(r"(?i)\$(?:env:|PSHome|ShellId|_\b|true\b|false\b|null\b)"), 3),
        (regex.compile(r"(?i)\bparam\s*\("), 3),
        (regex.compile(r"(?i)-(?:eq|ne|match|like|join|replace|f)\s"), 1),
        (regex.compile(r"(?i)\b(?:iex|Invoke-Expression)\b"), 3),
        (regex.compile(r"(?im)^\s*\$[A-Za-z_][\w:]*\s*=\s*"), 2),
        # A PowerShell launch line: `powershell -nop -w hidden -enc ...`, `pwsh.exe -c ...`.
        (regex.compile(r"(?im)^\W{0,3}(?:powershell|pwsh)(?:\.exe)?[\"']?\s+[-/][A-Za-z]"), 4),
    ),
    ArtifactType.SHELL: (
        (regex.compile(r"\A#!\s*/(?:usr/)?(?:bin/)?(?:env\s+)?(?:ba|z|da|k)?sh\b"), 20),
        (regex.compile(r"(?m)^\s*(?:sudo\s+)?(?:apt-get|apt|yum|dnf|apk|zypper|systemctl|chmod|chown|export|mkdir|wget|curl|echo|cd|rm|cp|mv|useradd|crontab)\b"), 2),
        (regex.compile(r"(?m)^\s*(?:fi|done|esac|then)\s*$"), 3),
        (regex.compile(r"\$\(|\$\{[A-Za-z_]|\|\s*(?:ba)?sh\b|&&|\|\||/dev/(?:null|tcp)"), 1),
    ),
    ArtifactType.CMD: (
        (regex.compile(r"(?im)^\s*@?echo\s+off\b"), 10),
        (regex.compile(r"(?i)%[A-Za-z_][\w]*(?::~-?\d+(?:,-?\d+)?)?%|%~?\d"), 2),
        (regex.compile(r"(?im)^\s*(?:rem\b|::|set\s+\"?\w+=|goto\s|if\s+(?:not\s+)?(?:exist|errorlevel|defined)|call\s+:)"), 3),
        (regex.compile(r"(?i)\b(?:cmd(?:\.exe)?\s+/[ckv]|powershell(?:\.exe)?\s|net\s+(?:user|localgroup)|reg\s+(?:add|delete|save)|schtasks|vssadmin|wevtutil|bcdedit|certutil)\b"), 2),
    ),
    ArtifactType.PYTHON: (
        (regex.compile(r"\A#!\s*/(?:usr/)?(?:bin/)?(?:env\s+)?python"), 20),
        (regex.compile(r"(?m)^\s*(?:import\s+\w+|from\s+\w+(?:\.\w+)*\s+import\s|def\s+\w+\(.*\):|if __name__ ==)"), 3),
    ),
}


def magic_type(data: bytes) -> ArtifactType | None:
    """The container or executable type from magic bytes, if any."""
    if data[:2] == b"MZ" and _has_pe_header(data):
        return ArtifactType.PE
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if len(data) > 262 and data[257:262] == b"ustar":
        return ArtifactType.TAR
    return None


def _has_pe_header(data: bytes) -> bool:
    if len(data) < 0x40:
        return False
    e_lfanew = int.from_bytes(data[0x3C:0x40], "little")
    return 0 < e_lfanew < len(data) - 4 and data[e_lfanew:e_lfanew + 4] == b"PE\x00\x00"


def script_language(text: str, name_hint: str | None = None) -> ArtifactType:
    """Guess the language of script text by token votes; a file extension breaks ties."""
    sample = text[:_SCAN_CHARS]
    stripped = sample.lstrip()
    if stripped[:1] in "{[" and _is_json(text):
        return ArtifactType.JSON
    scores: dict[ArtifactType, int] = {}
    for language, patterns in _VOTES.items():
        total = 0
        for pattern, weight in patterns:
            try:
                total += weight * min(len(pattern.findall(sample, timeout=_TIMEOUT)), 10)
            except TimeoutError:
                continue
        scores[language] = total
    hinted = _extension_hint(name_hint)
    if hinted is not None and hinted in scores:
        scores[hinted] += 6
    best, best_score = max(scores.items(), key=lambda item: item[1])
    return best if best_score >= 3 else (hinted or ArtifactType.TEXT)


def _extension_hint(name: str | None) -> ArtifactType | None:
    if not name:
        return None
    lowered = name.lower().split("?", 1)[0]
    for ext, kind in _EXTENSION_HINTS.items():
        if lowered.endswith(ext):
            return kind
    return None


def _is_json(text: str) -> bool:
    if len(text) > 8 * 1024 * 1024:
        return False
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def detect_type(data: bytes, name_hint: str | None = None, type_hint: ArtifactType | None = None) -> ArtifactType:
    """Content decides; hints only choose between text languages."""
    by_magic = magic_type(data)
    if by_magic is not None:
        return by_magic
    decoded = decode_text(data)
    if decoded is None:
        return ArtifactType.UNKNOWN
    if type_hint is not None and type_hint not in (ArtifactType.TEXT, ArtifactType.UNKNOWN):
        if type_hint in (ArtifactType.POWERSHELL, ArtifactType.SHELL, ArtifactType.CMD, ArtifactType.PYTHON,
                         ArtifactType.JSON):
            return type_hint
    return script_language(decoded.text, name_hint)
