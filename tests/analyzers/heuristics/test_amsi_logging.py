"""AMSI and script-logging bypasses are strong alone; turning logging on is not."""

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
    ],
)
def test_strong_behaviour_is_suspicious_alone(text: str, expected: str) -> None:
    assert expected in ids(text, PS)
    assert score(text, PS) >= 300


@pytest.mark.parametrize(
    "text",
    [
        "Set-ItemProperty -Path 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows\\PowerShell\\ScriptBlockLogging' -Name EnableScriptBlockLogging -Value 1",
        "Get-MpComputerStatus | Select-Object AMServiceEnabled, AntivirusEnabled",
    ],
)
def test_admin_configuration_is_not_suspicious(text: str) -> None:
    assert score(text, PS) < 300
