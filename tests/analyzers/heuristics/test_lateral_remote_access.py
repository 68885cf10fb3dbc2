"""Lateral movement and remote-access tools; ordinary remoting and RDP are dual-use."""

from __future__ import annotations

import pytest

from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import ids, score

PS = ArtifactType.POWERSHELL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wmic /node:10.0.0.9 process call create \"cmd /c c:\\s.exe\"", "heur.lateral.wmi_remote_process"),
        ("ngrok tcp 3389", "heur.lateral.tunnel"),
        ("psexec.exe \\\\10.0.0.9 -accepteula -s cmd /c whoami", "heur.lateral.psexec"),
        ("Invoke-BloodHound -CollectionMethod All", "heur.lateral.ad_recon"),
        ("IEX (Get-Content .\\Invoke-Shellcode.ps1 -Raw); Invoke-Shellcode -Force", "heur.lateral.offensive_framework"),
        ("chisel client 203.0.113.5:8000 R:socks", "heur.lateral.tunnel"),
        ("AnyDesk.exe --install C:\\AnyDesk --silent\necho x | AnyDesk.exe --set-password", "heur.lateral.remote_access_tool"),
    ],
)
def test_strong_behaviour_is_suspicious_alone(text: str, expected: str) -> None:
    assert expected in ids(text, PS)
    assert score(text, PS) >= 300


@pytest.mark.parametrize(
    "text",
    [
        "Invoke-Command -ComputerName web01 -ScriptBlock { Get-Service W3SVC }",
        "Set-ItemProperty 'HKLM:\\System\\CurrentControlSet\\Control\\Terminal Server' -Name fDenyTSConnections -Value 0",
    ],
)
def test_admin_configuration_is_not_suspicious(text: str) -> None:
    assert score(text, PS) < 300
