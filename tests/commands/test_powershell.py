"""PowerShell commands: names resolved, arguments folded, parameters bound whatever their spelling."""

from __future__ import annotations

import base64

import pytest

from inspector.commands import Shell, extract_commands
from inspector.commands.powershell import bind_parameters, canonical_parameter, canonical_value, host_script


def commands(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(c.program, c.arguments) for c in extract_commands(text, Shell.POWERSHELL)]


def test_aliases_resolve_to_cmdlets_and_cmdlets_have_no_image() -> None:
    (iwr, iex) = extract_commands("iwr http://x/a -OutFile a.exe; IEX $code", Shell.POWERSHELL)
    assert iwr.program == "invoke-webrequest" and iwr.image == ""
    assert iex.program == "invoke-expression"
    assert iwr.parent_image.endswith("\\WindowsPowerShell\\v1.0\\powershell.exe")
    assert iwr.command_line == "iwr http://x/a -OutFile a.exe"


def test_a_script_defined_alias_resolves_for_later_commands() -> None:
    assert commands("sal g iex; g 'x'")[1] == ("invoke-expression", ("x",))
    assert commands("Set-Alias -Name run -Value Start-Process; run calc")[1] == ("start-process", ("calc",))


def test_programs_drop_exe_keep_their_path_and_get_an_image() -> None:
    (net,) = extract_commands(r'& "C:\Windows\System32\NET.EXE" user', Shell.POWERSHELL)
    assert net.program == r"c:\windows\system32\net" and net.arguments == ("user",)
    assert net.image == r"c:\windows\system32\net.exe"
    (ping,) = extract_commands("ping.exe -n 1 host", Shell.POWERSHELL)
    assert ping.program == "ping" and ping.image == r"C:\Windows\System32\ping.exe"


def test_variables_and_string_operations_are_folded_into_arguments() -> None:
    text = '$RunKey = "HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"\n$n = "up" + "d"\n' \
           'Set-ItemProperty -Path $RunKey -Name $n -Value ("{0}{1}" -f "a", "b")'
    assert commands(text) == [("set-itemproperty", (
        "-Path", "HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run", "-Name", "upd", "-Value", "ab"))]


def test_a_variable_reassigned_to_an_unknown_value_is_no_longer_folded() -> None:
    assert commands('$x = "a.exe"; $x = Get-Path; Start-Process $x')[-1] == ("start-process", ("$x",))


def test_a_variable_holding_a_string_with_unknown_parts_gives_its_known_parts() -> None:
    text = ('$k = "HKLM:\\SOFTWARE\\Image File Execution Options\\$item"; New-Item -Path $k\n'
            '$lnk = "$home\\Start Menu\\x.lnk"; $s.CreateShortcut($lnk); Start-Process "$lnk"')
    assert commands(text) == [
        ("new-item", ("-Path", "HKLM:\\SOFTWARE\\Image File Execution Options\\$item")),
        (".createshortcut", ("$home\\Start Menu\\x.lnk",)),
        ("start-process", ("$home\\Start Menu\\x.lnk",)),
    ]


def test_a_partly_known_string_is_forgotten_when_the_variable_is_reassigned() -> None:
    assert commands('$x = "$home\\a.exe"; $x = Get-Path; Start-Process $x')[-1] == ("start-process", ("$x",))


def test_known_variables_are_put_into_double_quoted_strings_and_unknown_ones_kept() -> None:
    assert commands('$d = "C:\\x"; Start-Process "$d\\a.exe" "$env:TEMP\\b"') == [
        ("start-process", ("C:\\x\\a.exe", "$env:TEMP\\b"))]


def test_splatting_spreads_a_hashtable_into_named_parameters() -> None:
    assert commands('$p = @{Uri = "http://x/a"; OutFile = "a.exe"}; Invoke-WebRequest @p') == [
        ("invoke-webrequest", ("-Uri", "http://x/a", "-OutFile", "a.exe"))]


def test_backtick_escapes_are_removed_from_names_and_arguments() -> None:
    assert commands("i`e`x 'x'; Start-Pro`cess n`otepad \"a`tb\"") == [
        ("invoke-expression", ("x",)), ("start-process", ("notepad", "a\tb"))]


def test_method_calls_are_commands_named_by_the_method_even_through_a_variable() -> None:
    text = '$a = "Download" + "File"; $w = New-Object Net.WebClient; $w.$a("http://x/a", "C:\\a.exe")'
    assert commands(text)[-1] == (".downloadfile", ("http://x/a", "C:\\a.exe"))


def test_every_command_of_a_pipeline_and_its_redirection() -> None:
    assert commands("Get-Content a.txt | Out-File b.txt 2> err.txt") == [
        ("get-content", ("a.txt",)), ("out-file", ("b.txt", "2>", "err.txt"))]


def test_offsets_point_into_the_layer_text_even_after_non_ascii() -> None:
    text = "# héllo wörld\nStart-Process calc"
    (command,) = extract_commands(text, Shell.POWERSHELL)
    assert text[command.offset:command.offset + command.length] == "Start-Process calc"


@pytest.mark.parametrize("spelling", ["-w hidden", "-WindowStyle Hidden", "-win h", "-wINdowsTYLe 1", "/w hidden",
                                      "-w:hidden", "\u2013windowstyle hidden"])
def test_every_spelling_of_a_hidden_window_binds_to_one_value(spelling: str) -> None:
    (command,) = extract_commands(f"powershell.exe {spelling} -nop -c Get-Date", Shell.CMD)[:1]
    assert bind_parameters(command).named["windowstyle"] == "hidden"


@pytest.mark.parametrize(("name", "canonical"), [
    ("-e", "encodedcommand"), ("-enc", "encodedcommand"), ("-ec", "encodedcommand"), ("-EncodedCommand", "encodedcommand"),
    ("-ep", "executionpolicy"), ("-exec", "executionpolicy"), ("-nop", "noprofile"), ("-noni", "noninteractive"),
    ("-c", "command"), ("-Command", "command"), ("-w", "windowstyle"), ("-f", "file"),
])
def test_powershell_host_parameters_bind_by_prefix_and_alias(name: str, canonical: str) -> None:
    assert canonical_parameter("powershell", name) == canonical
    assert canonical_parameter(r"c:\windows\system32\windowspowershell\v1.0\powershell", name) == canonical


def test_cmdlet_parameters_bind_by_unique_prefix_or_alias_and_unknown_ones_stay() -> None:
    assert canonical_parameter("start-process", "-win") == "windowstyle"
    assert canonical_parameter("start-process", "-Args") == "argumentlist"
    assert canonical_parameter("invoke-webrequest", "-o") == "outfile"
    assert canonical_parameter("start-process", "-w") == "w"  # ambiguous: Wait, WindowStyle, ...
    assert canonical_parameter("get-thing", "-Whatever:") == "whatever"


def test_window_style_values_have_one_spelling() -> None:
    assert {canonical_value("windowstyle", v) for v in ("h", "Hidden", "1", "HID")} == {"hidden"}
    assert canonical_value("windowstyle", "0") == "normal"
    assert canonical_value("executionpolicy", "ByPass") == "bypass"


def test_the_command_of_a_powershell_host_is_the_rest_of_its_line() -> None:
    (host, *inner) = extract_commands('powershell -nop -c "iwr http://x -OutFile a; saps a"', Shell.CMD)
    assert host_script(host) == "iwr http://x -OutFile a; saps a"
    assert [c.program for c in inner] == ["invoke-webrequest", "start-process"]
    assert all(c.shell is Shell.POWERSHELL and c.offset == host.offset for c in inner)


def test_an_encoded_command_is_decoded_and_its_commands_extracted() -> None:
    encoded = base64.b64encode("Start-Process calc -WindowStyle Hidden".encode("utf-16-le")).decode()
    found = extract_commands(f"powershell -w 1 -EncodedC {encoded}", Shell.POWERSHELL)
    assert [c.program for c in found] == ["powershell", "start-process"]
    assert bind_parameters(found[1]).named["windowstyle"] == "hidden"


def test_unparsable_or_empty_text_yields_no_commands() -> None:
    assert extract_commands("", Shell.POWERSHELL) == []
    assert isinstance(extract_commands("{{{{ ((( '", Shell.POWERSHELL), list)  # never raises


def test_the_nodes_the_walk_handles_come_in_the_order_of_a_depth_first_walk() -> None:
    from inspector.commands.powershell import handled_nodes
    from inspector.deobfuscate.powershell import parse_powershell

    script = (b"$a = 'x'; function f { param($p) $b = $p; Get-Item $b | % { $_.Delete(); iex ($c = 'y') } }\n"
              b"& { $d = [IO.File]::ReadAllText((Get-Location).Path + 'z') }; $w.$m(1); cmd /c \"echo $a\"\n"
              b"if ($x -eq (Get-Date)) { [void]$o.Add((New-Object Net.WebClient).DownloadString('u')) } (")
    root = parse_powershell(script).root_node
    walked, stack = [], [root]
    while stack:
        node = stack.pop()
        if node.type in ("assignment_expression", "command", "invokation_expression"):
            walked.append(node)
        stack.extend(reversed(node.children))
    assert len(walked) > 10
    assert [(n.start_byte, n.end_byte, n.type) for n in handled_nodes(root)] == \
        [(n.start_byte, n.end_byte, n.type) for n in walked]


def test_no_command_is_lost_however_deep_the_nesting() -> None:
    # tree-sitter's query cursor drops nodes deeper than 65,535 levels; `& {` nests 8 levels.
    found = extract_commands("& {" * 10_000 + "whoami" + "}" * 10_000, Shell.POWERSHELL, max_commands=10**7)
    assert len(found) == 10_001
    assert found[-1].program == "whoami"


def test_a_parenthesised_concatenation_spells_its_value_with_unknown_variables_kept() -> None:
    assert commands('$d = "C:\\ProgramData"; Copy-Item a.exe ($env:TEMP + "\\svchost.exe"); '
                    "Start-Process ($d + '\\u' + \"pd.exe\")") == [
        ("copy-item", ("a.exe", "$env:TEMP\\svchost.exe")), ("start-process", ("C:\\ProgramData\\upd.exe",))]
    # Anything but strings and variables joined by `+` is left as written.
    assert commands("Write-Host ($count + 1)") == [("write-host", ("($count + 1)",))]


def test_only_the_top_level_tree_is_kept_for_sharing_not_those_of_nested_scripts() -> None:
    trees: dict[bytes, object] = {}
    script = "powershell -c \"Get-Date; powershell -c 'whoami'\""
    found = extract_commands(script, Shell.POWERSHELL, trees=trees)
    assert [c.program for c in found][-1] == "whoami"  # the nested scripts were read
    assert list(trees) == [script.encode()]
