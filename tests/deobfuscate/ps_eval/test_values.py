"""The evaluator's value model: PowerShell's conversions between strings, numbers, bytes and arrays."""

from __future__ import annotations

from typing import Any

import pytest

from inspector.deobfuscate.ps_eval.values import (
    Char,
    Encoding,
    NotConstant,
    Reader,
    ScriptBlock,
    Stream,
    decode,
    norm_var,
    to_bytes,
    to_int,
    to_list,
    to_str,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (True, "True"),
        (42, "42"),
        ([1, "a", Char("b")], "1 a b"),  # $OFS is a space
        (b"\x01\x02", "1 2"),
        (ScriptBlock(None, "Write-Host hi"), "Write-Host hi"),
        (Reader("ignored"), "System.IO.StreamReader"),
    ],
)
def test_values_print_as_powershell_prints_them(value: Any, text: str) -> None:
    assert to_str(value) == text


@pytest.mark.parametrize("value", [Encoding("utf-8"), Stream(b"x")])
def test_objects_without_a_modelled_string_form_are_not_constant(value: Any) -> None:
    with pytest.raises(NotConstant):
        to_str(value)


@pytest.mark.parametrize(
    ("value", "number"),
    [(Char("i"), 105), (" 0x69 ", 105), ("105", 105), (104.6, 105), (True, 1)],
)
def test_numbers_come_from_chars_text_and_floats(value: Any, number: int) -> None:
    assert to_int(value) == number


@pytest.mark.parametrize("value", ["iex", [1], None])
def test_what_is_not_a_number_is_not_constant(value: Any) -> None:
    with pytest.raises(NotConstant):
        to_int(value)


def test_bytes_lists_and_streams_convert_into_each_other() -> None:
    assert to_list(b"ab") == [97, 98]
    assert to_list(None) == []
    assert to_list("x") == ["x"]
    assert to_bytes([Char("a"), 256 + 98]) == b"ab"  # each item kept to its low byte
    assert to_bytes(Stream(b"z")) == b"z"
    with pytest.raises(NotConstant):
        to_bytes("text")


@pytest.mark.parametrize(
    ("spelling", "key"),
    [("$Env:ComSpec", "env:comspec"), ("${x}", "x"), ("$global:Payload", "payload"), ("@args", "args")],
)
def test_variable_spellings_share_one_key(spelling: str, key: str) -> None:
    assert norm_var(spelling) == key


def test_bytes_invalid_in_their_codec_are_read_as_latin1() -> None:
    assert decode("é".encode(), "utf-8") == "é"
    assert decode(b"\xff\xfe", "utf-8") == "\xff\xfe"
    assert decode(b"abc", "no-such-codec") == "abc"
