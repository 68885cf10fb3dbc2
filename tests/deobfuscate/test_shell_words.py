"""Static folding of obfuscated shell words: globs against fixed names, printf and escapes."""

from __future__ import annotations

from inspector.deobfuscate.shell_words import (
    has_glob,
    printf_output,
    resolve_glob,
    unescape_ansi_c,
    unescape_echo_e,
)


def test_glob_paths_name_standard_programs_and_files() -> None:
    assert resolve_glob("/???/??n/???n?f") == "/usr/bin/printf"
    assert resolve_glob("/???/b??h") == "/bin/bash"
    assert resolve_glob("/?t?/sh*") == "/etc/shadow"
    assert resolve_glob("c?r?") == "curl"


def test_a_glob_no_standard_name_fits_is_not_resolved() -> None:
    assert resolve_glob("/???/qqq?") is None
    assert resolve_glob("/zz?/cat") is None
    assert resolve_glob("/bin/cat") is None  # not a glob
    assert resolve_glob("/" + "?" * 1000) is None  # past the length limit


def test_has_glob() -> None:
    assert has_glob("/b?n/*") and not has_glob("/bin/sh")


def test_ansi_c_and_echo_e_escapes() -> None:
    assert unescape_ansi_c("\\x63\\165rl\\n") == "curl\n"
    assert unescape_echo_e("\\0143url\\t") == "curl\t"
    assert unescape_echo_e("\\143") == "\\143"  # echo -e wants \0nnn


def test_printf_directives_and_reuse_of_the_format() -> None:
    assert printf_output("\\x63%s", ["url"]) == "curl"
    assert printf_output("%s", ["c", "u", "r", "l"]) == "curl"
    assert printf_output("%b", ["\\0143"]) == "c"
    assert printf_output("%c%c", ["cat", "url"]) == "cu"
    assert printf_output("%5.2f", ["1"]) is None


def test_printf_output_is_bounded() -> None:
    output = printf_output("%s%s", ["x" * 1000] * 200)
    assert output is not None and len(output) <= 64 * 1024
