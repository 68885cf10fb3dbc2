"""AMSI/logging bypasses, Defender/firewall tampering, evasion and the Azure-specific tricks."""

from __future__ import annotations

import pytest

from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import ids, score

PS = ArtifactType.POWERSHELL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[Ref].Assembly.GetType('System.Management.Automation.AmsiUtils').GetField('amsiInitFailed','NonPublic,Static')",
         "heur.amsi_logging.amsi_init_failed"),
        ("$p = GetProcAddress($h, 'AmsiScanBuffer')", "heur.amsi_logging.amsi_patch"),
        ("Set-ItemProperty HKLM:\\...\\ScriptBlockLogging -Name EnableScriptBlockLogging -Value 0",
         "heur.amsi_logging.scriptblock_logging_off"),
        ("GetType('System.Management.Automation.Tracing.PSEtwLogProvider')", "heur.amsi_logging.etw_provider_off"),
        ("Set-MpPreference -DisableRealtimeMonitoring $true", "heur.defence_tampering.defender_disable"),
        ("Set-MpPreference -DisableIOAVProtection 1", "heur.defence_tampering.defender_disable"),
        ("Add-MpPreference -ExclusionPath 'C:\\'", "heur.defence_tampering.defender_broad_exclusion"),
        ("netsh advfirewall set allprofiles state off", "heur.defence_tampering.windows_firewall_off"),
        ("wevtutil cl Security", "heur.evasion.event_log_clear"),
        ("Clear-EventLog -LogName Application, System", "heur.evasion.event_log_clear"),
        (r"Remove-Item -Recurse C:\Packages\Plugins\Microsoft.CPlat.Core.RunCommandWindows\1.1.15\Downloads",
         "heur.evasion.azure_extension_cleanup"),
        ("netsh interface portproxy add v4tov4 listenport=8080 connectport=80 connectaddress=169.254.169.254",
         "heur.evasion.imds_portproxy"),
        ("$k::VirtualAlloc(0, $sc.Length, 0x3000, 0x40)\n$k::CreateThread(0,0,$m,0,0,0)", "heur.evasion.shellcode_runner"),
        ("vssadmin delete shadows /all /quiet", "heur.impact.shadow_copy_delete"),
        ("wmic shadowcopy delete", "heur.impact.shadow_copy_delete"),
        ("bcdedit /set {default} recoveryenabled No", "heur.impact.recovery_disabled"),
        ("wbadmin delete catalog -quiet", "heur.impact.backup_catalog_delete"),
        ("Your files have been encrypted. Pay 1 BTC to restore them.", "heur.impact.ransom_note"),
        ("wmic /node:10.0.0.9 process call create \"cmd /c c:\\s.exe\"", "heur.lateral.wmi_remote_process"),
        ("ngrok tcp 3389", "heur.lateral.tunnel"),
        ("AnyDesk.exe --install C:\\AnyDesk --silent\necho x | AnyDesk.exe --set-password", "heur.lateral.remote_access_tool"),
    ],
)
def test_clear_tampering_evasion_impact_and_access_score_as_suspicious(text: str, expected: str) -> None:
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
        "Set-MpPreference -DisableRealtimeMonitoring $false",
        "Add-MpPreference -ExclusionPath 'F:\\SQLData'",
        "New-NetFirewallRule -DisplayName HTTPS -Direction Inbound -LocalPort 443 -Protocol TCP -Action Allow",
        "netsh advfirewall firewall add rule name=web dir=in action=allow protocol=TCP localport=80",
        "setenforce 0\nsed -i 's/^SELINUX=enforcing$/SELINUX=permissive/' /etc/selinux/config",
        "ufw disable",
        "journalctl --vacuum-time=14d",
        "Initialize-Disk -Number 2 -PartitionStyle GPT -PassThru | New-Partition -UseMaximumSize | Format-Volume",
        "mkfs.ext4 -F /dev/sdc1 && mount /dev/sdc1 /datadrive",
        "Invoke-Command -ComputerName web01 -ScriptBlock { Get-Service W3SVC }",
        "Set-ItemProperty 'HKLM:\\System\\CurrentControlSet\\Control\\Terminal Server' -Name fDenyTSConnections -Value 0",
        "openssl enc -aes-256-cbc -pbkdf2 -in db.sql.gz -out db.sql.gz.enc -pass file:/etc/backup/pass",
        "Get-ChildItem C:\\inetpub\\logs -Recurse | Where-Object LastWriteTime -lt $limit | Remove-Item",
        "systemctl enable nginx && systemctl restart nginx",
    ],
)
def test_admin_configuration_is_not_suspicious(text: str) -> None:
    assert score(text, PS) < 300


def test_mass_encryption_needs_a_walk_an_encryption_and_renaming() -> None:
    loop = (
        "find /home -type f | while read f; do\n"
        '  openssl enc -aes-256-cbc -pass pass:k -in "$f" -out "$f.locked" && rm -f "$f"\ndone'
    )
    assert "heur.impact.mass_encryption" in ids(loop)
    assert "heur.impact.mass_encryption" not in ids("openssl enc -aes-256-cbc -in a.tgz -out a.tgz.enc")


def test_shellcode_run_through_a_delegate() -> None:
    text = (
        "$mem = [System.Runtime.InteropServices.Marshal]::AllocHGlobal($bytes.Length)\n"
        "[System.Runtime.InteropServices.Marshal]::Copy($bytes, 0, $mem, $bytes.Length)\n"
        "$f = [System.Runtime.InteropServices.Marshal]::GetDelegateForFunctionPointer($mem, [Action])\n"
    )
    assert "heur.evasion.shellcode_runner" in ids(text, PS)
    assert score(text, PS) >= 300
