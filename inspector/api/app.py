"""The service: build the aiohttp application, and run it until a signal asks it to stop.

`build_app` wires already-started parts together (tests start their own); `serve` opens the
store, makes the first admin key, starts the inspector (rules and worker pool) and listens.
On SIGTERM/SIGINT it stops listening, lets in-flight inspections finish within
`api_shutdown_grace_s`, records the rest as failed, and closes everything.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TextIO

from aiohttp import web

from inspector.api.auth import KeyAuthenticator
from inspector.api.limits import RateLimiter
from inspector.api.metrics import ServiceMetrics
from inspector.api.middleware import make_middleware
from inspector.api.openapi import build_openapi
from inspector.api.routes import STATE, ServiceState, add_routes
from inspector.api.runner import InspectionRunner
from inspector.config import Settings
from inspector.logging_setup import get_logger
from inspector.pipeline import Inspector
from inspector.store import Store

log = get_logger("inspector.api")

# Multipart framing around an upload of max_input_bytes.
_MULTIPART_OVERHEAD = 64 * 1024


def worker_count(settings: Settings) -> int:
    return settings.api_workers or max(1, os.cpu_count() or 1)


def build_app(settings: Settings, inspector: Inspector, store: Store) -> web.Application:
    metrics = ServiceMetrics()
    status = inspector.signatures
    metrics.set_rules(status.version, status.rule_count, status.loaded_at)
    app = web.Application(
        middlewares=[make_middleware(metrics)],
        client_max_size=max(settings.api_max_body_bytes, settings.max_input_bytes + _MULTIPART_OVERHEAD),
    )
    runner = InspectionRunner(settings, inspector, store, metrics, worker_count(settings))
    app[STATE] = ServiceState(
        settings=settings,
        inspector=inspector,
        store=store,
        runner=runner,
        authenticator=KeyAuthenticator(store.authenticate, ttl_s=settings.api_auth_cache_s),
        rate=RateLimiter(settings.api_rate_per_s, settings.api_rate_burst),
        metrics=metrics,
        openapi=json.dumps(build_openapi()).encode(),
    )
    add_routes(app)

    async def drain(_app: web.Application) -> None:
        cancelled = await runner.drain(settings.api_shutdown_grace_s)
        if cancelled:
            log.warning("inspections_cancelled_at_shutdown", count=cancelled)

    app.on_shutdown.append(drain)
    return app


async def ensure_admin_key(store: Store, out: TextIO) -> str | None:
    """On a first start with no active key, create an admin key and show it once on `out`.

    It goes to the terminal (stderr), never to the JSON logs, which are shipped elsewhere.
    """
    if await store.count_keys() > 0:
        return None
    info, secret = await store.create_key("admin", "first-start admin")
    out.write(
        f"inspector: no API key existed, so an admin key was created (id {info.id}); it is shown only once:\n"
        f"INSPECTOR_ADMIN_KEY={secret}\n"
    )
    out.flush()
    return secret


@asynccontextmanager
async def running_service(settings: Settings, host: str, port: int) -> AsyncIterator[web.AppRunner]:
    """Open every part, listen on host:port, and on exit shut down gracefully in order."""
    store = await Store.open(settings)
    try:
        await ensure_admin_key(store, sys.stderr)
        inspector = await Inspector.start(settings, workers=worker_count(settings))
        try:
            app = build_app(settings, inspector, store)
            runner = web.AppRunner(
                app, access_log=None, handle_signals=False, keepalive_timeout=settings.api_keepalive_s,
                shutdown_timeout=settings.api_shutdown_grace_s + 5,
            )
            await runner.setup()
            try:
                site = web.TCPSite(runner, host, port, backlog=1024)
                await site.start()
                status = inspector.signatures
                log.info("listening", host=host, port=port, workers=worker_count(settings),
                         rules=status.rule_count, ruleset_version=status.version, fetch=inspector.fetching)
                yield runner
            finally:
                await runner.cleanup()
        finally:
            await inspector.close()
    finally:
        await store.close()
    log.info("stopped")


async def serve(settings: Settings, host: str, port: int) -> None:
    """Run until SIGTERM or SIGINT."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with running_service(settings, host, port):
        await stop.wait()
        log.info("stopping", grace_s=settings.api_shutdown_grace_s)
