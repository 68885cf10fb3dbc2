"""Worst-case inputs finish and say which limit cut the work short."""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest

from inspector.stage import ScanContext, ScanLimits
from inspector.model import ArtifactType
from tests.deobfuscate.peeling import payload_of, peel, run_layers
from tests.obfuscation import obfuscators as ob
from tests.timing import finishes_within_cpu, frozen_clock, growth

PS, SH, CMD = ArtifactType.POWERSHELL, ArtifactType.SHELL, ArtifactType.CMD


def bounded(text: str | bytes, kind: ArtifactType) -> tuple[list[tuple[str, str]], int]:
    """The layers' errors and child count for `text`, which must finish (tests/timing.py)."""
    payload = payload_of(text.encode() if isinstance(text, str) else text, kind)
    with finishes_within_cpu():
        out = run_layers(payload, ScanContext(ScanLimits(), clock=frozen_clock))  # cut by the other limits
    return out.errors, len(out.children)


BASE64_10MB = base64.b64encode(b"A" * 7_700_000).decode()


@pytest.mark.parametrize("kind", [PS, SH, CMD])
def test_ten_megabytes_of_base64_in_a_launch_line(kind: ArtifactType) -> None:
    errors, children = bounded("powershell -enc " + BASE64_10MB, kind)
    assert children == 1  # the decoded layer, cut to the child size bound
    assert "limit_deobfuscation_size" in {kind for kind, _ in errors}


def test_ten_megabytes_of_base64_in_powershell_source_skips_the_parser() -> None:
    errors, _ = bounded(f"[Convert]::FromBase64String('{BASE64_10MB}')", PS)
    assert "limit_deobfuscation_parse" in {kind for kind, _ in errors}


def test_ten_megabytes_of_base64_piped_to_a_shell() -> None:
    _, children = bounded(f"echo {BASE64_10MB} | base64 -d | sh", SH)
    assert children == 1


def test_hundred_thousand_nested_parentheses() -> None:
    nested = "(" * 100_000 + "'a'" + ")" * 100_000
    errors, _ = bounded(nested, PS)
    assert "limit_deobfuscation_eval" in {kind for kind, _ in errors}
    for kind in (SH, CMD):
        bounded(nested, kind)


@pytest.mark.parametrize("kind", [PS, SH, CMD])
def test_five_megabyte_single_line(kind: ArtifactType) -> None:
    line = ("Write-Host 'x' + 'y'; a=b;$a$a p^o^w %x:~1,1% " * 120_000)[:5_000_000]
    errors, _ = bounded(line, kind)
    if kind in (PS, CMD):
        assert "limit_deobfuscation_parse" in {kind for kind, _ in errors}


def test_thousand_nested_cmd_wrappers_are_cut_at_the_nesting_bound() -> None:
    chain = "whoami"
    for _ in range(1000):
        chain = f'cmd /c "{chain}"'
    errors, _ = bounded(chain, CMD)
    assert "limit_deobfuscation_nesting" in {kind for kind, _ in errors}


def test_thousand_nested_invocations_in_one_script() -> None:
    nested = "iex (" * 1000 + "'Write-Host hi'" + ")" * 1000
    _, children = bounded(nested, PS)
    assert children >= 1


def test_long_encoding_chain_peels_one_layer_per_round_and_stops_at_the_round_bound() -> None:
    command = "Write-Host deep"
    chain = command
    for _ in range(25):  # each layer grows by a third
        blob = base64.b64encode(chain.encode()).decode()
        chain = f"iex ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('{blob}')))"
    with finishes_within_cpu():
        capped = peel(chain, PS, rounds=10)
        full = peel(chain, PS, rounds=30)
    assert max(layer.depth for layer in capped.layers) == 10
    assert not capped.recovered(command)
    assert full.recovered(command)
    assert max(layer.depth for layer in full.layers) == 25


def test_evaluation_stops_at_the_scan_deadline() -> None:
    limits = ScanLimits(deadline_s=0.0)
    script = "\n".join(f"$v{i} = 'a'+'b'" for i in range(5000))
    out = run_layers(payload_of(script.encode(), PS), ScanContext(limits))
    assert "limit_deadline" in {kind for kind, _ in out.errors}


@pytest.mark.parametrize("transform", [ob.ps_bxor, ob.ps_char_codes, ob.ps_format_operator, ob.ps_concat],
                         ids=lambda f: f.__name__)
def test_fifty_kilobyte_obfuscated_script_is_peeled(transform) -> None:
    # How fast: benchmarks/large_scripts.py (docs/performance.md).
    command = "\n".join(f"Write-Host 'line {i}'; Get-Process | Out-Null" for i in range(300))
    obfuscated = transform(command, 1)
    with finishes_within_cpu():
        result = peel(obfuscated, PS)
    assert result.recovered(command)


@pytest.mark.parametrize(
    "chain",
    [
        lambda n: "109+" + "+".join("[char]46" for _ in range(n)),  # a number plus chars: constant, not a string
        lambda n: "$unknown+" + "+".join("[char]46" for _ in range(n)),  # not constant at all
        lambda n: "+".join("[char]46" for _ in range(n)) + "+$unknown",  # constant up to the last operand
    ],
    ids=["number", "unknown-first", "unknown-last"],
)
def test_long_operator_chains_are_evaluated_once_not_once_per_prefix(chain: Callable[[int], str]) -> None:
    # Once per prefix is quadratic: ten times the operands would cost a hundred times as much.
    payloads = {n: payload_of(chain(n).encode(), PS) for n in (300, 3000)}
    assert growth(lambda n: run_layers(payloads[n], ScanContext(ScanLimits(), clock=frozen_clock)), 300) < 30


def literal_chain(links: int) -> str:
    """`$x = 'a0' + 'a1' + ...`: string concatenation far longer than one expression's share of steps."""
    return "$x = " + " + ".join(f"'a{i % 10}'" for i in range(links))


def test_a_concatenation_longer_than_one_expressions_share_is_folded_in_one_layer() -> None:
    # 20,000 links cost several shares (`expression_steps`); a share per layer made a long
    # chain take a layer per share, each as long as the chain.
    with finishes_within_cpu():
        result = peel(literal_chain(20_000) + " + 'Down' + 'loadString'", PS)
    whole = "".join(f"a{i % 10}" for i in range(20_000)) + "DownloadString"
    assert result.layers[1].depth == 1 and result.layers[1].text == f"$x = '{whole}'"
    assert max(layer.depth for layer in result.layers) == 1


def test_a_long_concatenation_costs_in_proportion_to_its_length() -> None:
    # Above one share per layer, ten times the links cost ten times the layers, each ten times
    # as long: a hundred times as much (benchmarks/scan_growth.py, ps-concat-chain).
    texts = {n: literal_chain(n) for n in (5_000, 50_000)}
    assert growth(lambda n: peel(texts[n], PS), 5_000) < 30
