"""Recognising commands and URLs among string values, and file-name language hints.

Used for every field whose meaning is not known (unrecognised extensions, DSC configuration
arguments, Run Command parameters): anything that looks like a command line or a URL is
planned so that it is scanned or fetched, bounded by the plan's item limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

import regex

from inspector.extensions.builder import PlanBuilder
from inspector.extensions.fields import Field
from inspector.extensions.plan import ScriptRole, UrlRole
from inspector.model import ArtifactType
from inspector.redact import is_secret_key

_URL = regex.compile(r"^\s*https?://[^\s\"'<>]{1,4096}\s*$", regex.IGNORECASE)
# The first word of a command line: an interpreter, a download tool or a common admin command,
# optionally with a path or drive in front and .exe behind.
_COMMAND = regex.compile(
    r"(?i)^\s*[\"']?(?:[a-z]:)?(?:[^\s\"']{0,200}[\\/])?"
    r"(?:powershell|pwsh|cmd|bash|sh|zsh|dash|ksh|python[23]?|perl|ruby|php|node|curl|wget|certutil|bitsadmin|"
    r"mshta|rundll32|regsvr32|msiexec|wscript|cscript|schtasks|net1?|netsh|reg|sc|wmic|sudo|su|chmod|chown|"
    r"apt(?:-get)?|yum|dnf|zypper|rpm|dpkg|tar|unzip|echo|iex|invoke-\w{1,40}|start-process|nohup|base64|nc|ncat|"
    r"socat|systemctl|service|crontab|useradd|usermod|passwd|install-module|import-module|set-executionpolicy|"
    r"new-object|start-bitstransfer|add-mppreference|set-mppreference|eval|exec|source|\.)(?:\.exe)?(?=[\s\"';&|]|$)"
)
# Or a program run by its path: ./start.sh, C:\Temp\a.exe, "C:\Program Files\x\setup.cmd" /q
_PROGRAM_PATH = regex.compile(
    r"(?i)^\s*(?:\"[^\"]{1,200}|'[^']{1,200}|(?:\.{1,2}[\\/]|[a-z]:[\\/]|[\\/])?[^\s\"']{0,200})"
    r"\.(?:exe|com|ps1|psm1|sh|bash|bat|cmd|py|pl|vbs|vbe|js|jse|wsf|hta|msi|scr|dll)[\"']?(?=[\s;&|]|$)"
)
# Shell or cmd operators between words: `a && b`, `a | b`, `a; b`, `$(...)`.
_OPERATORS = regex.compile(r"\S\s{0,4}(?:&&|\|\||\||;)\s{0,4}\S|\$\(|`[^`]{1,200}`")
_COMMAND_KEY_HINTS = ("command", "cmd", "script")

_LANGUAGE_BY_SUFFIX = {
    ".ps1": ArtifactType.POWERSHELL,
    ".psm1": ArtifactType.POWERSHELL,
    ".psd1": ArtifactType.POWERSHELL,
    ".sh": ArtifactType.SHELL,
    ".bash": ArtifactType.SHELL,
    ".ksh": ArtifactType.SHELL,
    ".zsh": ArtifactType.SHELL,
    ".cmd": ArtifactType.CMD,
    ".bat": ArtifactType.CMD,
    ".py": ArtifactType.PYTHON,
    ".json": ArtifactType.JSON,
}


def looks_like_url(value: str) -> bool:
    head = value[:16].lstrip().lower()
    if not head.startswith(("http://", "https://")) or len(value) > 4200:
        return False
    return _URL.match(value, timeout=0.25) is not None


def looks_like_command(value: str, timeout: float = 0.25) -> bool:
    """A command line or script rather than a name, id, version or free-text label."""
    text = value.strip()
    if len(text) < 2:
        return False
    if "\n" in text and len(text) > 10:
        return True
    try:
        if _COMMAND.match(text[:400], timeout=timeout) or _PROGRAM_PATH.match(text[:400], timeout=timeout):
            return True
        return " " in text and _OPERATORS.search(text[:4000], timeout=timeout) is not None
    except TimeoutError:
        return True  # too odd to judge: scanning it costs little


def language_from_name(name: str | None) -> ArtifactType | None:
    """A hint from a file name or URL path: a.ps1 -> powershell, install.sh -> shell."""
    if not name:
        return None
    try:
        path = unquote(urlsplit(name).path) if "://" in name else name
    except ValueError:
        return None
    suffix = PurePosixPath(path.replace("\\", "/")).suffix.casefold()
    return _LANGUAGE_BY_SUFFIX.get(suffix)


def file_name_of(url: str) -> str:
    """The last path segment of a URL, decoded, without query: `.../c/a.ps1?sv=..` -> `a.ps1`."""
    try:
        path = unquote(urlsplit(url.strip()).path)
    except ValueError:
        return ""
    return path.rstrip("/").rsplit("/", 1)[-1]


def _command_key(key: object) -> bool:
    name = str(key).casefold()
    return any(hint in name for hint in _COMMAND_KEY_HINTS)


def collect_strings(
    b: PlanBuilder,
    root: Field,
    *,
    language: ArtifactType | None = None,
    url_role: UrlRole = UrlRole.PAYLOAD,
    skip_values: tuple[str, ...] = (),
) -> None:
    """Plan every string under `root` that looks like a URL (fetched) or a command (scanned).

    Arrays of strings under a script-like key (`script`, `commands`) are one script, one element
    per line. Values under secret keys are left alone; so are values starting with `skip_values`
    (e.g. DSC's `PrivateSettingsRef:` references). Iterative and lazy, in document order: it
    stops when the plan is full or the request's string budget is spent.
    """
    stack: list[Iterator[tuple[Field, bool]]] = [iter([(root, _command_key(root.origin.rsplit(".", 1)[-1]))])]
    while stack:
        step = next(stack[-1], None)
        if step is None:
            stack.pop()
            continue
        if b.full:
            b.report_full()
            return
        field, command_hint = step
        value = field.value
        if isinstance(value, str):
            if not b.examine_string():
                return
            _plan_string(b, field, value, command_hint, language, url_role, skip_values)
        elif isinstance(value, list) and command_hint and value and all(isinstance(v, str) for v in value):
            lines = [str(v) for v in value]
            origins = [f"{field.origin}[{i}]" for i, line in enumerate(lines) for _ in line.split("\n")]
            b.add_script(field.origin, ScriptRole.COMMAND, "\n".join(lines), language=language, line_origins=origins)
        elif isinstance(value, (dict, list)):
            stack.append(_children(field, command_hint))


def _children(field: Field, command_hint: bool) -> Iterator[tuple[Field, bool]]:
    for child in field.items():
        key = child.keys[-1]
        if isinstance(key, str):
            if is_secret_key(key) and not _command_key(key):
                continue
            yield child, _command_key(key)
        else:
            yield child, command_hint


def _plan_string(
    b: PlanBuilder,
    field: Field,
    value: str,
    command_hint: bool,
    language: ArtifactType | None,
    url_role: UrlRole,
    skip_values: tuple[str, ...],
) -> None:
    if not value.strip() or any(value.startswith(prefix) for prefix in skip_values):
        return
    if looks_like_url(value):
        b.add_url(field.origin, url_role, value, language=language_from_name(value))
    elif command_hint or looks_like_command(value, b.limits.regex_timeout_s):
        b.add_script(field.origin, ScriptRole.COMMAND, value, language=language)
