"""The PowerShell constant evaluator: what it computes, what it refuses, and its bounds."""

from __future__ import annotations

from typing import Any

import pytest
import tree_sitter
import tree_sitter_powershell

from inspector.deobfuscate.ps_eval import EvalLimit, Evaluator, NotConstant, to_str

_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_powershell.language()))


def evaluate(source: str, **limits: Any) -> tuple[Any, set[str]]:
    data = source.encode()
    tree = _PARSER.parse(data)
    return Evaluator(data, **limits).evaluate(tree.root_node.children[0])


@pytest.mark.parametrize(
    ("source", "value", "technique"),
    [
        ("\"{1}{0}\" -f 'x','y'", "yx", "format-operator"),
        ("\"{2}{0}{1}\" -f 'vo','ke','In'", "Invoke", "format-operator"),
        ("'Inv'+'oke'+'-Exp'+'ression'", "Invoke-Expression", "concat"),
        ("[char]105+[char]101", "ie", "char-codes"),
        ("[string][char]73+[char]69+[char]88", "IEX", "char-codes"),
        ("-join [char[]](105,101,120)", "iex", "char-codes"),
        ("((105,101,120)|%{[char]$_}) -join ''", "iex", "char-codes"),
        ("[char[]](105,101,120) -join ''", "iex", "join"),
        ("('iXYex' -replace 'XY','')", "iex", "replace"),
        ("'iQx'.Replace('Q','e')", "iex", "replace"),
        ("-join ('xei'[-1..-3])", "iex", "reverse"),
        ("-join [regex]::Matches('xei','.','RightToLeft')", "iex", "reverse"),
        ("(('i~e~x' -split '~') -join '')", "iex", "split"),
        ("-join ((0x0b,0x07,0x1a)|%{[char]($_ -bxor 0x62)})", "iex", "bxor"),
        ("[Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('aWV4'))", "iex", "base64"),
        ("[Text.Encoding]::Unicode.GetString([Convert]::FromBase64String('aQBlAHgA'))", "iex", "base64"),
        ("[char]([convert]::ToInt16('1101001', 2))", "i", "char-codes"),
        ("\"I`nv`oke\"", "I\nvoke", None),
        ("\"Inv`o`ke\"", "Invoke", "backtick-escape"),
    ],
)
def test_constant_expressions_evaluate_to_their_string(source: str, value: str, technique: str | None) -> None:
    result, techniques = evaluate(source)
    assert to_str(result) == value
    if technique is not None:
        assert technique in techniques


@pytest.mark.parametrize(
    "source",
    [
        "$ShellId[1]+$ShellId[13]+'x'",
        "( $PSHome[21]+$PSHome[30]+'x')",
        "$env:comspec[4,15,25]-join''",
        "$env:ComSpec[4,15,25] -join ''",
        "$VerbosePreference.ToString()[1,3]+'x'-join''",
    ],
)
def test_automatic_variables_spell_iex(source: str) -> None:
    result, techniques = evaluate(source)
    assert to_str(result).lower() == "iex"
    assert "automatic-variable" in techniques


def test_deflate_stream_over_base64_is_read_back() -> None:
    import base64
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    blob = base64.b64encode(packer.compress(b"Write-Host hi") + packer.flush()).decode()
    source = (f"(New-Object IO.StreamReader((New-Object IO.Compression.DeflateStream([IO.MemoryStream]"
              f"[Convert]::FromBase64String('{blob}'),[IO.Compression.CompressionMode]::Decompress)),"
              f"[Text.Encoding]::ASCII)).ReadToEnd()")
    result, techniques = evaluate(source)
    assert result == "Write-Host hi"
    assert {"compressed-stream", "base64"} <= techniques


def test_assignments_are_remembered_and_arrays_reversed_in_place() -> None:
    result, _ = evaluate("$a='xei'.ToCharArray(); [array]::Reverse($a); -join $a")
    assert result == "iex"


@pytest.mark.parametrize(
    "source",
    [
        "$unknown + 'x'",
        "(Get-Content a.txt) -join ''",
        "[IO.File]::ReadAllText('a')",
        "(New-Object Net.WebClient).DownloadString('http://x')",
        "\"{5}\" -f 'a'",
    ],
)
def test_run_time_values_are_not_constant(source: str) -> None:
    with pytest.raises(NotConstant):
        evaluate(source)


def test_step_budget_bounds_evaluation() -> None:
    with pytest.raises(EvalLimit):
        evaluate("+".join(["'a'"] * 5000), max_steps=2000)


def test_nesting_is_bounded_without_recursion_errors() -> None:
    source = "(" * 3000 + "'a'" + ")" * 3000
    with pytest.raises(EvalLimit):
        evaluate(source, max_depth=100)


def test_values_are_bounded_in_size() -> None:
    with pytest.raises(EvalLimit):
        evaluate("'a' * 100000000", max_value=1024)
    with pytest.raises(EvalLimit):
        evaluate("(1..100000000) -join ''", max_value=1024)


def test_a_block_that_ignores_the_item_is_evaluated_once() -> None:
    result, _ = evaluate("(0..65535|%{0})")
    assert len(result) == 65536 and set(result) == {0}


def test_one_expensive_expression_is_given_up_quietly() -> None:
    from inspector.deobfuscate.ps_eval import TooExpensive

    with pytest.raises(TooExpensive):
        evaluate("+".join(["'a'"] * 3000), expression_steps=500)


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("'a'+1+2", "a12"),  # a string on the left: each + appends the right side's text
        ("1+2+'3'", 6),  # a number on the left: numeric addition
        ("[char]65+1", 66),  # a [char] on the left is a number to +
        ("[char]65+'b'+'c'", "Abc"),
        ("'a'+(1,2)+'b'", "a1 2b"),
        ("(1,2)+'a'+'b'", [1, 2, "a", "b"]),
        ("'a'+'b'*2+'c'", "abbc"),
    ],
)
def test_operator_chains_keep_the_type_rules_of_plus(source: str, value: Any) -> None:
    assert evaluate(source)[0] == value


def test_a_concatenation_chain_is_bounded_by_the_value_size() -> None:
    with pytest.raises(EvalLimit):
        evaluate("+".join(["'aaaa'"] * 1000), max_value=1024)


def prefix_of(source: str, **limits: Any) -> Any:
    data = source.encode()
    tree = _PARSER.parse(data)
    node = tree.root_node.children[0]
    while node.type != "additive_expression":
        node = node.named_children[0]
    return Evaluator(data, **limits).constant_prefix(node), data


def test_a_chain_longer_than_one_expressions_share_is_folded_in_further_shares() -> None:
    prefix, data = prefix_of("+".join(["'ab'"] * 3000) + "+$unknown", expression_steps=500)
    assert prefix.value == "ab" * 3000
    assert data[prefix.node.start_byte:prefix.node.end_byte].decode() == "+".join(["'ab'"] * 3000)
    assert prefix.limit is None


def test_a_chain_that_outgrows_the_artifacts_budget_keeps_the_part_found() -> None:
    prefix, _ = prefix_of("+".join(["'ab'"] * 3000), expression_steps=500, max_steps=4000)
    assert isinstance(prefix.limit, EvalLimit)
    assert 0 < len(prefix.value) < 6000 and prefix.value == "ab" * (len(prefix.value) // 2)


def test_a_chain_that_is_not_a_string_stops_at_its_share() -> None:
    prefix, _ = prefix_of("+".join(["1"] * 3000) + "+$unknown", expression_steps=500)
    assert isinstance(prefix.value, int) and prefix.value < 3000
