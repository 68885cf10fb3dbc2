"""Sigma events built from what a payload shows: commands as process creations, PowerShell text
as a script block.

A process-creation event carries only what the command extractor knows (`inspector.commands`):
Image, CommandLine, ParentImage (the shell it runs in) and, for Windows system binaries,
OriginalFileName (their file name). Every other field (User, Hashes, IntegrityLevel, ...) is
absent, and rules are compiled knowing that (see `conditions.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from inspector.sigma.conditions import Event
from inspector.sigma.rules import EventKind

_WINDOWS_SHELLS = frozenset({"powershell", "cmd"})
_WINDOWS_SYSTEM_DIR = "c:\\windows\\"


class CommandLike(Protocol):
    """The fields of `inspector.commands.ExtractedCommand` an event is built from."""

    @property
    def command_line(self) -> str: ...
    @property
    def shell(self) -> str: ...
    @property
    def image(self) -> str: ...
    @property
    def parent_image(self) -> str: ...
    @property
    def offset(self) -> int: ...
    @property
    def length(self) -> int: ...


@dataclass(frozen=True)
class SigmaEvent:
    kind: EventKind
    fields: Event      # lower-cased field name -> value
    offset: int | None = None
    length: int | None = None
    excerpt: str | None = None


def process_event(command: CommandLike) -> SigmaEvent | None:
    """The process creation a command would cause; None for what starts no process (a cmdlet)."""
    if not command.image:
        return None
    windows = str(command.shell) in _WINDOWS_SHELLS
    fields: Event = {"image": command.image, "commandline": command.command_line}
    if command.parent_image:
        fields["parentimage"] = command.parent_image
    if windows and command.image.lower().startswith(_WINDOWS_SYSTEM_DIR):
        # A Windows binary's PE version info names its original file: for the system's own
        # binaries that is the file name (a renamed copy elsewhere stays unknown).
        fields["originalfilename"] = command.image.replace("/", "\\").rsplit("\\", 1)[-1]
    kind = EventKind.WINDOWS_PROCESS if windows else EventKind.LINUX_PROCESS
    return SigmaEvent(kind, fields, command.offset, command.length, command.command_line)


def script_block_event(text: str) -> SigmaEvent:
    """A PowerShell layer as the script block PowerShell would log for it (ScriptBlockText)."""
    return SigmaEvent(EventKind.POWERSHELL_SCRIPT, {"scriptblocktext": text})
