"""Activity ingest speed: a 30-day, 100-VM activity-log history replayed into an SQLite store.

    .venv/bin/python benchmarks/activity_ingest.py [--days 30] [--vms 100] [--inspect]

A JSON Lines file of REST-shaped records is generated (seeded) into a temporary folder: every VM
gets its monitoring agent refreshed and a configuration CSE run by a pipeline each day (start and
end records, request bodies on the start), admins restart, start and read VMs, a few Run
Commands and VMAccess resets a week, the VMs are created on day 0 with their sizes. The file is
streamed through `read_records` and the ingest engine on one core (the payload pipeline off
unless `--inspect`, which inspects each distinct body once), and the figures printed:
records/s, alerts raised, and with `--memory` the peak traced memory (bounded by the history, not by the file:
compare `--days 30` with `--days 60` at the same `--vms`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector.activity import ActivityLimits, Ingestor, read_records
from inspector.store.testing import temporary_store

SUB = "6f0c1a52-0000-4000-8000-00000000b001"
T0 = datetime(2026, 1, 1, tzinfo=UTC)
SIZES = ["Standard_D2s_v3", "Standard_D4s_v5", "Standard_E8s_v5", "Standard_NC6s_v3", "Standard_B2ms"]


def _vm(index: int) -> str:
    return f"/subscriptions/{SUB}/resourceGroups/rg-{index % 7}/providers/Microsoft.Compute/virtualMachines/vm-{index:03d}"


def _pair(ids, op: str, resource: str, at: datetime, caller: str, ip: str, body=None, response=None):
    correlation = f"corr-{next(ids)}"
    start = {"eventDataId": f"ev-{next(ids)}", "operationName": {"value": op}, "status": {"value": "Started"},
             "resourceId": resource, "subscriptionId": SUB, "caller": caller,
             "httpRequest": {"clientIpAddress": ip}, "correlationId": correlation,
             "eventTimestamp": at.isoformat().replace("+00:00", "Z"), "properties": {}}
    if body is not None:
        start["properties"]["requestbody"] = json.dumps(body)
    end = dict(start, eventDataId=f"ev-{next(ids)}", status={"value": "Succeeded"},
               eventTimestamp=(at + timedelta(seconds=40)).isoformat().replace("+00:00", "Z"),
               properties={"responseBody": json.dumps(response)} if response is not None else {})
    return [start, end]


def generate(path: Path, days: int, vms: int, seed: int = 15) -> int:
    rng = random.Random(seed)
    ids = iter(range(10**9))
    cse = {"properties": {"publisher": "Microsoft.Compute", "type": "CustomScriptExtension",
                          "typeHandlerVersion": "1.10",
                          "settings": {"commandToExecute": "powershell -File configure.ps1",
                                       "fileUris": ["https://acct.blob.core.windows.net/c/configure.ps1"]}}}
    ama = {"properties": {"publisher": "Microsoft.Azure.Monitor", "type": "AzureMonitorWindowsAgent",
                          "typeHandlerVersion": "1.2", "settings": {}}}
    count = 0
    with path.open("w") as out:
        for day in range(days):
            records = []
            for index in range(vms):
                vm = _vm(index)
                base = T0 + timedelta(days=day, hours=2, seconds=rng.randint(0, 3600))
                if day == 0:
                    records += _pair(ids, "Microsoft.Compute/virtualMachines/write", vm, base - timedelta(hours=1),
                                     "deploy-app", "20.50.1.1",
                                     response={"properties": {"hardwareProfile": {"vmSize": SIZES[index % 5]},
                                                              "storageProfile": {"osDisk": {"osType": "Windows"}}}})
                records += _pair(ids, "Microsoft.Compute/virtualMachines/extensions/write", f"{vm}/extensions/ama",
                                 base, "policy-app", "20.50.1.2", body=ama)
                records += _pair(ids, "Microsoft.Compute/virtualMachines/extensions/write", f"{vm}/extensions/config",
                                 base + timedelta(minutes=20), "pipeline-app", "20.50.1.3", body=cse)
                for _ in range(rng.randint(1, 3)):
                    at = T0 + timedelta(days=day, hours=rng.randint(8, 18), seconds=rng.randint(0, 3599))
                    op = rng.choice(["restart/action", "start/action", "deallocate/action", "read"])
                    records += _pair(ids, f"Microsoft.Compute/virtualMachines/{op}", vm, at,
                                     rng.choice(["alice@contoso.com", "bob@contoso.com"]), "10.1.4.4")
                if rng.random() < 0.03:
                    at = T0 + timedelta(days=day, hours=rng.randint(9, 17))
                    records += _pair(ids, "Microsoft.Compute/virtualMachines/runCommand/action", vm, at,
                                     "alice@contoso.com", "10.1.4.4",
                                     body={"commandId": "RunPowerShellScript", "script": ["Get-Service"]})
            records.sort(key=lambda r: r["eventTimestamp"])
            for record in records:
                out.write(json.dumps(record) + "\n")
            count += len(records)
    return count


async def measure(path: Path, inspect: bool, trace: bool) -> dict[str, float]:
    limits = ActivityLimits(inspect_bodies=inspect)
    with tempfile.TemporaryDirectory() as folder:
        async with temporary_store("sqlite", Path(folder)) as store:
            inspector = None
            if inspect:
                from inspector.cli.activity_cmd import payload_inspector
                from inspector.pipeline import Inspector

                pipeline = await Inspector.start(store.settings, workers=0, fetching=False)
                inspector = payload_inspector(pipeline, store)
            ingestor = Ingestor(store.activity, limits, inspector=inspector)
            if trace:
                tracemalloc.start()
            started = time.process_time()
            wall = time.perf_counter()
            with path.open("rb") as stream:
                for item in read_records(stream, limits, path.name):
                    await ingestor.add(item)
                    if ingestor.unsaved >= 20_000:
                        await ingestor.save()
            await ingestor.finish()
            cpu, elapsed = time.process_time() - started, time.perf_counter() - wall
            peak = tracemalloc.get_traced_memory()[1] if trace else 0
            if trace:
                tracemalloc.stop()
            if inspect:
                await pipeline.close()
    report = ingestor.report
    return {"records": report.records, "cpu_s": cpu, "wall_s": elapsed, "alerts": len(report.alerts),
            "inspected": report.inspected, "peak_mib": peak / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--vms", type=int, default=100)
    parser.add_argument("--inspect", action="store_true", help="run request bodies through the payload pipeline")
    parser.add_argument("--memory", action="store_true", help="trace peak memory (slows the run; speed not comparable)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "activity.jsonl"
        total = generate(path, args.days, args.vms)
        size = path.stat().st_size / 2**20
        figures = asyncio.run(measure(path, args.inspect, args.memory))
    print(f"history: {args.days} days, {args.vms} VMs, {total} records, {size:.1f} MiB of JSON Lines")
    print(f"ingest (SQLite, inspect={'on' if args.inspect else 'off'}): {figures['records'] / figures['wall_s']:,.0f} "
          f"records/s wall, {figures['records'] / figures['cpu_s']:,.0f} records/s of CPU "
          f"({figures['wall_s']:.1f} s wall, {figures['cpu_s']:.1f} s CPU)")
    memory = f"; peak traced memory: {figures['peak_mib']:.1f} MiB" if args.memory else ""
    print(f"alerts raised: {figures['alerts']:.0f}; bodies inspected: {figures['inspected']:.0f}{memory}")


if __name__ == "__main__":
    main()
