"""Defender, firewall, SELinux and AppArmor: switching protection off vs configuring it."""

from __future__ import annotations

import pytest

from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import ids, score

PS = ArtifactType.POWERSHELL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Set-MpPreference -DisableRealtimeMonitoring $true", "heur.defence_tampering.defender_disable"),
        ("Set-MpPreference -DisableIOAVProtection 1", "heur.defence_tampering.defender_disable"),
        ("Add-MpPreference -ExclusionPath 'C:\\'", "heur.defence_tampering.defender_broad_exclusion"),
    ],
)
def test_strong_behaviour_is_suspicious_alone(text: str, expected: str) -> None:
    assert expected in ids(text, PS)
    assert score(text, PS) >= 300


@pytest.mark.parametrize(
    "text",
    [
        "Set-MpPreference -DisableRealtimeMonitoring $false",
        "Add-MpPreference -ExclusionPath 'F:\\SQLData'",
        "New-NetFirewallRule -DisplayName HTTPS -Direction Inbound -LocalPort 443 -Protocol TCP -Action Allow",
        "netsh advfirewall firewall add rule name=web dir=in action=allow protocol=TCP localport=80",
        "setenforce 0\nsed -i 's/^SELINUX=enforcing$/SELINUX=permissive/' /etc/selinux/config",
        "ufw disable",
    ],
)
def test_admin_configuration_is_not_suspicious(text: str) -> None:
    assert score(text, PS) < 300


def test_the_firewall_turned_off_is_dual_use_like_on_linux_and_adds_up_with_other_evidence() -> None:
    # Cluster node bootstrap scripts turn the host firewall off and leave filtering to the network.
    alone = "netsh advfirewall set allprofiles state off"
    assert "heur.defence_tampering.windows_firewall_off" in ids(alone, PS)
    assert score(alone, PS) < 300
    assert score(alone + "\nSet-MpPreference -DisableRealtimeMonitoring $true", PS) > score(
        "Set-MpPreference -DisableRealtimeMonitoring $true", PS)
