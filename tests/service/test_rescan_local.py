"""Rescans with the local engine: a new rule changes a stored verdict, and the change is told everywhere."""

from __future__ import annotations

import asyncio
import hashlib
import json
from pathlib import Path

import sqlalchemy as sa
from aiohttp import web

from inspector.events import EventDelivery, JsonlSink, WebhookSink, signature
from inspector.extensions.request import InputKind, InspectionInput
from inspector.model import VerdictClass
from inspector.pipeline import Inspector
from inspector.rescan.scanner import ArtifactScanner
from inspector.service.rescan_service import run_rescan, start_rescan
from inspector.store import RescanFilter, RescanInfo, Store
from inspector.store.schema import analysis_cache, rescan_items
from inspector.store.testing import Backend, blobs_of, make_verdict, temporary_store
from inspector.tasks.batch_runner import LocalBatchRunner

MARKER = "acme-backdoor-7f3a"
SCRIPT = f"#!/bin/bash\n# nightly maintenance\necho '{MARKER}' > /tmp/.cache\nsystemctl restart nginx\n".encode()
NEW_RULE = f"""
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


async def _rescan(store: Store, **kw: object) -> RescanInfo:
    scanner = await asyncio.to_thread(ArtifactScanner.from_settings, store.settings)
    info, _ = await start_rescan(store, ruleset_version=scanner.ruleset_version, rule_count=scanner.rule_count,
                                 analyzer_version=scanner.analyzer_version, **kw)  # type: ignore[arg-type]
    runner = LocalBatchRunner(store.settings, processes=1)
    try:
        return await run_rescan(store, info.id, runner, settings=store.settings)
    finally:
        runner.close()


async def test_a_reloaded_rule_turns_a_stored_clean_payload_malicious(store: Store, rules_dir: Path,
                                                                       tmp_path: Path) -> None:
    inspector = await Inspector.start(store.settings, workers=0, fetching=False)
    try:
        result = await inspector.inspect(InspectionInput(kind=InputKind.SCRIPT, content=SCRIPT),
                                         inspection_id="maint-1")
        assert result.verdict.verdict is VerdictClass.CLEAN
        await store.inspections.create("maint-1", "script", {"kind": "script"}, None, None, "maint.sh")
        await store.inspections.save_verdict("maint-1", result.verdict, result.blobs)
        old_version = inspector.signatures.version

        (rules_dir / "acme.yar").write_text(NEW_RULE)
        status = await inspector.reload_signatures()
        assert status.version != old_version
    finally:
        await inspector.close()

    info = await _rescan(store)
    assert info.status == "done" and info.ruleset_version == status.version
    assert info.progress.artifacts_scanned == len(result.verdict.artifacts)
    (change,) = info.changes
    assert (change.inspection_id, change.old_verdict, change.new_verdict) == ("maint-1", "clean", "malicious")
    assert change.new_score >= 1500 and change.applied

    stored = await store.inspections.get("maint-1")
    assert stored is not None and stored.verdict is not None
    assert stored.verdict.verdict is VerdictClass.MALICIOUS
    assert stored.verdict.signatures.version == status.version
    assert any(f.id == "yara.acme.backdoor_marker" for f in stored.verdict.findings)
    payload = await store.payloads.get(hashlib.sha256(SCRIPT).hexdigest())
    assert payload is not None and {v.ruleset_version: v.verdict for v in payload.verdicts} == {
        old_version: VerdictClass.CLEAN, status.version: VerdictClass.MALICIOUS}

    (event,) = await store.events.read()
    assert event.type == "verdict.changed" and event.inspection_id == "maint-1"
    assert event.data["new"]["verdict"] == "malicious"  # type: ignore[index]
    sink = JsonlSink(tmp_path / "events.jsonl")
    delivery = EventDelivery(store, store.settings, [sink])
    assert await delivery.deliver_once(sink) == 1
    assert MARKER not in sink.path.read_text() and "maint-1" in sink.path.read_text()

    received: list[dict[str, object]] = []

    async def hook(request: web.Request) -> web.Response:
        body = await request.read()
        assert request.headers["X-Inspector-Signature"] == signature(b"hook-secret", body)
        received.append(json.loads(body))
        return web.Response(status=200)

    app = web.Application()
    app.router.add_post("/", hook)
    server = web.AppRunner(app)
    await server.setup()
    site = web.TCPSite(server, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    webhook = WebhookSink(f"http://127.0.0.1:{port}/", "hook-secret", timeout_s=60)  # a loopback answer, loaded or not
    try:
        assert await EventDelivery(store, store.settings, [webhook]).deliver_once(webhook) == 1
    finally:
        await webhook.close()
        await server.cleanup()
    assert [(e["inspection_id"], e["new"]["verdict"]) for e in received] == [("maint-1", "malicious")]  # type: ignore[index]


async def _seed(store: Store, inspections: int, per_inspection: int) -> None:
    for i in range(inspections):
        contents = [f"inspection {i} artifact {j} {'x' * (j * 37)}".encode() for j in range(per_inspection)]
        await store.inspections.create(f"seed-{i:03d}", "extension" if i % 2 else "script", {}, None, None)
        await store.inspections.save_verdict(f"seed-{i:03d}", make_verdict(f"seed-{i:03d}", contents), blobs_of(contents))


async def test_a_second_rescan_for_the_same_rules_reuses_every_result(store: Store) -> None:
    await _seed(store, 4, 3)
    first = await _rescan(store)
    assert (first.progress.artifacts_scanned, first.progress.artifacts_cached) == (12, 0)
    second = await _rescan(store)
    assert second.id != first.id
    assert (second.progress.artifacts_scanned, second.progress.artifacts_cached) == (0, 12)
    assert second.changes_count == 0


async def test_filters_and_dry_run(store: Store, rules_dir: Path) -> None:
    await _seed(store, 4, 2)
    await store.inspections.create("target", "run_command", {}, None, None)
    target = [SCRIPT]
    await store.inspections.save_verdict("target", make_verdict("target", target), blobs_of(target))
    (rules_dir / "acme.yar").write_text(NEW_RULE)

    info = await _rescan(store, filters=RescanFilter(kind="run_command"), dry_run=True)
    assert info.progress.inspections_total == 1 and info.progress.artifacts_total == 1
    assert info.changes_count == 1 and info.changes[0].applied is False
    assert (await store.inspections.get("target")).verdict.verdict is VerdictClass.CLEAN  # type: ignore[union-attr]
    assert await store.events.read() == []


async def test_every_artifact_is_recorded_exactly_once(store: Store) -> None:
    await _seed(store, 6, 5)
    info = await _rescan(store)
    assert info.progress.artifacts_scanned == 30 and info.progress.batches_done == info.progress.batches_total
    async with store.database.engine.connect() as conn:
        scans = (await conn.execute(sa.select(rescan_items.c.scans).where(rescan_items.c.rescan_id == info.id))).scalars()
        assert sorted(set(scans)) == [1]
        assert await conn.scalar(sa.select(sa.func.count()).select_from(analysis_cache)) == 30


async def test_rules_rescans_rerun_yara_only_and_full_rescans_every_analyzer(store: Store) -> None:
    contents = [b"Invoke-Mimikatz -DumpCreds"]
    await store.inspections.create("mimi", "script", {}, None, None)
    await store.inspections.save_verdict("mimi", make_verdict("mimi", contents), blobs_of(contents))

    rules_only = await _rescan(store)
    assert rules_only.analyzer_version.startswith("yara:")
    sources = {f.source for f in (await store.inspections.get("mimi")).verdict.findings}  # type: ignore[union-attr]
    assert sources == {"yara"}

    scanner = await asyncio.to_thread(ArtifactScanner.from_settings, store.settings, "full")
    info, _ = await start_rescan(store, ruleset_version=scanner.ruleset_version, rule_count=scanner.rule_count,
                                 analyzer_version=scanner.analyzer_version)
    runner = LocalBatchRunner(store.settings, processes=1)
    try:
        full = await run_rescan(store, info.id, runner, settings=store.settings)
    finally:
        runner.close()
    assert full.progress.artifacts_scanned == 1 and full.changes_count == 1
    stored = (await store.inspections.get("mimi")).verdict  # type: ignore[union-attr]
    assert stored is not None and {"yara", "heuristic"} <= {f.source for f in stored.findings}
    assert stored.score > rules_only.changes[0].new_score


async def test_a_batch_leased_by_a_dead_run_is_waited_for_not_skipped(store: Store) -> None:
    from datetime import timedelta

    await _seed(store, 3, 2)
    scanner = await asyncio.to_thread(ArtifactScanner.from_settings, store.settings)
    info, _ = await start_rescan(store, ruleset_version=scanner.ruleset_version, rule_count=scanner.rule_count,
                                 analyzer_version=scanner.analyzer_version)
    await store.rescans.plan(info.id)
    assert await store.rescans.claim_batch(info.id, 0, "killed-run", timedelta(seconds=4)) is not None
    runner = LocalBatchRunner(store.settings, processes=1)
    try:
        final = await run_rescan(store, info.id, runner, settings=store.settings)
    finally:
        runner.close()
    assert final.status == "done" and final.progress.artifacts_scanned == 6
    assert final.progress.batches_done == final.progress.batches_total


async def test_a_changed_sigma_folder_is_a_new_ruleset_that_rescans_stored_payloads(backend: Backend,
                                                                                     tmp_path: Path) -> None:
    from tests.sigma.helpers import rule_yaml

    sigma = tmp_path / "sigma"
    sigma.mkdir()
    contents = [b"Set-MpPreference -DisableRealtimeMonitoring $true\n"]
    async with temporary_store(backend, tmp_path / "data", sigma_dirs=[sigma], rescan_batch_size=4,
                               rescan_poll_s=0.05) as sigma_store:
        await sigma_store.inspections.create("defender", "script", {}, None, None)
        await sigma_store.inspections.save_verdict("defender", make_verdict("defender", contents), blobs_of(contents))
        before = await asyncio.to_thread(ArtifactScanner.from_settings, sigma_store.settings)

        (sigma / "defender.yml").write_text(rule_yaml(
            "sel:\n  ScriptBlockText|contains: 'DisableRealtimeMonitoring $true'\ncondition: sel",
            category="ps_script", level="critical", rule_id="7b6a5948-3726-4150-9f8e-7d6c5b4a3928"))
        info = await _rescan(sigma_store)
        assert info.ruleset_version != before.ruleset_version and "+sigma:" in info.analyzer_version
        (change,) = info.changes
        assert (change.old_verdict, change.new_verdict) == ("clean", "suspicious")
        stored = (await sigma_store.inspections.get("defender")).verdict  # type: ignore[union-attr]
        assert stored is not None
        assert "sigma.7b6a5948-3726-4150-9f8e-7d6c5b4a3928" in {f.id for f in stored.findings}
