"""cmd/batch layer: expansion round-trips every transformation, alone and stacked."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from inspector.stage import ScanContext, ScanLimits
from inspector.deobfuscate.cmd import CmdLayer
from inspector.model import ArtifactType
from tests.deobfuscate.conftest import CMD_COMMANDS, PS_COMMANDS
from tests.deobfuscate.peeling import payload_of, peel
from tests.obfuscation import obfuscators as ob

CMD = ArtifactType.CMD

EXPECTED: dict[Callable[[str, int], str], str] = {
    ob.cmd_caret: "deobf.cmd.caret",
    ob.cmd_set_substring: "deobf.cmd.substring",
    ob.cmd_delayed_expansion: "deobf.cmd.delayed_expansion",
    ob.cmd_env_substring: "deobf.cmd.env_substring",
    ob.cmd_for_delims: "deobf.cmd.for_delims",
    ob.cmd_call: "deobf.cmd.call_variable",
}


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("command", CMD_COMMANDS, ids=["certutil", "powershell", "shadows"])
@pytest.mark.parametrize("transform", list(EXPECTED), ids=lambda f: f.__name__)
def test_each_transformation_round_trips(transform: Callable[[str, int], str], command: str, seed: int) -> None:
    obfuscated = transform(command, seed)
    result = peel(obfuscated, CMD)
    assert result.recovered(command), obfuscated
    assert EXPECTED[transform] in result.finding_ids


STACKS = [
    [ob.cmd_caret, ob.cmd_set_substring],
    [ob.cmd_env_substring, ob.cmd_caret],
    [ob.cmd_for_delims, ob.cmd_delayed_expansion],
    [ob.cmd_caret, ob.cmd_call],
    [ob.cmd_for_delims, ob.cmd_env_substring, ob.cmd_caret],
]


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("chain", STACKS, ids=lambda c: "+".join(f.__name__[4:] for f in c))
def test_stacked_transformations_round_trip(chain: list[Callable[[str, int], str]], seed: int) -> None:
    command = CMD_COMMANDS[0]
    result = peel(ob.stack(command, chain, seed), CMD)
    assert result.recovered(command)
    for transform in chain:
        assert EXPECTED[transform] in result.finding_ids


CROSS = [
    [ob.ps_encoded_command, ob.cmd_caret],
    [ob.ps_concat, ob.ps_encoded_command, ob.cmd_set_substring],
    [ob.ps_format_operator, ob.ps_encoded_command, ob.cmd_delayed_expansion],
    [ob.ps_char_codes, ob.ps_encoded_command, ob.cmd_env_substring],
]


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("chain", CROSS, ids=lambda c: "+".join(f.__name__ for f in c))
def test_powershell_launched_from_cmd_round_trips(chain: list[Callable[[str, int], str]], seed: int) -> None:
    command = PS_COMMANDS[0]
    result = peel(ob.stack(command, chain, seed), CMD)
    assert result.recovered(command)
    assert "deobf.powershell.encoded_command" in result.finding_ids


@pytest.mark.parametrize(
    ("script", "expanded"),
    [
        ("%COMSPEC:~-7,3%", "cmd"),
        ("%ComSpec:~-16,1%", "s"),
        ("%comspec:~0,1%%comspec:~-1%", "Ce"),
        ("set a=HelloXworld\r\necho %a:X= %", "echo Hello world"),
        ("set a=powershell\r\necho %a:~0,-5%", "echo power"),
        ("set a=powershell\r\necho %a:~-5%", "echo shell"),
        ("set a=abc\r\necho %a:~1%", "echo bc"),
        ('for /f "tokens=2 delims=#" %%i in ("x#whoami#y") do %%i /all', "whoami /all"),
        ('for /f "tokens=1,3 delims=~" %a in ("net~x~user") do %a %b', "net user"),
        ("cmd /v:on /c \"set x=who&&set y=ami&&!x!!y!\"", "cmd /v:on /c \"set x=who&&set y=ami&&whoami\""),
        ("set q=who\r\ncall set r=%%q%%ami\r\n%r%", "whoami"),
    ],
)
def test_expansions_follow_cmd_semantics(script: str, expanded: str) -> None:
    result = peel(script, CMD)
    assert any(expanded in text for text in result.texts), result.texts


def test_carets_inside_quotes_are_literal() -> None:
    out = CmdLayer().analyze(payload_of(b'p^o^w^e^r^s^h^e^l^l -c "echo a^b"', CMD), ScanContext(ScanLimits()))
    (child,) = out.children
    assert child.data == b'powershell -c "echo a^b"'
    assert child.origin == "deobfuscated:caret"


BENIGN = """@echo off
setlocal
set INSTALL_DIR=%ProgramFiles%\\Contoso
if not exist "%INSTALL_DIR%" mkdir "%INSTALL_DIR%"
msiexec /i "%~dp0agent.msi" /qn /l*v "%TEMP%\\agent.log"
sc config ContosoAgent start= auto & net start ContosoAgent
echo Done ^& ready
"""


def test_ordinary_batch_file_is_left_alone() -> None:
    result = peel(BENIGN, CMD)
    assert result.layers[1:] == []
    assert result.findings == []
