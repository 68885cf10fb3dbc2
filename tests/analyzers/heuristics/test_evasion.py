"""Evasion: log and history wiping, hiding, Azure extension clean-up, shellcode runners."""

from __future__ import annotations

import pytest

from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import ids, score

PS = ArtifactType.POWERSHELL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wevtutil cl Security", "heur.evasion.event_log_clear"),
        ("Clear-EventLog -LogName Application, System", "heur.evasion.event_log_clear"),
        (r"Remove-Item -Recurse C:\Packages\Plugins\Microsoft.CPlat.Core.RunCommandWindows\1.1.15\Downloads",
         "heur.evasion.azure_extension_cleanup"),
        ("netsh interface portproxy add v4tov4 listenport=8080 connectport=80 connectaddress=169.254.169.254",
         "heur.evasion.imds_portproxy"),
        ("$k::VirtualAlloc(0, $sc.Length, 0x3000, 0x40)\n$k::CreateThread(0,0,$m,0,0,0)", "heur.evasion.shellcode_runner"),
    ],
)
def test_strong_behaviour_is_suspicious_alone(text: str, expected: str) -> None:
    assert expected in ids(text, PS)
    assert score(text, PS) >= 300


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("history -c; unset HISTFILE", "heur.evasion.history_clear"),
        ("touch -r /bin/ls /usr/lib/x.so", "heur.evasion.timestomp"),
        ("$f.LastWriteTime = '01/01/2019'", "heur.evasion.timestomp"),
        ("powershell -nop -WindowStyle Hidden -File a.ps1", "heur.evasion.hidden_window"),
        ("mkdir -p /tmp/.X11-unix/.x && nohup /tmp/.X11-unix/.x/run &", "heur.evasion.hidden_location"),
        ("echo > /var/log/auth.log", "heur.evasion.linux_log_wipe"),
    ],
)
def test_evasion_signals_are_recorded(text: str, expected: str) -> None:
    assert expected in ids(text, ArtifactType.SHELL)


@pytest.mark.parametrize(
    "text",
    [
        "journalctl --vacuum-time=14d",
        "systemctl enable nginx && systemctl restart nginx",
        "mkdir -p /root/.ssh /root/.config/app && chmod 700 /root/.ssh",
    ],
)
def test_admin_configuration_is_not_suspicious(text: str) -> None:
    assert score(text, PS) < 300


def test_shellcode_run_through_a_delegate() -> None:
    text = (
        "$mem = [System.Runtime.InteropServices.Marshal]::AllocHGlobal($bytes.Length)\n"
        "[System.Runtime.InteropServices.Marshal]::Copy($bytes, 0, $mem, $bytes.Length)\n"
        "$f = [System.Runtime.InteropServices.Marshal]::GetDelegateForFunctionPointer($mem, [Action])\n"
    )
    assert "heur.evasion.shellcode_runner" in ids(text, PS)
    assert score(text, PS) >= 300


# --- event logs, read from commands ---------------------------------------------------------

EVENT_LOG_CLEAR = "heur.evasion.event_log_clear"


@pytest.mark.parametrize(("script", "type_"), [
    ("wevtutil cl Security", ArtifactType.CMD),
    ("Clear-EventLog -LogName System", ArtifactType.POWERSHELL),
    ("Get-EventLog -List | ForEach-Object { Clear-EventLog -LogName $_.Log }", ArtifactType.POWERSHELL),
    ("for /F \"tokens=*\" %1 in ('wevtutil.exe el') DO wevtutil.exe cl \"%1\"", ArtifactType.CMD),
    ("[System.Diagnostics.Eventing.Reader.EventLogSession]::GlobalSession.ClearLog('Microsoft-Windows-Sysmon/Operational')",
     ArtifactType.POWERSHELL),
])
def test_clearing_the_systems_logs_or_every_log_is_an_event_log_clearing(script: str, type_: ArtifactType) -> None:
    assert EVENT_LOG_CLEAR in ids(script, type_)


@pytest.mark.parametrize("script", [
    "New-EventLog -LogName TestLog -Source T; Clear-EventLog -LogName TestLog",  # a log the script made itself
    "Clear-EventLog -LogName Application, System -Confirm",                       # asks the person at the console
    '"Cmdlet", "Clear-EventLog", "", $true',                                      # a cmdlet named in a table
])
def test_a_test_log_a_prompt_or_a_mention_is_not_an_event_log_clearing(script: str) -> None:
    assert EVENT_LOG_CLEAR not in ids(script, ArtifactType.POWERSHELL)


def test_disabling_one_log_is_a_weaker_finding_of_its_own() -> None:
    found = ids("wevtutil sl Microsoft-Windows-PowerShell/Operational /e:false", ArtifactType.CMD)
    assert "heur.evasion.event_log_disabled" in found and EVENT_LOG_CLEAR not in found


@pytest.mark.parametrize("text", ['export HISTFILE="/dev/null"', "HISTSIZE='0'", 'export HISTFILESIZE="0"'])
def test_history_turned_off_is_one_thing_quoted_or_not(text: str) -> None:
    assert "heur.evasion.history_clear" in ids(text)
