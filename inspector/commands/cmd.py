"""Commands of a cmd.exe batch script, split by cmd's own rules.

cmd has no grammar a parser library knows, so its rules are applied here, in one pass per
line: `^` escapes the next character outside double quotes (and a final `^` joins the next
line), `&`, `&&`, `||` and `|` outside quotes separate commands, `>`, `>>`, `<` and `2>&1`
are redirections (kept as arguments), `@`, `call`, parentheses of blocks and the heads of
`if ...` / `for ... do` are not the command, and a block opened on the line (`if x (a) else (b)`)
separates commands like `&`. `set NAME=value` values are put into later `%NAME%` references
(cmd's own expansion of the whole line before it runs), with the substring and substitution
forms `%NAME:~start,length%` and `%NAME:old=new%` applied, on script variables or on the stock
Windows ones (`%COMSPEC:~-7,3%` is `cmd`); `!NAME!` references to script variables are expanded
in each command (delayed expansion).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from inspector.deobfuscate.cmd import WINDOWS_ENV, substitute, substring
from inspector.commands.model import (
    SHELL_IMAGES,
    Collector,
    ExtractedCommand,
    Shell,
    windows_image,
    windows_program,
)

_MAX_VARIABLES = 10_000
_MAX_LINE_CHARS = 64 * 1024
_SET = regex.compile(r'(?i)^set\s++(?!/[ap]\b)"?(?P<name>[^=\s"]{1,64})=(?P<value>[^"\r\n]*)"?\s*$')
_NAME = r"(?P<name>[A-Za-z_][\w#$.()\-]{0,63}?)"
_OPERATION = r"(?::~(?P<start>-?\d{1,6})(?:,(?P<length>-?\d{1,6}))?|:(?P<old>\*?[^=%!\r\n]{1,64})=(?P<new>[^%!\r\n]{0,256}))?"
_PERCENT = regex.compile("%" + _NAME + _OPERATION + "%")
_BANG = regex.compile("!" + _NAME + _OPERATION + "!")
_IF_HEAD = regex.compile(
    r'(?i)^if\s++(?:/i\s++)?(?:not\s++)?(?:(?:exist|defined|errorlevel|cmdextversion)\s++(?:"[^"]*"|\S++)'
    r'|(?:"[^"]*"|[^\s=]++)\s*+(?:==|\s(?:equ|neq|lss|leq|gtr|geq)\s)\s*+(?:"[^"]*"|\S++))\s++'
)
# The longest command before a `(` read whole to decide whether it is an `if` head.
_BLOCK_HEAD_CHARS = 4096
_FOR_DO = regex.compile(r"(?i)^for\s.*?\)\s*+do\s++")
# cmd's internal commands: they run inside cmd.exe, no process of their own (`start` starts one,
# whose program is its argument).
BUILTINS = frozenset({
    "assoc", "break", "call", "cd", "chdir", "cls", "color", "copy", "date", "del", "dir", "echo", "endlocal",
    "erase", "exit", "for", "ftype", "goto", "if", "md", "mkdir", "mklink", "move", "path", "pause", "popd",
    "prompt", "pushd", "rd", "rem", "ren", "rename", "rmdir", "set", "setlocal", "shift", "start", "time",
    "title", "type", "ver", "verify", "vol",
})
_SEPARATORS = ("&&", "||", "&", "|")
_REDIRECTS = ("2>&1", "1>&2", "2>>", "1>>", "2>", "1>", ">>", ">", "<")


def collect(text: str, collector: Collector, *, base: tuple[int, int] | None = None, depth: int = 0) -> None:
    """Add the commands of batch `text` to `collector` (`base`: the outer command's span)."""
    variables: dict[str, str] = {}
    visited = 0
    for line, start in _logical_lines(text):
        visited += 1
        if collector.full():
            return
        if visited % 256 == 1 and collector.budget.expired():
            collector.stopped = True
            return
        if len(line) > _MAX_LINE_CHARS:
            line = line[:_MAX_LINE_CHARS]
        stripped = line.lstrip(" \t@")
        if not stripped or stripped.startswith(":") or stripped[:4].lower() in ("rem", "rem "):
            continue
        if "%" in line:
            line = _expand(_PERCENT, line, variables, collector)
        for piece, piece_start in _split_commands(line):
            if collector.full():
                return
            if "!" in piece and variables:
                piece = _expand(_BANG, piece, variables, collector, stock=False)
            _command(piece, start + piece_start, collector, variables, base, depth)


def _expand(pattern: regex.Pattern[str], text: str, variables: dict[str, str], collector: Collector,
            stock: bool = True) -> str:
    """`text` with the references `pattern` finds replaced by their values; a reference to a
    variable nobody set stays as written (a plain stock one too: `%TEMP%` is a path to the reader)."""

    def value_of(match: regex.Match[str]) -> str:
        name = match.group("name").lower()
        operation = match.group("start") is not None or match.group("old") is not None
        value = variables.get(name)
        if value is None and stock and operation:
            value = WINDOWS_ENV.get(name)
        if value is None:
            return match.group(0)
        if match.group("start") is not None:
            length = match.group("length")
            return substring(value, int(match.group("start")), int(length) if length is not None else None)
        if match.group("old") is not None:
            old = match.group("old")
            return substitute(value, old.lstrip("*"), match.group("new"), old.startswith("*"))
        return value

    try:
        return pattern.sub(value_of, text, timeout=collector.regex_timeout())
    except TimeoutError:
        return text  # as written


def _logical_lines(text: str) -> Iterator[tuple[str, int]]:
    """Lines with their start offsets, a line ending in an unescaped `^` joined to the next
    (lazily: a huge script is read only as far as the budget lets the extraction go)."""
    pending: list[str] = []
    pending_chars = 0
    pending_start = 0
    offset = 0
    length = len(text)
    while offset < length:
        end = text.find("\n", offset)
        end = length if end == -1 else end + 1
        line = text[offset:end].rstrip("\r\n")
        if not pending:
            pending_start = offset
        offset = end
        if line.endswith("^") and not line.endswith("^^") and pending_chars < _MAX_LINE_CHARS:
            pending.append(line[:-1])
            pending_chars += len(line)
            continue
        pending.append(line)
        yield "".join(pending), pending_start
        pending, pending_chars = [], 0
    if pending:
        yield "".join(pending), pending_start


def _opens_block(line: str, start: int, index: int) -> bool:
    """Whether the `(` at `index` opens a block of commands, the command so far being
    `line[start:index]`: at the start of a command, after `else` / `do`, or after a complete
    `if` condition. Only the end of a long command is read (`_BLOCK_HEAD_CHARS`), so a line of
    thousands of `(` costs linear time, not the command's length at each of them."""
    end = index
    while end > start and line[end - 1].isspace():  # runs before successive `(` never overlap
        end -= 1
    if end - start > _BLOCK_HEAD_CHARS:  # too long for an if head: only `... do (`, `... else (`, `) (`
        return line[end - 8:end].lower().endswith((" do", " else", ")"))
    head = line[start:end].lstrip().lower()
    if not head or head in ("else", "do") or head.endswith((" do", " else", ")")):
        return True
    if not head.startswith("if "):
        return False
    condition = _IF_HEAD.match(head + " ")
    return condition is not None and condition.end() >= len(head)


def _split_commands(line: str) -> list[tuple[str, int]]:
    """The commands of one line with their offsets: split on &, &&, ||, | outside double quotes,
    and around the parentheses of a block opened on the line (`if x (a) else (b)`)."""
    pieces: list[tuple[str, int]] = []
    start = 0
    quoted = False
    blocks = 0  # blocks opened on this line and not closed yet
    index = 0
    while index < len(line):
        char = line[index]
        if char == "^" and not quoted:
            index += 2
            continue
        if char == '"':
            quoted = not quoted
        elif not quoted and char == "(" and blocks < 64 and _opens_block(line, start, index):
            pieces.append((line[start:index], start))
            blocks += 1
            index += 1
            start = index
            continue
        elif not quoted and char == ")" and blocks > 0:
            pieces.append((line[start:index], start))
            blocks -= 1
            index += 1
            start = index
            continue
        elif not quoted and char in "&|":
            if index > 0 and line[index - 1] == ">" and char == "&":  # 2>&1
                index += 1
                continue
            separator = next(s for s in _SEPARATORS if line.startswith(s, index))
            pieces.append((line[start:index], start))
            index += len(separator)
            start = index
            continue
        index += 1
    pieces.append((line[start:], start))
    return pieces


def _tokens(command: str) -> list[str]:
    """Words of one command: quotes removed, carets dropped, redirections split off."""
    tokens: list[str] = []
    current: list[str] = []
    started = False
    quoted = False
    index = 0
    while index < len(command):
        char = command[index]
        if char == "^" and not quoted and index + 1 < len(command) and command[index + 1] not in " \t":
            # (an escaped space is still a space to the program, which splits its own command line)
            current.append(command[index + 1])
            started = True
            index += 2
            continue
        if char == "^" and not quoted:
            index += 1
            continue
        if char == '"':
            quoted = not quoted
            started = True
            index += 1
            continue
        if not quoted and char in " \t":
            if started:
                tokens.append("".join(current))
                current, started = [], False
            index += 1
            continue
        if not quoted and char in "<>12" and (char in "<>" or command[index + 1:index + 2] == ">"):
            redirect = next((r for r in _REDIRECTS if command.startswith(r, index)), None)
            if redirect is not None and (not started or char in "<>"):
                if started:
                    tokens.append("".join(current))
                    current, started = [], False
                tokens.append(redirect)
                index += len(redirect)
                continue
        current.append(char)
        started = True
        index += 1
    if started:
        tokens.append("".join(current))
    return tokens


def _command(piece: str, offset: int, collector: Collector, variables: dict[str, str],
             base: tuple[int, int] | None, depth: int) -> None:
    leading = len(piece) - len(piece.lstrip(" \t(@)"))
    body = piece[leading:].rstrip()
    for _ in range(8):  # `if exist x if not y cmd`, `call cmd`, `for ... do cmd` lead to the command
        head = _match(_IF_HEAD, body + " ", collector) or _match(_FOR_DO, body + " ", collector)
        if head is not None:
            body = body[head.end():].lstrip(" \t(@")
            leading = len(piece) - len(body) if piece.endswith(body) else leading
            continue
        if body.lower() == "else" or body[:5].lower() == "else ":
            body = body[4:].lstrip(" \t(@")
            continue
        if body[:5].lower() == "call " and not body[5:].lstrip().startswith(":"):
            body = body[5:].lstrip()
            continue
        break
    # closing parentheses the command did not open end a block, not the command
    unopened = body.count(")") - body.count("(")
    while unopened > 0 and body.endswith(")"):
        body = body[:-1].rstrip()
        unopened -= 1
    if not body:
        return
    assignment = _match(_SET, body, collector)
    if assignment is not None and (len(variables) < _MAX_VARIABLES or assignment.group("name").lower() in variables):
        variables[assignment.group("name").lower()] = assignment.group("value")
    tokens = _tokens(body)
    if not tokens or not tokens[0]:
        return
    written, arguments = tokens[0], tokens[1:]
    program = windows_program(written)
    start = offset + piece.find(body[:16]) if body[:16] and piece.find(body[:16]) >= 0 else offset + leading
    span = base if base is not None else (start, len(body))
    collector.add(ExtractedCommand(
        program=program,
        arguments=tuple(arguments),
        command_line=" ".join([written, *arguments]),
        shell=Shell.CMD,
        image="" if program in BUILTINS else windows_image(program),
        parent_image=SHELL_IMAGES[Shell.CMD],
        offset=span[0],
        length=span[1],
    ), depth)


def _match(pattern: regex.Pattern[str], text: str, collector: Collector) -> regex.Match[str] | None:
    try:
        return pattern.match(text, timeout=collector.regex_timeout())
    except TimeoutError:
        return None


def _before_redirection(arguments: tuple[str, ...]) -> tuple[str, ...]:
    """The arguments up to the first redirection: `cmd /c x > nul` redirects cmd itself."""
    for index, argument in enumerate(arguments):
        if argument in _REDIRECTS:
            return arguments[:index]
    return arguments


def cmd_script(command: ExtractedCommand) -> str | None:
    """The command line a `cmd /c ...` / `cmd /k ...` command runs, if any."""
    if command.name != "cmd":
        return None
    for index, argument in enumerate(command.arguments):
        lowered = argument.lower()
        if lowered in ("/c", "/k", "/r"):
            rest = _before_redirection(command.arguments[index + 1:])
            return " ".join(rest) if rest else None
        if lowered[:2] in ("/c", "/k", "/r") and len(lowered) > 2 and lowered[2] not in ":":
            return " ".join((argument[2:], *_before_redirection(command.arguments[index + 1:])))
        if not argument.startswith("/"):
            return None
    return None


__all__ = ["BUILTINS", "cmd_script", "collect"]
