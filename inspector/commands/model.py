"""What one extracted command is: the program, its folded arguments and the shell it runs in."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Shell(StrEnum):
    POWERSHELL = "powershell"
    SHELL = "shell"  # sh/bash
    CMD = "cmd"


# The image of each shell, as a process-creation event's ParentImage shows it.
SHELL_IMAGES: dict[Shell, str] = {
    Shell.POWERSHELL: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
    Shell.CMD: "C:\\Windows\\System32\\cmd.exe",
    Shell.SHELL: "/bin/bash",
}

# An argument that is code rather than a value (`$(...)`, `{ ... }`) is kept as written up to
# this many characters: its commands are extracted on their own, and nested ones would otherwise
# copy the whole nest into every level (quadratic on `$($($(...)))`).
CODE_ARGUMENT_CHARS = 1024

# Where Windows keeps the programs scripts call by bare name; anything else is shown in System32,
# which is what the rules written for process-creation events expect of a bare name.
_WINDOWS_DIRECTORIES = {
    "powershell": "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\",
    "pwsh": "C:\\Program Files\\PowerShell\\7\\",
    "explorer": "C:\\Windows\\",
    "regedit": "C:\\Windows\\",
}


@dataclass(frozen=True, slots=True)
class ExtractedCommand:
    program: str                 # normalised: aliases resolved, ".exe" dropped, lower-cased on Windows shells, path kept
    arguments: tuple[str, ...]   # quotes removed, variables and simple string operations folded where known
    command_line: str            # program as written + arguments joined by single spaces
    shell: Shell                 # the shell it runs in
    image: str                   # process-creation Image ("" for PowerShell cmdlets and .NET calls)
    parent_image: str            # the shell's image
    offset: int                  # character offset of the command in the layer text
    length: int                  # its length in characters
    # The program without its directory (`c:\\windows\\system32\\net` -> `net`), worked out once:
    # every rule of every command family asks for it, millions of times over a large script.
    name: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", base_name(self.program))


def base_name(program: str) -> str:
    """A path's last part, with either separator."""
    return program.replace("\\", "/").rsplit("/", 1)[-1]


def windows_program(written: str) -> str:
    """A Windows program name as the extractor reports it: lower-cased, `.exe` dropped, path kept."""
    program = written.strip().lower()
    return program.removesuffix(".exe")


def windows_image(program: str) -> str:
    """The Image of a Windows process for `program` (a `windows_program` value)."""
    if not program:
        return ""
    has_path = "\\" in program or "/" in program
    if not has_path and "." in program and not program.endswith(".com"):
        return ""  # a document or script name (`a.ps1`, `x.bat`): not started as an image of its own
    if has_path:
        return program if "." in base_name(program) else program + ".exe"
    directory = _WINDOWS_DIRECTORIES.get(program, "C:\\Windows\\System32\\")
    return directory + program + ("" if program.endswith(".com") else ".exe")


def unix_image(program: str) -> str:
    """The Image of a Linux process for `program`: a written path is kept, a bare name is in /usr/bin."""
    if not program or "/" in program:
        return program
    return "/usr/bin/" + program


@dataclass(frozen=True)
class Budget:
    """The bounds of one extraction: how many commands, until when, how deep shells nest."""

    max_commands: int
    deadline: float | None
    max_nesting: int = 8
    # Characters of a script given to a parser: enough for any real script, and what keeps a
    # multi-megabyte hostile one from spending the scan in the parser.
    max_parse_chars: int = 1024 * 1024

    def expired(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline


NestedExtractor = Callable[["ExtractedCommand", "Collector", int], None]


@dataclass
class Collector:
    """The commands of one extraction, in order, within its budget.

    `nested` is called with every command added, so a shell started by a command (`cmd /c`,
    `bash -c`, `powershell -Command`) has its own commands added right after it.
    """

    budget: Budget
    nested: NestedExtractor | None = None
    regex_timeout_s: float = 0.1
    # Syntax trees the payload's deobfuscation layer already parsed, by their exact source bytes
    # (`inspector.deobfuscate.powershell.TREES_MEMO_KEY`): a script found there is not parsed again.
    trees: dict[bytes, Any] | None = None
    commands: list[ExtractedCommand] = field(default_factory=list)
    stopped: bool = False  # the deadline ended the extraction early

    def full(self) -> bool:
        return self.stopped or len(self.commands) >= self.budget.max_commands

    def regex_timeout(self) -> float:
        if self.budget.deadline is None:
            return self.regex_timeout_s
        return max(0.001, min(self.regex_timeout_s, self.budget.deadline - time.monotonic()))

    def add(self, command: ExtractedCommand, depth: int) -> None:
        if self.full():
            return
        self.commands.append(command)
        if self.nested is not None and depth < self.budget.max_nesting:
            self.nested(command, self, depth + 1)


@dataclass
class CharOffsets:
    """Byte offsets of a UTF-8 source as character offsets, decoded incrementally.

    Commands come in document order, so each offset is decoded on from the previous one and
    a whole text costs one pass, not one per command.
    """

    source: bytes
    _byte: int = 0
    _char: int = 0

    def char(self, byte_offset: int) -> int:
        if byte_offset < self._byte:
            self._byte, self._char = 0, 0
        self._char += len(self.source[self._byte:byte_offset].decode("utf-8", "replace"))
        self._byte = byte_offset
        return self._char
