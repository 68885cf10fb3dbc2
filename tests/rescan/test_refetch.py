"""`--refetch`: a script behind a URL changed after it was inspected; the rescan fetches it again.

Closed-network mode only: a local aiohttp server on 127.0.0.1 plays the script host, reached
through the host map under a realistic name and allowed by the allowlist. The script it
serves is harmless when first inspected and carries a backdoor marker (matched by a rule
that existed all along) when rescanned.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web
from click.testing import CliRunner

from inspector.cli.rescan_cmd import rescan as rescan_cli
from inspector.config import Settings
from inspector.extensions.request import InputKind, InspectionInput
from inspector.model import FetchRecord, VerdictClass
from inspector.pipeline import Inspector
from inspector.rescan.refetch import RefetchRefused, refetchable_urls
from inspector.rescan.scanner import ArtifactScanner
from inspector.service.rescan_service import RescanService, run_rescan, start_rescan
from inspector.store import RescanInfo, Store
from inspector.store.testing import Backend, make_verdict, temporary_store
from inspector.tasks.batch_runner import LocalBatchRunner

HOST = "deploy.contoso-scripts.net"
MARKER = "acme-backdoor-7f3a"
HARMLESS = b"#!/bin/bash\n# provision web tier\napt-get install -y nginx\nsystemctl enable --now nginx\n"
BACKDOORED = (b"#!/bin/bash\n# provision web tier\napt-get install -y nginx\n"
              b"echo '" + MARKER.encode() + b"' > /tmp/.cache\nsystemctl enable --now nginx\n")
RULE = f"""
rule acme_backdoor_marker
{{
    meta:
        id = "yara.acme.backdoor_marker"
        score = 1500
        attack = "T1505"
        description = "Marker string of the ACME backdoor family"
    strings:
        $m = "{MARKER}" ascii
    condition:
        $m
}}
"""


@dataclass
class ScriptHost:
    port: int
    body: bytes = HARMLESS
    requests: list[str] = field(default_factory=list)

    def url(self, path: str = "/provision/web.sh") -> str:
        return f"http://{HOST}:{self.port}{path}"


@pytest.fixture
async def script_host() -> AsyncIterator[ScriptHost]:
    host = ScriptHost(port=0)

    async def serve(request: web.Request) -> web.Response:
        host.requests.append(request.path)
        return web.Response(body=host.body, content_type="text/x-shellscript")

    app = web.Application()
    app.router.add_get("/provision/web.sh", serve)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield host
    await runner.cleanup()


def _closed_network(port: int) -> dict[str, object]:
    return dict(fetch=True, fetch_only_allowed=True, fetch_allow_networks=["127.0.0.0/8"],
                fetch_hosts={HOST: "127.0.0.1"}, fetch_ports=[port], fetch_connect_timeout_s=60.0,
                fetch_read_timeout_s=60.0, fetch_total_timeout_s=120.0, fetch_retries=0,
                github_api_url="http://127.0.0.1:9")


@pytest.fixture
async def store(backend: Backend, tmp_path: Path, rules_dir: Path, script_host: ScriptHost) -> AsyncIterator[Store]:
    (rules_dir / "acme.yar").write_text(RULE)
    async with temporary_store(backend, tmp_path / "data", signature_dirs=[rules_dir], rescan_batch_size=4,
                               rescan_poll_s=0.05, **_closed_network(script_host.port)) as opened:
        yield opened


def _extension(url: str) -> InspectionInput:
    return InspectionInput(kind=InputKind.EXTENSION, body={"properties": {
        "publisher": "Microsoft.Azure.Extensions", "type": "CustomScript", "typeHandlerVersion": "2.1",
        "settings": {"fileUris": [url]}, "protectedSettings": {"commandToExecute": "bash web.sh"}}})


async def _inspect_and_store(store: Store, inspection_id: str, url: str) -> None:
    inspector = await Inspector.start(store.settings, workers=0, fetching=True)
    try:
        result = await inspector.inspect(_extension(url), inspection_id=inspection_id)
    finally:
        await inspector.close()
    await store.inspections.create(inspection_id, "extension", {"kind": "extension"}, None, None)
    await store.inspections.save_verdict(inspection_id, result.verdict, result.blobs)


async def _rescan(store: Store, *, refetch: bool, dry_run: bool = False) -> RescanInfo:
    scanner = await asyncio.to_thread(ArtifactScanner.from_settings, store.settings)
    info, _ = await start_rescan(store, ruleset_version=scanner.ruleset_version, rule_count=scanner.rule_count,
                                 analyzer_version=scanner.analyzer_version, refetch=refetch, dry_run=dry_run)
    runner = LocalBatchRunner(store.settings, processes=1)
    try:
        return await run_rescan(store, info.id, runner, settings=store.settings)
    finally:
        runner.close()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def test_a_script_that_changed_behind_its_url_changes_the_verdict(store: Store, script_host: ScriptHost) -> None:
    await _inspect_and_store(store, "web-1", script_host.url())
    stored = await store.inspections.get("web-1")
    assert stored is not None and stored.verdict is not None
    assert stored.verdict.verdict is VerdictClass.CLEAN
    assert [f.sha256 for f in stored.verdict.fetches if f.fetched] == [_sha(HARMLESS)]

    script_host.body = BACKDOORED  # the script is replaced on the server after the inspection
    plain = await _rescan(store, refetch=False)
    assert plain.status == "done" and plain.changes_count == 0  # the stored bytes are still harmless
    assert script_host.requests == ["/provision/web.sh"]  # and nothing was fetched

    info = await _rescan(store, refetch=True)
    assert info.status == "done" and info.refetch
    assert script_host.requests == ["/provision/web.sh"] * 2
    (change,) = info.changes
    assert (change.inspection_id, change.old_verdict, change.new_verdict) == ("web-1", "clean", "malicious")
    assert change.applied and change.new_score >= 1500

    current = await store.inspections.get("web-1")
    assert current is not None and current.verdict is not None
    verdict = current.verdict
    assert verdict.verdict is VerdictClass.MALICIOUS and verdict.signatures.version == info.ruleset_version
    assert any(f.id == "yara.acme.backdoor_marker" and f.artifact == _sha(BACKDOORED) for f in verdict.findings)
    [record] = [f for f in verdict.fetches if f.url == script_host.url()]
    assert record.fetched and record.sha256 == _sha(BACKDOORED)
    shas = {a.sha256 for a in verdict.artifacts}
    assert _sha(BACKDOORED) in shas and _sha(HARMLESS) not in shas  # the fetched subtree was replaced
    assert await store.payloads.get_bytes(_sha(BACKDOORED)) == BACKDOORED  # new bytes stored
    payload = await store.payloads.get(_sha(BACKDOORED))
    assert payload is not None and payload.inspections == ["web-1"] and payload.blob_available
    assert await store.payloads.get_bytes(_sha(HARMLESS)) == HARMLESS  # verdict history keeps the old bytes
    events = [e for e in await store.events.read() if e.type == "verdict.changed"]
    assert [e.inspection_id for e in events] == ["web-1"]


async def test_the_request_script_tree_is_kept_when_its_urls_are_refetched(store: Store,
                                                                            script_host: ScriptHost) -> None:
    await _inspect_and_store(store, "web-2", script_host.url())
    before = await store.inspections.get("web-2")
    assert before is not None and before.verdict is not None
    request_roots = {a.sha256 for a in before.verdict.artifacts if a.parent is None and a.url is None}
    script_host.body = BACKDOORED
    await _rescan(store, refetch=True)
    after = await store.inspections.get("web-2")
    assert after is not None and after.verdict is not None
    assert request_roots and request_roots <= {a.sha256 for a in after.verdict.artifacts}
    assert [f.url for f in after.verdict.fetches].count(script_host.url()) == 1  # not duplicated


async def test_a_dry_run_refetch_records_the_change_and_stores_nothing(store: Store, script_host: ScriptHost) -> None:
    await _inspect_and_store(store, "web-3", script_host.url())
    script_host.body = BACKDOORED
    info = await _rescan(store, refetch=True, dry_run=True)
    (change,) = info.changes
    assert change.new_verdict == "malicious" and not change.applied
    current = await store.inspections.get("web-3")
    assert current is not None and current.verdict is not None and current.verdict.verdict is VerdictClass.CLEAN
    assert await store.payloads.get_bytes(_sha(BACKDOORED)) is None


async def test_the_allowlist_still_applies_and_unreachable_content_is_kept(store: Store,
                                                                             script_host: ScriptHost) -> None:
    await _inspect_and_store(store, "web-4", script_host.url())
    script_host.body = BACKDOORED
    store.settings = store.settings.model_copy(update={"fetch_allow_networks": ["192.0.2.0/24"]})
    info = await _rescan(store, refetch=True)
    assert info.status == "done" and info.changes_count == 0
    assert script_host.requests == ["/provision/web.sh"]  # the server was never reached again
    current = await store.inspections.get("web-4")
    assert current is not None and current.verdict is not None
    # What the VM ran is still the stored script: a refused refetch does not drop the evidence.
    assert _sha(HARMLESS) in {a.sha256 for a in current.verdict.artifacts}
    [record] = [f for f in current.verdict.fetches if f.url == script_host.url()]
    assert record.fetched and record.sha256 == _sha(HARMLESS)


async def test_refetch_is_refused_when_fetching_is_off(store: Store, tmp_path: Path) -> None:
    store.settings = store.settings.model_copy(update={"fetch": False})
    service = RescanService(store, store.settings)
    with pytest.raises(RefetchRefused, match="INSPECTOR_FETCH=false"):
        await service.submit(refetch=True)
    assert await store.rescans.recent() == []  # nothing was queued

    @dataclass
    class App:
        settings: Settings

    result = CliRunner().invoke(rescan_cli, ["--refetch"], obj=App(store.settings))
    assert result.exit_code == 2 and "INSPECTOR_FETCH=false" in result.output


async def test_a_refetch_rescan_started_while_fetching_was_on_fails_clearly_when_it_is_off(
        store: Store, script_host: ScriptHost) -> None:
    await _inspect_and_store(store, "web-5", script_host.url())
    scanner = await asyncio.to_thread(ArtifactScanner.from_settings, store.settings)
    info, _ = await start_rescan(store, ruleset_version=scanner.ruleset_version, rule_count=scanner.rule_count,
                                 analyzer_version=scanner.analyzer_version, refetch=True)
    off = store.settings.model_copy(update={"fetch": False})
    runner = LocalBatchRunner(off, processes=1)
    try:
        with pytest.raises(RefetchRefused):
            await run_rescan(store, info.id, runner, settings=off)
    finally:
        runner.close()
    failed = await store.rescans.get(info.id)
    assert failed is not None and failed.status == "failed" and "INSPECTOR_FETCH=false" in (failed.error or "")


def test_only_the_requests_own_fetchable_urls_are_refetched() -> None:
    verdict = make_verdict("v", [b"root"]).model_copy(update={"fetches": [
        FetchRecord(url="https://deploy.example/a.sh", role="entry_point", fetched=True),
        FetchRecord(url="https://deploy.example/a.sh", role="entry_point", fetched=True),  # a retry: once
        FetchRecord(url="https://acct.blob.core.windows.net/c/b.sh?sv=2022&sig=[REDACTED]", role="payload"),
        FetchRecord(url="https://acct.blob.core.windows.net/logs?sig=[REDACTED]", role="output_blob"),
        FetchRecord(url="https://cdn.example/stage2.sh", role="referenced", fetched=True, depth=1),
        FetchRecord(url="https://deploy.example/off.sh", role="payload", error="fetch_disabled"),
    ]})
    assert [(u.url, u.role.value) for u in refetchable_urls(verdict)] == [
        ("https://deploy.example/a.sh", "entry_point"), ("https://deploy.example/off.sh", "payload")]
