"""The modelled .NET surface: which members are known, how many arguments they take, what they return."""

from __future__ import annotations

import zlib
from typing import Any

import pytest

from inspector.deobfuscate.ps_eval.dotnet import (
    Arity,
    MemberTable,
    StaticCall,
    call_method,
    cast,
    construct,
    get_property,
    static_call,
    static_property,
)
from inspector.deobfuscate.ps_eval.values import (
    Char,
    Encoding,
    EvalLimit,
    NotConstant,
    Reader,
    ScriptBlock,
    Stream,
    TypeRef,
)
from tests.deobfuscate.ps_eval.runtime import FakeRuntime


def call(type_name: str, member: str, *args: Any) -> tuple[Any, FakeRuntime]:
    rt = FakeRuntime()
    return static_call(rt, type_name, StaticCall(member, list(args))), rt


def test_a_prefixed_member_matches_every_member_it_starts_and_exact_names_win() -> None:
    table = MemberTable({("convert", "toint*"): "family", ("convert", "tointeresting"): "exact"})
    assert table.find("convert", "toint16") == "family"
    assert table.find("convert", "tointeresting") == "exact"
    assert table.find("convert", "tochar") is None
    assert table.find("string", "toint16") is None


def test_arity_bounds_are_inclusive() -> None:
    assert Arity(1, 2).allows(1) and Arity(1, 2).allows(2)
    assert not Arity(1, 2).allows(0) and not Arity(1, 2).allows(3)
    assert Arity(1).allows(99)


@pytest.mark.parametrize(
    ("type_name", "member", "args", "value", "technique"),
    [
        ("convert", "frombase64string", ["aW V4"], b"iex", "base64"),
        ("convert", "toint16", ["1101001", 2], 105, "char-codes"),
        ("convert", "toint32", ["69", 16], 105, "char-codes"),
        ("convert", "tochar", [105], "i", "char-codes"),
        ("string", "join", ["-", ["a", "b"]], "a-b", "join"),
        ("string", "concat", [["a", "b"]], "ab", "concat"),
        ("string", "concat", ["a", "b", "c"], "abc", "concat"),
        ("char", "convertfromutf32", [105], "i", "char-codes"),
        ("regex", "matches", ["xei", ".", "RightToLeft"], ["i", "e", "x"], "reverse"),
        ("regex", "replace", ["aA", "a", "b"], "bA", "replace"),
    ],
)
def test_static_methods(type_name: str, member: str, args: list[Any], value: Any, technique: str) -> None:
    result, rt = call(type_name, member, *args)
    assert result == value
    assert technique in rt.techniques


@pytest.mark.parametrize(
    ("type_name", "member", "args"),
    [
        ("convert", "frombase64string", ["aWV4", "extra"]),
        ("string", "join", ["-"]),
        ("regex", "replace", ["a", "b"]),
        ("convert", "tochar", []),
        ("io.file", "readalltext", ["a"]),
        ("regex", "matches", ["abc", "b"]),  # only the reversing idiom is modelled
    ],
)
def test_unknown_members_and_wrong_argument_counts_are_not_constant(
        type_name: str, member: str, args: list[Any]) -> None:
    with pytest.raises(NotConstant):
        call(type_name, member, *args)


def test_a_base64_blob_larger_than_the_value_bound_is_a_limit() -> None:
    rt = FakeRuntime(max_value=3)
    with pytest.raises(EvalLimit):
        static_call(rt, "convert", StaticCall("frombase64string", ["aWV4aWV4"]))


def test_array_reverse_asks_the_runtime_to_reverse_its_variable() -> None:
    rt = FakeRuntime()
    assert static_call(rt, "array", StaticCall("reverse", ["ignored"], [])) is None
    assert rt.reversed_arguments == [[]] and "reverse" in rt.techniques


def test_scriptblock_create_only_wraps_the_text() -> None:
    result, _ = call("scriptblock", "create", "Write-Host hi")
    assert result == ScriptBlock(None, "Write-Host hi")


def test_static_properties() -> None:
    assert static_property("text.encoding", "unicode") == Encoding("utf-16-le")
    assert static_property("io.compression.compressionmode", "decompress") == "decompress"
    assert static_property("environment", "newline") == "\r\n"
    assert static_property("char", "maxvalue") == TypeRef("char")
    with pytest.raises(NotConstant):
        static_property("text.encoding", "nosuchencoding")


@pytest.mark.parametrize(
    ("target", "value", "result"),
    [
        ("char", 105, "i"),
        ("char[]", [105, "e", 120.0], ["i", "e", "x"]),
        ("string", [1, 2], "1 2"),
        ("byte", 256 + 7, 7),
        ("int64", "0x10", 16),
        ("byte[]", "7", b"\x07"),
        ("int[]", ["1", 2], [1, 2]),
        ("string[]", [1, 2], ["1", "2"]),
        ("object[]", "x", ["x"]),
        ("io.memorystream", [1], Stream(b"\x01")),
        ("scriptblock", "a", ScriptBlock(None, "a")),
        ("uri", "http://x", "http://x"),
    ],
)
def test_casts(target: str, value: Any, result: Any) -> None:
    assert cast(FakeRuntime(), target, value) == result


def test_chars_cast_from_text_must_be_one_character_and_unknown_types_refuse() -> None:
    assert isinstance(cast(FakeRuntime(), "char", "i"), Char)
    with pytest.raises(NotConstant):
        cast(FakeRuntime(), "char", "iex")
    with pytest.raises(NotConstant):
        cast(FakeRuntime(), "net.webclient", "x")


def test_streams_decompress_and_read_back_through_constructors() -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress("Wrïte".encode("utf-16-le")) + packer.flush()
    rt = FakeRuntime()
    memory = construct(rt, "io.memorystream", [packed])
    inflated = construct(rt, "io.compression.deflatestream", [memory, "decompress"])
    reader = construct(rt, "io.streamreader", [inflated, Encoding("utf-16-le")])
    assert reader == Reader("Wrïte")
    assert "compressed-stream" in rt.techniques
    with pytest.raises(NotConstant):
        construct(rt, "io.compression.gzipstream", [b"not a stream"])
    with pytest.raises(NotConstant):
        construct(rt, "net.webclient", [])


def test_new_string_repeats_its_text() -> None:
    assert construct(FakeRuntime(), "string", ["ab", 2]) == "abab"
    with pytest.raises(NotConstant):
        construct(FakeRuntime(), "string", [])


def test_length_and_count_are_the_only_properties() -> None:
    assert get_property("iex", "length") == 3
    assert get_property([1, 2], "count") == 2
    assert get_property(5, "count") == 1
    assert get_property(None, "count") == 0
    with pytest.raises(NotConstant):
        get_property("iex", "chars")


@pytest.mark.parametrize(
    ("target", "member", "args", "value"),
    [
        ("iQx", "replace", ["Q", "e"], "iex"),
        ("IEX", "tolower", [], "iex"),
        ("iex", "toupperinvariant", [], "IEX"),
        ("iex", "tochararray", [], ["i", "e", "x"]),
        ("i,e;x", "split", [",", ";"], ["i", "e", "x"]),
        ("xiex", "substring", [1], "iex"),
        ("xiexx", "substring", [1, 3], "iex"),
        ("--iex--", "trim", ["-"], "iex"),
        ("  iex", "trimstart", [], "iex"),
        ("iXex", "remove", [1, 1], "iex"),
        ("ix", "insert", [1, "e"], "iex"),
        ("x", "padleft", [3, "-"], "--x"),
        ("x", "padright", [2], "x "),
        (Char("i"), "toupper", [], "I"),  # a [char] has the string methods
        (Encoding("utf-16-le"), "getstring", [b"i\x00"], "i"),
        (Encoding("ascii"), "getbytes", ["iex"], b"iex"),
        (Reader("text"), "readtoend", [], "text"),
        ([1, 2], "tostring", [], "1 2"),
        (True, "tostring", [], "True"),
        (ScriptBlock(None, "code"), "tostring", [], "code"),
    ],
)
def test_instance_methods(target: Any, member: str, args: list[Any], value: Any) -> None:
    assert call_method(FakeRuntime(), target, member, args) == value


def test_tostring_of_a_char_is_a_plain_string() -> None:
    result = call_method(FakeRuntime(), Char("i"), "tostring", [])
    assert result == "i" and type(result) is str


@pytest.mark.parametrize(
    ("target", "member", "args"),
    [
        ("iex", "replace", ["", "x"]),  # .NET refuses an empty old value
        ("iex", "replace", ["i"]),
        ("iex", "substring", [9]),
        ("iex", "normalize", []),
        (Encoding("ascii"), "getstring", []),
        (Encoding("ascii"), "getbytes", ["é"]),
        (Encoding("ascii"), "tostring", []),
        (ScriptBlock(None, "code"), "invoke", []),
        (5, "tostring", ["x2"]),
    ],
)
def test_methods_not_modelled_or_failing_are_not_constant(target: Any, member: str, args: list[Any]) -> None:
    with pytest.raises(NotConstant):
        call_method(FakeRuntime(), target, member, args)
