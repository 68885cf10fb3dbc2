"""Fetch concurrency: N inspections, each fetching one payload that a local server holds back.

    .venv/bin/python benchmarks/fetch_concurrency.py [--count 1000] [--delay 1.0]

A server process on 127.0.0.1 answers every request after `--delay` seconds. One `Fetcher`
(as in the service) runs `--count` inspection sessions at once, each fetching its own URL
through the full guarded path (closed-network mode, host map, SSRF checks, byte caps). Prints
wall time, fetches per second, failures and peak memory (resource.getrusage). Exits non-zero
when any fetch fails or the wall time passes `--budget` seconds. Nothing leaves loopback.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import subprocess
import sys
import time

PAYLOAD = b"Write-Output 'hello from a slow server'\n"


async def serve(delay: float, port_file: str) -> None:
    from aiohttp import web

    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(delay)
        return web.Response(body=PAYLOAD, content_type="text/plain")

    app = web.Application()
    app.router.add_get("/{name}", slow)
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, backlog=4096)  # 1,000 connects arrive at once
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    with open(port_file, "w") as handle:
        handle.write(str(port))
    await asyncio.Event().wait()


async def run(count: int, port: int) -> tuple[float, float, list[str]]:
    from inspector.config import Settings
    from inspector.extensions.plan import PlannedUrl, UrlRole
    from inspector.fetch import Fetcher

    settings = Settings(
        fetch=True, fetch_only_allowed=True, fetch_allow_networks=["127.0.0.1/32"],
        fetch_hosts={"payloads.example": "127.0.0.1"}, fetch_concurrency=count, fetch_per_host=count,
        fetch_total_timeout_s=30.0, fetch_retries=0,
    )
    fetcher = Fetcher(settings)

    async def one_inspection(i: int) -> str | None:
        url = f"http://payloads.example:{port}/payload-{i}.ps1"
        got = await fetcher.session().fetch(PlannedUrl(origin="settings.fileUris[0]", role=UrlRole.ENTRY_POINT,
                                                      url=url, redacted=url))
        return None if got.data == PAYLOAD else f"{got.record.error}: {got.record.error_detail}"

    started = time.perf_counter()
    cpu_before = _cpu(resource.RUSAGE_SELF)
    try:
        results = await asyncio.wait_for(asyncio.gather(*(one_inspection(i) for i in range(count))), timeout=120)
    finally:
        await fetcher.aclose()
    wall = time.perf_counter() - started
    failures = [r for r in results if r is not None]
    return wall, _cpu(resource.RUSAGE_SELF) - cpu_before, failures


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="inspections, one fetch each (max 5000)")
    parser.add_argument("--delay", type=float, default=1.0, help="seconds the server holds each answer")
    parser.add_argument("--budget", type=float, default=5.0, help="fail when the wall time passes this")
    parser.add_argument("--serve", metavar="PORT_FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.delay, args.serve))
        return 0
    count = max(1, min(args.count, 5000))
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < count + 256:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 256), hard))

    import tempfile

    with tempfile.NamedTemporaryFile("r", suffix=".port") as port_file:
        server = subprocess.Popen([sys.executable, __file__, "--serve", port_file.name, "--delay", str(args.delay)])
        try:
            deadline = time.monotonic() + 20
            while not (port := port_file.read().strip()) and time.monotonic() < deadline:
                time.sleep(0.05)
                port_file.seek(0)
            if not port:
                print("the local server did not start", file=sys.stderr)
                return 2
            wall, client_cpu, failures = asyncio.run(run(count, int(port)))
        finally:
            server.terminate()
            server.wait(timeout=10)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    server_cpu = _cpu(resource.RUSAGE_CHILDREN)
    print(f"fetches: {count} (one per inspection session), server delay {args.delay:.1f}s")
    print(f"wall: {wall:.2f}s  ({count / wall:.0f} fetches/s)  ok: {count - len(failures)}  failed: {len(failures)}")
    print(f"cpu: client {client_cpu:.2f}s during the fetches, server process {server_cpu:.2f}s in total")
    print(f"peak memory (client process, ru_maxrss): {peak_mib:.1f} MiB")
    for failure in sorted(set(failures))[:5]:
        print(f"  failure: {failure}")
    return 0 if not failures and wall < args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
