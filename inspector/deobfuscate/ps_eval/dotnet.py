"""The .NET surface the evaluator models, as tables from a type and member to a handler.

Obfuscated PowerShell reaches into a small part of .NET to decode itself: Convert,
Text.Encoding, String, Char, Regex, the compression streams, casts to [char] and
[byte[]], and the methods of strings. Each modelled member is one entry below, keyed by
the type (lower case, without "system.") and the member (lower case); a member spelled
`prefix*` stands for every member starting with `prefix`. A method entry also says how
many arguments it takes: called with another number, the call is `NotConstant`, like
anything the tables do not list. Handlers only compute values; none of them runs code.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import regex
from tree_sitter import Node

from inspector.deobfuscate.common import DecodeLimit, decompress
from inspector.deobfuscate.ps_eval.operators import replace
from inspector.deobfuscate.ps_eval.values import (
    ENCODINGS,
    Char,
    Encoding,
    EvalLimit,
    NotConstant,
    Reader,
    Runtime,
    ScriptBlock,
    Stream,
    TypeRef,
    decode,
    to_bytes,
    to_int,
    to_list,
    to_str,
)

HandlerT = TypeVar("HandlerT")


@dataclass(frozen=True)
class Arity:
    """How many arguments a method takes: at least `least`, at most `most` (None: no upper bound)."""

    least: int = 0
    most: int | None = None

    def allows(self, count: int) -> bool:
        return count >= self.least and (self.most is None or count <= self.most)


ANY_ARGUMENTS = Arity()
ONE_OR_MORE = Arity(1)


@dataclass(frozen=True)
class Method(Generic[HandlerT]):
    handler: HandlerT
    arity: Arity = ANY_ARGUMENTS


class MemberTable(Generic[HandlerT]):
    """(type, member) -> entry; a member spelled `prefix*` matches every member starting with `prefix`."""

    def __init__(self, entries: dict[tuple[str, str], HandlerT]) -> None:
        self._exact = {key: entry for key, entry in entries.items() if not key[1].endswith("*")}
        self._prefixed = [(type_name, member[:-1], entry) for (type_name, member), entry in entries.items()
                          if member.endswith("*")]

    def find(self, type_name: str, member: str) -> HandlerT | None:
        found = self._exact.get((type_name, member))
        if found is not None:
            return found
        for prefixed_type, prefix, entry in self._prefixed:
            if prefixed_type == type_name and member.startswith(prefix):
                return entry
        return None


@dataclass(frozen=True)
class StaticCall:
    """`[Type]::Member(args)`: the member, its argument values and the argument-list nodes."""

    member: str
    args: list[Any]
    arg_nodes: list[Node] = field(default_factory=list)


StaticProperty = Callable[[str], Any]
StaticMethod = Callable[[Runtime, StaticCall], Any]
Constructor = Callable[[Runtime, list[Any]], Any]
Cast = Callable[[Runtime, Any], Any]
InstanceMethod = Callable[[Runtime, Any, list[Any]], Any]


# --- casts ----------------------------------------------------------------------------

def _to_char(rt: Runtime, value: Any) -> Char:
    rt.techniques.add("char-codes")
    if isinstance(value, str):
        if len(value) != 1:
            raise NotConstant("[char] of a string")
        return Char(value)
    return Char(chr(to_int(value) & 0x10FFFF))


def _to_char_array(rt: Runtime, value: Any) -> list[Any]:
    rt.techniques.add("char-codes")
    if isinstance(value, str):
        return [Char(c) for c in value]
    chars: list[Any] = []
    for item in to_list(value):
        if type(item) is int:
            chars.append(Char(chr(item & 0x10FFFF)))
        elif isinstance(item, str) and len(item) == 1:
            chars.append(Char(item))
        else:
            chars.append(Char(chr(to_int(item) & 0x10FFFF)))
    return chars


def _to_string(rt: Runtime, value: Any) -> str:
    return to_str(value)


def _to_integer(rt: Runtime, value: Any) -> int:
    return to_int(value)


def _to_byte(rt: Runtime, value: Any) -> int:
    return to_int(value) & 0xFF


def _to_byte_array(rt: Runtime, value: Any) -> bytes:
    return to_bytes(value) if not isinstance(value, str) else to_bytes([to_int(value)])


def _to_integer_array(rt: Runtime, value: Any) -> list[int]:
    return [to_int(v) for v in to_list(value)]


def _to_object_array(rt: Runtime, value: Any) -> list[Any]:
    return to_list(value)


def _to_string_array(rt: Runtime, value: Any) -> list[str]:
    return [to_str(v) for v in to_list(value)]


def _to_memory_stream(rt: Runtime, value: Any) -> Stream:
    return Stream(to_bytes(value))


def _to_script_block(rt: Runtime, value: Any) -> ScriptBlock:
    return ScriptBlock(None, to_str(value))


def _unchanged(rt: Runtime, value: Any) -> Any:
    return value


CASTS: dict[str, Cast] = {
    "char": _to_char,
    "char[]": _to_char_array,
    "string": _to_string,
    **dict.fromkeys(("int", "int32", "int64", "long", "int16", "uint32", "uint16", "sbyte", "uint64"), _to_integer),
    "byte": _to_byte,
    "byte[]": _to_byte_array,
    "int[]": _to_integer_array, "int32[]": _to_integer_array,
    "object[]": _to_object_array, "array": _to_object_array,
    "string[]": _to_string_array,
    "io.memorystream": _to_memory_stream,
    "scriptblock": _to_script_block,
    # Casts that keep a constant what it was, as far as its string value goes.
    **dict.fromkeys(("regex", "uri", "object", "psobject"), _unchanged),
}


def cast(rt: Runtime, target: str, value: Any) -> Any:
    """`[target]value` for a type name in lower case without "system."."""
    convert = CASTS.get(target)
    if convert is None:
        raise NotConstant(f"cast to {target}")
    return convert(rt, value)


# --- constructors (New-Object, [T]::new) ------------------------------------------------

def _memory_stream(rt: Runtime, ctor: list[Any]) -> Stream:
    return Stream(to_bytes(ctor[0]) if ctor else b"")


def _decompressing(method: str) -> Constructor:
    def construct(rt: Runtime, ctor: list[Any]) -> Stream:
        if not ctor or not isinstance(ctor[0], Stream):
            raise NotConstant("compression stream over an unknown stream")
        rt.techniques.add("compressed-stream")
        try:
            return Stream(decompress(ctor[0].data, method, rt.max_value))
        except DecodeLimit as exc:
            raise EvalLimit(str(exc)) from None
        except ValueError:
            raise NotConstant("corrupt compressed stream") from None

    return construct


def _stream_reader(rt: Runtime, ctor: list[Any]) -> Reader:
    if not ctor or not isinstance(ctor[0], Stream):
        raise NotConstant("reader over an unknown stream")
    codec = ctor[1].codec if len(ctor) > 1 and isinstance(ctor[1], Encoding) else "utf-8"
    return Reader(decode(ctor[0].data, codec))


def _repeated_string(rt: Runtime, ctor: list[Any]) -> str:
    if not ctor:
        raise NotConstant("New-Object string")
    return to_str(ctor[0]) * (to_int(ctor[1]) if len(ctor) > 1 else 1)


CONSTRUCTORS: dict[str, Constructor] = {
    "io.memorystream": _memory_stream,
    "io.compression.deflatestream": _decompressing("deflate"),
    "io.compression.gzipstream": _decompressing("gzip"),
    "io.streamreader": _stream_reader,
    "string": _repeated_string,
}


def construct(rt: Runtime, type_name: str, ctor: list[Any]) -> Any:
    """A new object of `type_name` from constructor arguments."""
    build = CONSTRUCTORS.get(type_name)
    if build is None:
        raise NotConstant(f"New-Object {type_name}")
    return build(rt, ctor)


# --- static properties ------------------------------------------------------------------

def _encoding(member: str) -> Encoding:
    return Encoding(ENCODINGS[member])


def _enum_value(member: str) -> str:
    return member


def _newline(member: str) -> str:
    return "\r\n"


def _char_type(member: str) -> TypeRef:
    return TypeRef("char")


STATIC_PROPERTIES: MemberTable[StaticProperty] = MemberTable({
    **{("text.encoding", name): _encoding for name in ENCODINGS},
    ("io.compression.compressionmode", "*"): _enum_value,
    ("environment", "newline"): _newline,
    ("char", "*"): _char_type,
})


def static_property(type_name: str, member: str) -> Any:
    """`[Type]::Member` read as a value."""
    read = STATIC_PROPERTIES.find(type_name, member)
    if read is None:
        raise NotConstant(f"[{type_name}]::{member}")
    return read(member)


# --- static methods ---------------------------------------------------------------------

def _from_base64(rt: Runtime, call: StaticCall) -> bytes:
    rt.techniques.add("base64")
    blob = "".join(to_str(call.args[0]).split())
    if len(blob) // 4 * 3 > rt.max_value:
        raise EvalLimit("base64 blob too large")
    try:
        return base64.b64decode(blob + "=" * (-len(blob) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise NotConstant("bad base64") from None


def _parse_integer(rt: Runtime, call: StaticCall) -> int:
    """[Convert]::ToInt16/32/64(text, base)."""
    args = call.args
    base = to_int(args[1]) if len(args) > 1 else 10
    try:
        rt.techniques.add("char-codes")
        return int(to_str(args[0]).strip(), base)
    except ValueError:
        raise NotConstant("ToInt") from None


def _convert_to_char(rt: Runtime, call: StaticCall) -> Char:
    return _to_char(rt, call.args[0])


def _string_join(rt: Runtime, call: StaticCall) -> str:
    rt.techniques.add("join")
    separator, items = call.args
    return to_str(separator).join(to_str(v) for v in to_list(items))


def _string_concat(rt: Runtime, call: StaticCall) -> str:
    rt.techniques.add("concat")
    args = call.args
    return "".join(to_str(v) for v in (to_list(args[0]) if len(args) == 1 else args))


def _string_new(rt: Runtime, call: StaticCall) -> str:
    return _repeated_string(rt, call.args)


def _char_from_utf32(rt: Runtime, call: StaticCall) -> str:
    rt.techniques.add("char-codes")
    return chr(to_int(call.args[0]) & 0x10FFFF)


def _array_reverse(rt: Runtime, call: StaticCall) -> None:
    rt.techniques.add("reverse")
    rt.reverse_variable(call.arg_nodes)


def _regex_matches(rt: Runtime, call: StaticCall) -> list[Any]:
    """Only `[regex]::Matches(text, '.', 'RightToLeft')`: the characters of a string, reversed."""
    args = call.args
    options = to_str(args[2]).lower() if len(args) > 2 else ""
    text, pattern = to_str(args[0]), to_str(args[1])
    if pattern != "." or "righttoleft" not in options:
        raise NotConstant("[regex]::Matches")
    rt.techniques.add("reverse")
    return [Char(c) for c in reversed(text)]


def _regex_replace(rt: Runtime, call: StaticCall) -> Any:
    text, pattern, replacement = call.args
    return replace(rt, text, [pattern, replacement], case_sensitive=True)


def _script_block_create(rt: Runtime, call: StaticCall) -> ScriptBlock:
    return ScriptBlock(None, to_str(call.args[0]))


def _enum_member(rt: Runtime, call: StaticCall) -> str:
    return call.member


def _encoding_method(rt: Runtime, call: StaticCall) -> Any:
    """`[Text.Encoding]::GetString(...)`, read as a method of the encoding the member names (UTF-8 if none)."""
    return call_method(rt, Encoding(ENCODINGS.get(call.member, "utf-8")), call.member, call.args)


STATIC_METHODS: MemberTable[Method[StaticMethod]] = MemberTable({
    ("convert", "frombase64string"): Method(_from_base64, Arity(1, 1)),
    ("convert", "toint*"): Method(_parse_integer, ONE_OR_MORE),
    ("convert", "tochar"): Method(_convert_to_char, ONE_OR_MORE),
    ("string", "join"): Method(_string_join, Arity(2, 2)),
    ("string", "concat"): Method(_string_concat),
    ("string", "new"): Method(_string_new, ONE_OR_MORE),
    ("char", "convertfromutf32"): Method(_char_from_utf32, ONE_OR_MORE),
    ("array", "reverse"): Method(_array_reverse, Arity(1, 1)),
    ("regex", "matches"): Method(_regex_matches, Arity(2)),
    ("regex", "replace"): Method(_regex_replace, Arity(3, 3)),
    ("scriptblock", "create"): Method(_script_block_create, ONE_OR_MORE),
    ("io.compression.compressionmode", "*"): Method(_enum_member),
    ("text.encoding", "*"): Method(_encoding_method),
})


def static_call(rt: Runtime, type_name: str, call: StaticCall) -> Any:
    """`[Type]::Member(args)`."""
    method = STATIC_METHODS.find(type_name, call.member)
    if method is None or not method.arity.allows(len(call.args)):
        raise NotConstant(f"[{type_name}]::{call.member}()")
    return method.handler(rt, call)


# --- instance properties and methods -------------------------------------------------------

def _count(target: Any) -> int:
    if isinstance(target, str | list | bytes):
        return len(target)
    return 1 if target is not None else 0


PROPERTIES: dict[str, Callable[[Any], Any]] = {"length": _count, "count": _count}


def get_property(target: Any, member: str) -> Any:
    """`value.Member` (the same for every kind of value)."""
    read = PROPERTIES.get(member)
    if read is None:
        raise NotConstant(f".{member}")
    return read(target)


def _get_string(rt: Runtime, encoding: Encoding, args: list[Any]) -> str:
    return decode(to_bytes(args[0]), encoding.codec)


def _get_bytes(rt: Runtime, encoding: Encoding, args: list[Any]) -> bytes:
    try:
        return to_str(args[0]).encode(encoding.codec)
    except UnicodeEncodeError:
        raise NotConstant("GetBytes") from None


def _read_to_end(rt: Runtime, reader: Reader, args: list[Any]) -> str:
    return reader.text


def _items_to_string(rt: Runtime, items: list[Any] | bytes, args: list[Any]) -> str:
    return to_str(items)


def _string_replace(rt: Runtime, text: str, args: list[Any]) -> str:
    rt.techniques.add("replace")
    old = to_str(args[0])
    if not old:
        raise NotConstant("Replace of an empty string")
    return text.replace(old, to_str(args[1]))


def _string_to_string(rt: Runtime, text: str, args: list[Any]) -> str:
    return str(text)  # a plain string again, even from a [char]


def _lower(rt: Runtime, text: str, args: list[Any]) -> str:
    return text.lower()


def _upper(rt: Runtime, text: str, args: list[Any]) -> str:
    return text.upper()


def _char_array(rt: Runtime, text: str, args: list[Any]) -> list[Any]:
    return [Char(c) for c in text]


def _string_split(rt: Runtime, text: str, args: list[Any]) -> list[str]:
    """.Split(chars...): every character of every argument is a separator (a space if none is given)."""
    separators = "".join(to_str(a) for a in args) if args else " "
    pattern = "[" + regex.escape(separators) + "]" if separators else r"\s"
    rt.techniques.add("split")
    parts: list[str] = regex.split(pattern, text)
    return parts


def _substring(rt: Runtime, text: str, args: list[Any]) -> str:
    start = to_int(args[0])
    if start < 0 or start > len(text):
        raise NotConstant("Substring out of range")
    return text[start:start + to_int(args[1])] if len(args) > 1 else text[start:]


def _trimming(side: str) -> InstanceMethod:
    def trim(rt: Runtime, text: str, args: list[Any]) -> str:
        chars = "".join(to_str(a) for a in args) or None
        return {"start": text.lstrip, "end": text.rstrip, "both": text.strip}[side](chars)

    return trim


def _remove(rt: Runtime, text: str, args: list[Any]) -> str:
    start = to_int(args[0])
    count = to_int(args[1]) if len(args) > 1 else len(text) - start
    return text[:start] + text[start + count:]


def _insert(rt: Runtime, text: str, args: list[Any]) -> str:
    at = to_int(args[0])
    return text[:at] + to_str(args[1]) + text[at:]


def _padding(left: bool) -> InstanceMethod:
    def pad(rt: Runtime, text: str, args: list[Any]) -> str:
        width = min(to_int(args[0]), rt.max_value)
        fill = to_str(args[1])[:1] if len(args) > 1 else " "
        return text.rjust(width, fill) if left else text.ljust(width, fill)

    return pad


# Keyed by the Python class of the value (looked up along its MRO, so a Char has the string methods).
METHODS: dict[tuple[type, str], Method[InstanceMethod]] = {
    (Encoding, "getstring"): Method(_get_string, ONE_OR_MORE),
    (Encoding, "getbytes"): Method(_get_bytes, ONE_OR_MORE),
    (Reader, "readtoend"): Method(_read_to_end),
    (list, "tostring"): Method(_items_to_string),
    (bytes, "tostring"): Method(_items_to_string),
    (str, "replace"): Method(_string_replace, Arity(2, 2)),
    (str, "tostring"): Method(_string_to_string),
    (str, "tolower"): Method(_lower), (str, "tolowerinvariant"): Method(_lower),
    (str, "toupper"): Method(_upper), (str, "toupperinvariant"): Method(_upper),
    (str, "tochararray"): Method(_char_array),
    (str, "split"): Method(_string_split),
    (str, "substring"): Method(_substring, ONE_OR_MORE),
    (str, "trimstart"): Method(_trimming("start")),
    (str, "trimend"): Method(_trimming("end")),
    (str, "trim"): Method(_trimming("both")),
    (str, "remove"): Method(_remove, ONE_OR_MORE),
    (str, "insert"): Method(_insert, Arity(2, 2)),
    (str, "padleft"): Method(_padding(left=True), ONE_OR_MORE),
    (str, "padright"): Method(_padding(left=False), ONE_OR_MORE),
}


def call_method(rt: Runtime, target: Any, member: str, args: list[Any]) -> Any:
    """`value.Member(args)`; every value also has a ToString() with no arguments."""
    for cls in type(target).__mro__:
        method = METHODS.get((cls, member))
        if method is not None:
            if not method.arity.allows(len(args)):
                raise NotConstant(f".{member}() with {len(args)} arguments")
            return method.handler(rt, target, args)
    if member == "tostring" and not args:
        return to_str(target)
    raise NotConstant(f".{member}()")
