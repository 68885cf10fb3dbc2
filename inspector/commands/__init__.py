"""Commands understood as commands: every command a script layer would run, with its arguments
folded, whatever spelling the script used.

    from inspector.commands import extract_commands, commands_of, Shell
    extract_commands("iwr http://x -OutFile a.exe; saps a.exe", Shell.POWERSHELL)
    commands_of(payload, ctx)        # the commands of a script payload, computed once per payload

PowerShell is read from the syntax tree the deobfuscator parses (powershell.py), sh/bash from a
tree-sitter-bash tree (shell.py), cmd by its own splitting rules (cmd.py). A command that
starts another shell (`cmd /c "..."`, `bash -c '...'`, `powershell -Command ...` or
`-EncodedCommand`) is followed by the commands of that inner script, with the inner shell.
Detections then match programs and arguments, not raw lines (see docs/detection.md, Commands).
"""

from __future__ import annotations

import time
from typing import Any

from inspector.commands import cmd, powershell, shell
from inspector.commands.model import Budget, Collector, ExtractedCommand, Shell
from inspector.deobfuscate.powershell import TREES_MEMO_KEY
from inspector.model import ArtifactType
from inspector.stage import Payload, ScanContext

DEFAULT_MAX_COMMANDS = 5000
DEFAULT_MAX_PARSE_CHARS = 1024 * 1024

_SHELL_OF_TYPE = {
    ArtifactType.POWERSHELL: Shell.POWERSHELL,
    ArtifactType.SHELL: Shell.SHELL,
    ArtifactType.CMD: Shell.CMD,
}
_COLLECTORS = {Shell.POWERSHELL: powershell.collect, Shell.SHELL: shell.collect, Shell.CMD: cmd.collect}
_MEMO_KEY = "commands"


def extract_commands(text: str, shell: Shell, *, deadline: float | None = None,
                     max_commands: int = DEFAULT_MAX_COMMANDS,
                     max_parse_chars: int = DEFAULT_MAX_PARSE_CHARS,
                     trees: dict[bytes, Any] | None = None) -> list[ExtractedCommand]:
    """Every command `text` would run in `shell`, in order, nested shells' commands after their
    launcher; at most `max_commands`, only what was found before `deadline` (monotonic), and of
    PowerShell and sh only the first `max_parse_chars` characters are parsed.

    `trees`: PowerShell syntax trees already parsed, by source bytes (the deobfuscation layer's,
    see `commands_of`); the top-level PowerShell script found there is read from that tree, and
    its tree is added to it when parsed here (nested scripts' trees are not kept)."""
    budget = Budget(max_commands=max_commands, deadline=deadline, max_parse_chars=max_parse_chars)
    collector = Collector(budget, nested=_nested_script, trees=trees)
    _COLLECTORS[shell](text, collector)
    return collector.commands


def _nested_script(command: ExtractedCommand, collector: Collector, depth: int) -> None:
    """Add the commands of the script `command` starts in another shell, if it starts one, or the
    command a wrapper (`sudo`, `nohup`, `env`) runs."""
    if command.shell is Shell.SHELL and (wrapped := shell.wrapped_command(command)) is not None:
        collector.add(wrapped, depth)
        return
    inner: tuple[str, Shell] | None = None
    script = powershell.host_script(command)
    if script is not None:
        inner = (script, Shell.POWERSHELL)
    elif (script := cmd.cmd_script(command)) is not None:
        inner = (script, Shell.CMD)
    elif command.shell is Shell.SHELL and (script := shell.shell_script(command)) is not None:
        inner = (script, Shell.SHELL)
    if inner is not None and inner[0].strip():
        _COLLECTORS[inner[1]](inner[0], collector, base=(command.offset, command.length), depth=depth)


def shell_of(payload: Payload) -> Shell | None:
    """The shell a payload's text runs in, by its artifact type (None: not a shell script)."""
    return _SHELL_OF_TYPE.get(payload.type)


def commands_of(payload: Payload, ctx: ScanContext) -> list[ExtractedCommand]:
    """The commands of a script payload, extracted once and shared by every analyzer that asks."""
    cached = payload.memo.get(_MEMO_KEY)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    language = shell_of(payload)
    commands: list[ExtractedCommand] = []
    if language is not None and payload.text and not ctx.expired():
        # The extractor keeps time on the monotonic clock; the scan's own clock may be another one.
        # The PowerShell layer ran first and left its parse of this text in the memo: one parse.
        trees = payload.memo.setdefault(TREES_MEMO_KEY, {}) if language is Shell.POWERSHELL else None
        commands = extract_commands(payload.text, language, deadline=time.monotonic() + ctx.time_left(),
                                    trees=trees)
    payload.memo[_MEMO_KEY] = commands
    return commands


__all__ = ["DEFAULT_MAX_COMMANDS", "DEFAULT_MAX_PARSE_CHARS", "ExtractedCommand", "Shell", "commands_of", "extract_commands", "shell_of"]
