"""Offline URL signals: what a URL says about itself, and file names that lie."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.fetch.reputation import Intel, content_mismatch_finding, load_intel, offline_url_findings
from inspector.model import ArtifactType
from tests.fetch.support import planned

NO_INTEL = Intel()


def ids(url: str, intel: Intel = NO_INTEL) -> set[str]:
    return {f.id for f in offline_url_findings(planned(url), intel)}


@pytest.mark.parametrize("url, expected", [
    ("http://203.0.114.7/a.ps1", {"reputation.url.ip_host"}),
    ("http://[2606:4700::1]/a.ps1", {"reputation.url.ip_host"}),
    ("http://3405803783/a.ps1", {"reputation.url.obfuscated_ip"}),
    ("https://payloads.example:4443/a.ps1", {"reputation.url.unusual_port"}),
    ("https://portal.azure.com@payloads.example/a.ps1", {"reputation.url.userinfo"}),
    ("https://abcd-12-34.ngrok-free.app/a.ps1", {"reputation.url.tunnel"}),
    ("https://quiet-sky-123.trycloudflare.com/x", {"reputation.url.tunnel"}),
    ("http://myhome.duckdns.org/run.sh", {"reputation.url.dynamic_dns"}),
    ("http://update.ddns.net/run.sh", {"reputation.url.dynamic_dns"}),
    ("https://pastebin.com/raw/Ab12Cd34", {"reputation.url.paste_site"}),
    ("https://bit.ly/3xYz", {"reputation.url.shortener"}),
    ("https://transfer.sh/abc/tool.exe", {"reputation.url.file_drop"}),
    ("https://cdn.discordapp.com/attachments/1/2/x.exe", {"reputation.url.file_drop"}),
    ("https://payloads.example/docs/invoice.pdf.exe", {"reputation.url.double_extension"}),
    ("http://198.51.100.4:8080/photo.jpg.ps1", {"reputation.url.ip_host", "reputation.url.unusual_port",
                                                "reputation.url.double_extension"}),
])
def test_url_signals(url: str, expected: set[str]) -> None:
    assert ids(url) == expected


@pytest.mark.parametrize("url", [
    "https://raw.githubusercontent.com/Azure/azure-quickstart-templates/master/scripts/install.sh",
    "https://github.com/PowerShell/xPSDesiredStateConfiguration/archive/refs/heads/main.zip",
    "https://acct.blob.core.windows.net/scripts/configure.ps1?sv=2022-11-02&sig=abc",
    "https://aka.ms/installazurecli", "https://packages.microsoft.com/config/ubuntu/22.04/packages-microsoft-prod.deb",
    "https://example.com:443/setup.tar.gz",
])
def test_ordinary_template_urls_say_nothing(url: str) -> None:
    assert ids(url) == set()


def test_intel_domains_match_hosts_and_subdomains_once() -> None:
    intel = Intel(bad_domains=frozenset({"stage.example", "pastebin.com"}))
    assert ids("https://cdn.stage.example/a.ps1", intel) == {"reputation.intel.bad_domain"}
    assert ids("https://pastebin.com/raw/x", intel) == {"reputation.url.paste_site"}  # not counted twice
    assert ids("https://notstage.example/a.ps1", intel) == set()


def test_findings_carry_the_redacted_url_and_no_artifact() -> None:
    url = "http://203.0.114.7/a.ps1?sig=c2VjcmV0&sv=2022"
    [finding] = offline_url_findings(planned(url), NO_INTEL)
    assert finding.source == "reputation" and finding.artifact is None
    assert finding.url is not None and "c2VjcmV0" not in finding.url


@pytest.mark.parametrize("name, detected, lies", [
    ("logo.png", ArtifactType.POWERSHELL, True), ("readme.txt", ArtifactType.PE, True),
    ("report.pdf", ArtifactType.SHELL, True), ("notes.txt", ArtifactType.TEXT, False),
    ("install.ps1", ArtifactType.POWERSHELL, False), ("logo.png", ArtifactType.UNKNOWN, False),
])
def test_file_names_that_lie_about_their_content(name: str, detected: ArtifactType, lies: bool) -> None:
    finding = content_mismatch_finding(planned(f"https://payloads.example/img/{name}"), detected)
    assert (finding is not None and finding.id == "reputation.url.lying_extension") is lies


def test_intel_lists_are_read_with_comments_and_case_folded(tmp_path: Path) -> None:
    (tmp_path / "intel").mkdir()
    (tmp_path / "intel" / "github_owners.txt").write_text("# staging accounts\nMallory\n\n  eve  # seen 2025\n")
    (tmp_path / "intel" / "bad_repo_owners.txt").write_text("trudy\n")
    (tmp_path / "intel" / "bad_domains.txt").write_text("Stage.Example\n")
    intel = load_intel(tmp_path)
    assert intel.bad_owners == {"mallory", "eve", "trudy"}
    assert intel.bad_domains == {"stage.example"} and intel.bad_repos == frozenset()


def test_missing_intel_lists_are_empty(tmp_path: Path) -> None:
    assert load_intel(tmp_path) == Intel()
