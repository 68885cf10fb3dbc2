"""Test helpers: a real service on a free loopback port, with a real HTTP client and one key per role.

Fetching is off (closed network). Analysis runs in-process by default for speed; tests about
concurrency ask for a worker pool. `GatedInspector` holds inspections until a test opens
the gate, and `HeldAnalysisPool` (tests/api/held_analysis.py) holds them inside a worker
process, to make "still running" and "every worker busy" states deterministic.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from multidict import CIMultiDict

from inspector.api.app import ServiceRunner, build_app
from inspector.config import Settings
from inspector.extensions.request import InspectionInput
from inspector.pipeline import InspectionResult, Inspector
from inspector.rules import load_ruleset
from inspector.service.inspection_runner import warm_workers
from inspector.store import Store
from tests.timing import GIVE_UP_S

MALICIOUS_PS = "Invoke-Mimikatz -DumpCreds\nvssadmin delete shadows /all /quiet\n"
BENIGN_PS = "Get-Service | Where-Object Status -eq Running\n"


class GatedInspector(Inspector):
    """The real inspector, but each inspection first waits for `gate` to open."""

    gate: asyncio.Event
    started: asyncio.Queue[str]

    async def inspect(self, inp: InspectionInput, **kwargs: Any) -> InspectionResult:  # type: ignore[override]
        await self.started.put(kwargs.get("inspection_id") or "")
        await self.gate.wait()
        return await super().inspect(inp, **kwargs)


def service_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": tmp_path,
        "fetch": False,
        "fetch_only_allowed": True,
        "fetch_allow_networks": [],
        "api_workers": 1,
        "api_shutdown_grace_s": 5.0,
        # A request waits for its verdict far longer than any analysis here takes, however loaded
        # the machine: tests of the 202 path ask for it (Prefer: respond-async, a held inspection).
        "api_wait_s": GIVE_UP_S,
        **overrides,
    }
    return Settings(**values)


@dataclass
class Service:
    url: str
    settings: Settings
    store: Store
    inspector: Inspector
    app: web.Application
    session: aiohttp.ClientSession
    keys: dict[str, str] = field(default_factory=dict)
    key_ids: dict[str, str] = field(default_factory=dict)

    async def call(self, method: str, path: str, *, key: str | None = "admin", json_body: Any = None,
                   data: Any = None, headers: dict[str, str] | None = None,
                   params: dict[str, str] | None = None) -> tuple[int, CIMultiDict[str], Any]:
        """One request; returns status, headers (case-insensitive) and the parsed JSON body (or bytes)."""
        hdrs = dict(headers or {})
        if key is not None:
            hdrs["Authorization"] = "Bearer " + self.keys.get(key, key)
        if json_body is not None:
            data = json.dumps(json_body)
            hdrs.setdefault("Content-Type", "application/json")
        async with self.session.request(method, self.url + path, data=data, headers=hdrs, params=params) as resp:
            raw = await resp.read()
            ctype = resp.headers.get("Content-Type", "")
            body: Any = json.loads(raw) if "json" in ctype and raw else raw
            return resp.status, CIMultiDict(resp.headers), body


@asynccontextmanager
async def start_service(tmp_path: Path, *, workers: int = 0, inspector_cls: type[Inspector] = Inspector,
                        pool: Any = None, **overrides: Any) -> AsyncIterator[Service]:
    """Store, inspector and application on 127.0.0.1:<free port>; keys for every role.

    Analysis runs in-process, or in a pool of `workers` processes, or in `pool` when given (a stand-in
    with `AnalysisPool`'s `analyze`, `warm_up`, `size` and `shutdown`)."""
    settings = service_settings(tmp_path, **overrides)
    store = await Store.open(settings)
    if pool is not None:
        inspector = inspector_cls(settings, await asyncio.to_thread(load_ruleset, settings), pool=pool)
    else:
        inspector = await inspector_cls.start(settings, workers=workers)
    if workers:
        await warm_workers(inspector, workers)
    if isinstance(inspector, GatedInspector):
        inspector.gate = asyncio.Event()
        inspector.started = asyncio.Queue()
    app = build_app(settings, inspector, store)
    runner = ServiceRunner(app, access_log=None, handle_signals=False,
                           shutdown_timeout=settings.api_shutdown_grace_s + 5)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))
    service = Service(url=f"http://127.0.0.1:{port}", settings=settings, store=store, inspector=inspector,
                      app=app, session=session)
    for role in ("admin", "analyst", "detector"):
        info, secret = await store.keys.create(role, f"test {role}")  # type: ignore[arg-type]
        service.keys[role], service.key_ids[role] = secret, info.id
    info, secret = await store.keys.create("detector", "another detector")
    service.keys["detector2"], service.key_ids["detector2"] = secret, info.id
    try:
        yield service
    finally:
        if isinstance(inspector, GatedInspector):
            inspector.gate.set()
        await session.close()
        await runner.cleanup()
        await inspector.close()
        await store.close()


# --------------------------------------------------------------------------- `inspector serve` in a subprocess

INSPECTOR_BIN = str(Path(sys.executable).parent / "inspector")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def closed_network_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    # A request waits for its verdict longer than any analysis takes here (as in service_settings).
    env.update({"INSPECTOR_DATA_DIR": str(data_dir), "INSPECTOR_FETCH": "false", "INSPECTOR_FETCH_ONLY_ALLOWED": "true",
                "INSPECTOR_API_WORKERS": "1", "INSPECTOR_API_WAIT_S": str(GIVE_UP_S), **extra})
    return env


@dataclass
class ServeProcess:
    url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@contextmanager
def serve_process(data_dir: Path, **env: str) -> Iterator[ServeProcess]:
    """`inspector serve` on a free port; waits until /healthz answers."""
    port = free_port()
    log_path = data_dir / "serve.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen([INSPECTOR_BIN, "serve", "--host", "127.0.0.1", "--port", str(port)],
                                   env=closed_network_env(data_dir, **env), stdout=log, stderr=subprocess.STDOUT)
    served = ServeProcess(f"http://127.0.0.1:{port}", process, log_path)
    try:
        deadline = time.monotonic() + GIVE_UP_S
        while True:
            try:
                with urllib.request.urlopen(served.url + "/healthz", timeout=GIVE_UP_S):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"inspector serve did not start:\n{served.log()}") from None
                time.sleep(0.1)
        yield served
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=GIVE_UP_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def create_key(data_dir: Path, role: str) -> str:
    done = subprocess.run([INSPECTOR_BIN, "keys", "create", "--role", role], env=closed_network_env(data_dir),
                          capture_output=True, text=True, timeout=GIVE_UP_S, check=True)
    return done.stdout.strip()
