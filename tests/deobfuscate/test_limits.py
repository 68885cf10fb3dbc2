"""Worst-case inputs finish fast and say which limit cut the work short."""

from __future__ import annotations

import base64
import time

import pytest

from inspector.stage import ScanContext, ScanLimits
from inspector.model import ArtifactType
from tests.deobfuscate.peeling import payload_of, peel, run_layers
from tests.obfuscation import obfuscators as ob

PS, SH, CMD = ArtifactType.POWERSHELL, ArtifactType.SHELL, ArtifactType.CMD
BUDGET_S = 5.0  # far below the 20 s scan deadline; each case takes well under a second here


def timed(text: str | bytes, kind: ArtifactType) -> tuple[float, list[tuple[str, str]], int]:
    payload = payload_of(text.encode() if isinstance(text, str) else text, kind)
    started = time.monotonic()
    out = run_layers(payload, ScanContext(ScanLimits()))
    return time.monotonic() - started, out.errors, len(out.children)


BASE64_10MB = base64.b64encode(b"A" * 7_700_000).decode()


@pytest.mark.parametrize("kind", [PS, SH, CMD])
def test_ten_megabytes_of_base64_in_a_launch_line(kind: ArtifactType) -> None:
    elapsed, errors, children = timed("powershell -enc " + BASE64_10MB, kind)
    assert elapsed < BUDGET_S
    assert children == 1  # the decoded layer, cut to the child size bound
    assert "limit_deobfuscation_size" in {kind for kind, _ in errors}


def test_ten_megabytes_of_base64_in_powershell_source_skips_the_parser() -> None:
    elapsed, errors, _ = timed(f"[Convert]::FromBase64String('{BASE64_10MB}')", PS)
    assert elapsed < BUDGET_S
    assert "limit_deobfuscation_parse" in {kind for kind, _ in errors}


def test_ten_megabytes_of_base64_piped_to_a_shell() -> None:
    elapsed, _, children = timed(f"echo {BASE64_10MB} | base64 -d | sh", SH)
    assert elapsed < BUDGET_S and children == 1


def test_hundred_thousand_nested_parentheses() -> None:
    nested = "(" * 100_000 + "'a'" + ")" * 100_000
    elapsed, errors, _ = timed(nested, PS)
    assert elapsed < BUDGET_S
    assert "limit_deobfuscation_eval" in {kind for kind, _ in errors}
    for kind in (SH, CMD):
        elapsed, _, _ = timed(nested, kind)
        assert elapsed < BUDGET_S


@pytest.mark.parametrize("kind", [PS, SH, CMD])
def test_five_megabyte_single_line(kind: ArtifactType) -> None:
    line = ("Write-Host 'x' + 'y'; a=b;$a$a p^o^w %x:~1,1% " * 120_000)[:5_000_000]
    elapsed, errors, _ = timed(line, kind)
    assert elapsed < BUDGET_S
    if kind in (PS, CMD):
        assert "limit_deobfuscation_parse" in {kind for kind, _ in errors}


def test_thousand_nested_cmd_wrappers_are_cut_at_the_nesting_bound() -> None:
    chain = "whoami"
    for _ in range(1000):
        chain = f'cmd /c "{chain}"'
    elapsed, errors, _ = timed(chain, CMD)
    assert elapsed < BUDGET_S
    assert "limit_deobfuscation_nesting" in {kind for kind, _ in errors}


def test_thousand_nested_invocations_in_one_script() -> None:
    nested = "iex (" * 1000 + "'Write-Host hi'" + ")" * 1000
    elapsed, _, children = timed(nested, PS)
    assert elapsed < BUDGET_S and children >= 1


def test_long_encoding_chain_peels_one_layer_per_round_and_stops_at_the_round_bound() -> None:
    command = "Write-Host deep"
    chain = command
    for _ in range(25):  # each layer grows by a third
        blob = base64.b64encode(chain.encode()).decode()
        chain = f"iex ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('{blob}')))"
    started = time.monotonic()
    capped = peel(chain, PS, rounds=10)
    assert max(layer.depth for layer in capped.layers) == 10
    assert not capped.recovered(command)
    full = peel(chain, PS, rounds=30)
    assert full.recovered(command)
    assert max(layer.depth for layer in full.layers) == 25
    assert time.monotonic() - started < BUDGET_S


def test_evaluation_stops_at_the_scan_deadline() -> None:
    limits = ScanLimits(deadline_s=0.0)
    script = "\n".join(f"$v{i} = 'a'+'b'" for i in range(5000))
    out = run_layers(payload_of(script.encode(), PS), ScanContext(limits))
    assert "limit_deadline" in {kind for kind, _ in out.errors}


@pytest.mark.parametrize("transform", [ob.ps_bxor, ob.ps_char_codes, ob.ps_format_operator, ob.ps_concat],
                         ids=lambda f: f.__name__)
def test_fifty_kilobyte_obfuscated_script_peels_quickly(transform) -> None:
    command = "\n".join(f"Write-Host 'line {i}'; Get-Process | Out-Null" for i in range(300))
    obfuscated = transform(command, 1)
    started = time.monotonic()
    result = peel(obfuscated, PS)
    assert time.monotonic() - started < 2.0  # typically tens of milliseconds
    assert result.recovered(command)


@pytest.mark.parametrize(
    "chain",
    [
        "109+" + "+".join("[char]46" for _ in range(3000)),  # a number plus chars: constant, not a string
        "$unknown+" + "+".join("[char]46" for _ in range(3000)),  # not constant at all
        "+".join("[char]46" for _ in range(3000)) + "+$unknown",  # constant up to the last operand
    ],
    ids=["number", "unknown-first", "unknown-last"],
)
def test_long_operator_chains_are_evaluated_once_not_once_per_prefix(chain: str) -> None:
    elapsed, _, _ = timed(chain, PS)
    assert elapsed < 1.0
