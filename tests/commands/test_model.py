"""How programs become process images, and the collector's budget."""

from __future__ import annotations

from inspector.commands.model import (
    Budget,
    CharOffsets,
    Collector,
    ExtractedCommand,
    Shell,
    base_name,
    unix_image,
    windows_image,
    windows_program,
)


def test_windows_programs_are_lower_cased_without_exe_and_keep_their_path() -> None:
    assert windows_program("NET.EXE") == "net"
    assert windows_program(r"C:\Windows\System32\Net.exe") == r"c:\windows\system32\net"
    assert windows_program("Invoke-WebRequest") == "invoke-webrequest"


def test_windows_images_put_bare_names_in_system32_and_keep_written_paths() -> None:
    assert windows_image("certutil") == r"C:\Windows\System32\certutil.exe"
    assert windows_image("powershell") == r"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe"
    assert windows_image(r"c:\tools\x") == r"c:\tools\x.exe"
    assert windows_image(r"c:\tools\x.bat") == r"c:\tools\x.bat"
    assert windows_image("setup.ps1") == ""


def test_unix_images_put_bare_names_in_usr_bin() -> None:
    assert unix_image("curl") == "/usr/bin/curl"
    assert unix_image("/tmp/.x/k") == "/tmp/.x/k"
    assert base_name("/usr/bin/curl") == "curl" and base_name(r"c:\windows\system32\net") == "net"


def command(program: str) -> ExtractedCommand:
    return ExtractedCommand(program=program, arguments=(), command_line=program, shell=Shell.SHELL,
                            image=unix_image(program), parent_image="/bin/bash", offset=0, length=len(program))


def test_the_collector_stops_at_max_commands_and_follows_nesting_only_so_deep() -> None:
    seen_depths: list[int] = []

    def nested(found: ExtractedCommand, collector: Collector, depth: int) -> None:
        seen_depths.append(depth)
        collector.add(command("inner"), depth)

    collector = Collector(Budget(max_commands=5, deadline=None, max_nesting=2), nested=nested)
    collector.add(command("outer"), 0)
    assert [c.program for c in collector.commands] == ["outer", "inner", "inner"] and seen_depths == [1, 2]
    for _ in range(10):
        collector.add(command("more"), 0)
    assert len(collector.commands) == 5 and collector.full()


def test_an_expired_deadline_is_seen_by_the_budget() -> None:
    assert Budget(max_commands=1, deadline=0.0).expired()
    assert not Budget(max_commands=1, deadline=None).expired()


def test_char_offsets_follow_utf8_bytes_forwards_and_backwards() -> None:
    text = "aé€b"
    offsets = CharOffsets(text.encode())
    assert [offsets.char(b) for b in (0, 1, 3, 6, 7)] == [0, 1, 2, 3, 4]
    assert offsets.char(3) == 2


def test_a_commands_name_is_its_programs_last_path_part_also_in_a_changed_copy() -> None:
    from dataclasses import replace

    from inspector.commands.model import ExtractedCommand, Shell

    command = ExtractedCommand("c:\\windows\\system32\\net", ("user",), "net user", Shell.CMD, "", "", 0, 8)
    assert command.name == "net"
    assert replace(command, program="/usr/bin/curl").name == "curl"
    assert command == replace(command)  # the name is derived, not part of what a command is
