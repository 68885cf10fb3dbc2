"""PowerShell's operators over constant values: every spelling, the technique each records, their bounds."""

from __future__ import annotations

from typing import Any

import pytest

from inspector.deobfuscate.ps_eval.operators import (
    BINARY_OPERATORS,
    binary,
    dotnet_replacement,
    int_range,
    unary,
)
from inspector.deobfuscate.ps_eval.values import Char, EvalLimit, NotConstant
from tests.deobfuscate.ps_eval.runtime import FakeRuntime


@pytest.mark.parametrize(
    ("left", "op", "right", "value", "technique"),
    [
        ("Inv", "+", "oke", "Invoke", "concat"),
        ("{1}{0}", "-f", ["x", "y"], "yx", "format-operator"),
        (["i", "e", "x"], "-join", "", "iex", "join"),
        (["i", "e", "x"], "-cjoin", "-", "i-e-x", "join"),
        ("iXYex", "-replace", ["xy", ""], "iex", "replace"),
        ("i~e~x", "-split", "~", ["i", "e", "x"], "split"),
        (0x0B, "-bxor", 0x62, ord("i"), "bxor"),
    ],
)
def test_operators_compute_their_value_and_record_their_technique(
        left: Any, op: str, right: Any, value: Any, technique: str) -> None:
    rt = FakeRuntime()
    assert binary(rt, left, op, right) == value
    assert technique in rt.techniques


def test_every_case_spelling_of_an_operator_is_known() -> None:
    for family in ("join", "replace", "split"):
        assert {f"-{family}", f"-i{family}", f"-c{family}"} <= set(BINARY_OPERATORS)


def test_replace_is_case_insensitive_unless_spelled_creplace() -> None:
    rt = FakeRuntime()
    assert binary(rt, "aA", "-replace", ["a", "b"]) == "bb"
    assert binary(rt, "aA", "-creplace", ["a", "b"]) == "bA"


def test_replace_applies_to_each_item_of_an_array() -> None:
    assert binary(FakeRuntime(), ["ax", "bx"], "-replace", "x") == ["a", "b"]


@pytest.mark.parametrize(
    ("replacement", "template"),
    [("$1", "\\g<1>"), ("${name}", "\\g<name>"), ("$$", "$"), ("a\\b", "a\\\\b"), ("$", "$")],
)
def test_dotnet_replacement_syntax_becomes_an_expand_template(replacement: str, template: str) -> None:
    assert dotnet_replacement(replacement) == template


def test_format_items_are_aligned_and_braces_escaped() -> None:
    assert binary(FakeRuntime(), "{{{0,3}|{1,-2}}}", "-f", ["a", "b"]) == "{  a|b }"


@pytest.mark.parametrize("template", ["{5}", "{x}", "{0"])
def test_bad_format_strings_are_not_constant(template: str) -> None:
    with pytest.raises(NotConstant):
        binary(FakeRuntime(), template, "-f", ["a"])


def test_a_char_plus_a_number_is_a_number_and_arrays_append() -> None:
    rt = FakeRuntime()
    assert binary(rt, Char("a"), "+", 1) == 98
    assert binary(rt, [1], "+", 2) == [1, 2]
    assert binary(rt, b"\x01", "+", [2]) == [1, 2]
    assert binary(rt, 1, "+", "2") == 3


def test_arithmetic_and_shifts_work_on_numbers() -> None:
    rt = FakeRuntime()
    assert binary(rt, "7", "-", 2) == 5
    assert binary(rt, 3, "*", 4) == 12
    assert binary(rt, 1, "-shl", 4) == 16
    assert binary(rt, 16, "-shr", 4) == 1
    assert binary(rt, 7, "%", 4) == 3
    assert binary(rt, 6, "-band", 3) == 2
    assert binary(rt, 4, "-bor", 1) == 5
    with pytest.raises(NotConstant):
        binary(rt, 1, "%", 0)


def test_string_repetition_is_bounded_by_the_value_size() -> None:
    assert binary(FakeRuntime(), "ab", "*", 2) == "abab"
    with pytest.raises(EvalLimit):
        binary(FakeRuntime(max_value=10), "ab", "*", 6)


def test_unknown_operators_are_not_constant() -> None:
    with pytest.raises(NotConstant):
        binary(FakeRuntime(), 1, "-eq", 1)
    with pytest.raises(NotConstant):
        unary("-isnot")


@pytest.mark.parametrize(
    ("op", "operand", "value"),
    [("-join", ["i", "e", "x"], "iex"), ("-split", " a  b ", ["a", "b"]), ("-", "5", -5), ("-", 1.5, -1.5),
     ("+", "x", "x"), ("!", 0, True), ("-bnot", 0, -1), (",", "x", ["x"])],
)
def test_unary_operators(op: str, operand: Any, value: Any) -> None:
    assert unary(op)(FakeRuntime(), operand) == value


def test_ranges_count_in_either_direction_within_the_value_size() -> None:
    rt = FakeRuntime(max_value=5)
    assert int_range(rt, 1, 3) == [1, 2, 3]
    assert int_range(rt, -1, -3) == [-1, -2, -3]
    with pytest.raises(EvalLimit):
        int_range(rt, 1, 6)
