"""The value model of the PowerShell evaluator: what a constant can be and how it converts.

Python values stand for PowerShell ones: str, int, float, bool, None, bytes and list, plus
the few .NET objects an obfuscated script passes around (a [char], a script block, a
stream over known bytes, a reader, a text encoding, a type literal). The conversions
follow PowerShell's (a list prints with spaces between items, a [char] adds as a number).
Anything without a modelled conversion is `NotConstant`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from tree_sitter import Node


class NotConstant(Exception):
    """The expression depends on something only known at run time (or not modelled)."""


class EvalLimit(NotConstant):
    """The step budget, the nesting depth or the value size bound was reached."""


class TooExpensive(NotConstant):
    """One expression used up its own step budget: given up on quietly, like a run-time value."""


class Char(str):
    """A [char] value: a one-character string that remembers it came from a char cast."""


@dataclass
class ScriptBlock:
    node: Node | None
    text: str


@dataclass
class Stream:
    """A MemoryStream / DeflateStream / GZipStream over bytes that are already known."""

    data: bytes


@dataclass
class Reader:
    text: str


@dataclass
class Encoding:
    codec: str


@dataclass
class TypeRef:
    name: str  # lower case, without a leading "system."


class Runtime(Protocol):
    """What an operator or a .NET member needs from the evaluator running it: the techniques
    the current expression went through, and the bounds a value or a regex call must keep."""

    techniques: set[str]
    max_value: int
    regex_timeout: float

    def reverse_variable(self, arg_nodes: list[Node]) -> None:
        """Reverse, in place, the array held in the one variable named by the argument nodes."""


# Values the automatic variables hold on a stock Windows host; attackers index into them
# to spell "iex" without writing it ($ShellId[1]+$ShellId[13]+'x').
AUTOMATIC_VARIABLES: dict[str, Any] = {
    "shellid": "Microsoft.PowerShell",
    "pshome": "C:\\Windows\\System32\\WindowsPowerShell\\v1.0",
    "verbosepreference": "SilentlyContinue",
    "debugpreference": "SilentlyContinue",
    "progresspreference": "Continue",
    "warningpreference": "Continue",
    "erroractionpreference": "Continue",
    "informationpreference": "SilentlyContinue",
    "confirmpreference": "High",
    "ofs": " ",
    "null": None,
    "true": True,
    "false": False,
    "env:comspec": "C:\\Windows\\system32\\cmd.exe",
    "env:windir": "C:\\Windows",
    "env:systemroot": "C:\\Windows",
    "env:public": "C:\\Users\\Public",
    "env:programdata": "C:\\ProgramData",
    "env:allusersprofile": "C:\\ProgramData",
    "env:programfiles": "C:\\Program Files",
    "env:systemdrive": "C:",
    "env:psmodulepath": "C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules",
    "env:pathext": ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC",
    "env:os": "Windows_NT",
    "env:processor_architecture": "AMD64",
}
# These variables are stock; reading them is a technique of its own when indexed.
INDEXED_AUTOMATIC = frozenset(k for k in AUTOMATIC_VARIABLES if k not in {"null", "true", "false", "ofs"})

# [Text.Encoding]::<name> -> the Python codec it reads and writes with.
ENCODINGS = {
    "utf8": "utf-8", "unicode": "utf-16-le", "ascii": "ascii", "utf32": "utf-32-le",
    "bigendianunicode": "utf-16-be", "default": "latin-1", "utf7": "utf-7", "latin1": "latin-1",
}


def norm_var(name: str) -> str:
    """`$Env:ComSpec`, `${x}`, `$global:x` -> canonical lower-case key."""
    name = name.lstrip("$@")
    if name.startswith("{") and name.endswith("}"):
        name = name[1:-1]
    name = name.lower()
    for scope in ("global:", "script:", "local:", "private:", "variable:"):
        name = name.removeprefix(scope)
    return name


def to_str(value: Any) -> str:
    """PowerShell's string conversion of a value ($OFS = ' ' between array items)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, bytes):
        return " ".join(str(b) for b in value)
    if isinstance(value, list):
        return " ".join(to_str(v) for v in value)
    if isinstance(value, ScriptBlock):
        return value.text
    if isinstance(value, Reader):
        return "System.IO.StreamReader"
    raise NotConstant("no string form")


def to_int(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return round(value)
    if isinstance(value, Char):
        return ord(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text, 16) if text.lower().startswith("0x") else int(text)
        except ValueError:
            raise NotConstant("not a number") from None
    raise NotConstant("not a number")


def to_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    if isinstance(value, bytes):
        return list(value)
    if value is None:
        return []
    return [value]


def to_bytes(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, Stream):
        return value.data
    if isinstance(value, list):
        return bytes(to_int(v) & 0xFF for v in value)
    raise NotConstant("not bytes")


def decode(data: bytes, codec: str) -> str:
    """`data` as text in `codec`; as latin-1 (which reads any bytes) when it is not valid there."""
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return data.decode("latin-1")
