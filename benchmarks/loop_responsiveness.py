"""How quickly `inspector serve` answers /healthz while its work, or its clients, would hold it up.

    .venv/bin/python benchmarks/loop_responsiveness.py [--probes 50] [--heavy 4] [--idle 100]

It starts `inspector serve` in its own process (closed network, a temporary data folder, one
scan worker, rate limit off) and, from this process, times `GET /healthz` over one keep-alive
connection, `--probes` times 20 ms apart, in four situations:

- idle: nothing else happens;
- worker busy: `--heavy` inspections of a script that takes half a second of CPU to analyse were
  just submitted with `Prefer: respond-async` (one runs in the only worker, the others wait);
  the table says how many were still unfinished after the last probe, which is when the
  figures mean something;
- slow client: another connection has sent the head of a POST and a few bytes of its body,
  and sends nothing more (the service gives it `api_body_timeout_s` before its 408);
- idle connections: `--idle` connections each sent an unfinished request head.

It prints the median, 90th percentile and maximum of each, in milliseconds; it checks nothing.
The tests (tests/api/test_app.py) check that /healthz is answered in each situation at all,
synchronised on events rather than on time; these are the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import aiohttp

# Two thousand lines of string arithmetic for the PowerShell layer to fold: half a second of CPU.
HEAVY = "".join(f"$v{i} = 'Invoke-Expression ' + [Convert]::FromBase64String('QUJD{i}')\n" for i in range(2000))


def start_server() -> tuple[subprocess.Popen[bytes], str, str, Path]:
    data_dir = Path(tempfile.mkdtemp(prefix="loop-responsiveness-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env.update(INSPECTOR_DATA_DIR=str(data_dir), INSPECTOR_FETCH="false", INSPECTOR_FETCH_ONLY_ALLOWED="true",
               INSPECTOR_API_RATE_PER_S="0", INSPECTOR_API_WORKERS="1", INSPECTOR_ANALYSIS_CACHE="false")
    inspector_bin = str(Path(sys.executable).parent / "inspector")
    key = subprocess.run([inspector_bin, "keys", "create", "--role", "admin"], env=env, capture_output=True,
                         text=True, check=True, timeout=120).stdout.strip()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = (data_dir / "serve.log").open("wb")
    process = subprocess.Popen([inspector_bin, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).close()
            return process, url, key, data_dir
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server did not start; see {data_dir / 'serve.log'}") from None
            time.sleep(0.2)


async def probe(session: aiohttp.ClientSession, url: str, count: int) -> list[float]:
    """`count` health requests 20 ms apart; their latencies in milliseconds."""
    latencies = []
    for _ in range(count):
        started = time.perf_counter()
        async with session.get(url + "/healthz") as resp:
            await resp.read()
        latencies.append((time.perf_counter() - started) * 1000)
        await asyncio.sleep(0.02)
    return latencies


async def unfinished(session: aiohttp.ClientSession, url: str, key: str, locations: list[str]) -> int:
    count = 0
    for location in locations:
        async with session.get(url + location, headers={"Authorization": f"Bearer {key}"}) as resp:
            body = await resp.json()
        count += body.get("status") in ("queued", "running")
    return count


async def measure(url: str, key: str, probes: int, heavy: int, idle: int) -> list[tuple[str, list[float], str]]:
    host, port = url.removeprefix("http://").split(":")
    rows: list[tuple[str, list[float], str]] = []
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1)) as session:
        await probe(session, url, 5)  # the connection is open and the first request's costs are paid
        rows.append(("idle", await probe(session, url, probes), ""))

        locations = []
        for n in range(heavy):
            async with session.post(url + "/v1/inspections", headers={
                    "Authorization": f"Bearer {key}", "Prefer": "respond-async"},
                    json={"kind": "script", "content": HEAVY + f"# {n}\n"}) as resp:
                locations.append((await resp.json())["location"])
        latencies = await probe(session, url, probes)
        left = await unfinished(session, url, key, locations)
        rows.append(("worker busy", latencies, f"{left} of {heavy} inspections unfinished after the last probe"))
        while await unfinished(session, url, key, locations):
            await asyncio.sleep(0.2)

        _, writer = await asyncio.open_connection(host, int(port))
        writer.write((f"POST /v1/inspections HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {key}\r\n"
                      "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"kind\": ").encode())
        await writer.drain()
        rows.append(("slow client", await probe(session, url, probes), ""))
        writer.close()

        half_open = []
        for _ in range(idle):
            _, idle_writer = await asyncio.open_connection(host, int(port))
            idle_writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            half_open.append(idle_writer)
        rows.append((f"{idle} idle connections", await probe(session, url, probes), ""))
        for idle_writer in half_open:
            idle_writer.close()
    return rows


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probes", type=int, default=50, help="health requests per situation")
    parser.add_argument("--heavy", type=int, default=4, help="long inspections submitted for 'worker busy'")
    parser.add_argument("--idle", type=int, default=100, help="half-open connections for the last situation")
    args = parser.parse_args()
    process, url, key, data_dir = start_server()
    try:
        rows = asyncio.run(measure(url, key, args.probes, args.heavy, args.idle))
    finally:
        process.terminate()
        process.wait(timeout=60)
    load = os.getloadavg()[0]
    print(f"/healthz latency, ms ({args.probes} probes each; load average {load:.1f}; server log {data_dir})")
    print(f"{'situation':<22} {'p50':>7} {'p90':>7} {'max':>7}  note")
    for name, latencies, note in rows:
        print(f"{name:<22} {percentile(latencies, 50):7.1f} {percentile(latencies, 90):7.1f} "
              f"{max(latencies):7.1f}  {note}")


if __name__ == "__main__":
    main()
