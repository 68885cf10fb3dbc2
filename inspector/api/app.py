"""The service: build the aiohttp application, and run it until a signal asks it to stop.

`build_app` wires already-started parts together (tests start their own); `serve` opens the
store, makes the first admin key, starts the inspector (rules and worker pool) and listens.
On SIGTERM/SIGINT it stops listening, lets in-flight inspections finish within
`api_shutdown_grace_s`, records the rest as failed, and closes everything.
"""

from __future__ import annotations

import asyncio
import gc
import json
import signal
import socket
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import TextIO

from aiohttp import web
from aiohttp.web_protocol import RequestHandler
from aiohttp.web_request import BaseRequest

from inspector.activity import ActivityLimits
from inspector.api.auth import KeyAuthenticator
from inspector.api.limits import RateLimiter
from inspector.api.middleware import make_middleware
from inspector.api.openapi import build_openapi
from inspector.api.problems import kind_for_status, problem_response
from inspector.api.activity import add_activity_routes
from inspector.api.rescans import add_rescan_routes
from inspector.api.routes import API_STATE, ApiState, add_routes
from inspector.config import Settings
from inspector.events.delivery import EventDelivery
from inspector.logging_setup import get_logger
from inspector.pipeline import Inspector
from inspector.service.inspection_runner import InspectionRunner, warm_workers, worker_count
from inspector.service.metrics import ServiceMetrics
from inspector.service.activity_bodies import payload_inspector
from inspector.service.activity_release import release_idle
from inspector.service.problems import MALFORMED_HTTP, ProblemError
from inspector.service.recovery import Reaper
from inspector.service.rescan_service import RescanService
from inspector.service.state import SERVICE_STATE, ServiceState
from inspector.store import Store
from inspector.store.inspections import ABANDONED
from inspector.ui import setup_console

log = get_logger("inspector.api")

# Multipart framing around an upload of max_input_bytes.
_MULTIPART_OVERHEAD = 64 * 1024


class _ProblemRequestHandler(RequestHandler):
    """Errors of the HTTP layer itself (a request line over the size limit, malformed headers)
    happen before routing and middleware; answer them as problems too, never echoing the input."""

    def handle_error(self, request: BaseRequest, status: int = 500, exc: BaseException | None = None,
                     message: str | None = None) -> web.StreamResponse:
        super().handle_error(request, status, exc, message)  # logs, and refuses if a response started
        if status < 500:
            problem = ProblemError(MALFORMED_HTTP, f"the request could not be parsed ({type(exc).__name__})")
        else:
            problem = ProblemError(kind_for_status(status), "an internal error occurred")
        response = problem_response(problem, request_id=uuid.uuid4().hex, instance="/")
        response.force_close()
        return response


class _ProblemServer(web.Server):
    def __call__(self) -> RequestHandler:
        return _ProblemRequestHandler(self, loop=self._loop, **self._kwargs)


class ServiceRunner(web.AppRunner):
    """The application runner of the service: HTTP-layer errors are problems like all others."""

    async def _make_server(self) -> web.Server:
        server = await super()._make_server()
        server.__class__ = _ProblemServer
        return server


def build_app(settings: Settings, inspector: Inspector, store: Store) -> web.Application:
    metrics = ServiceMetrics()
    status = inspector.signatures
    metrics.set_rules(status.version, status.rule_count, status.loaded_at)
    app = web.Application(
        middlewares=[make_middleware(metrics)],
        client_max_size=max(settings.api_max_body_bytes, settings.api_max_activity_body_bytes,
                            settings.max_input_bytes + _MULTIPART_OVERHEAD),
    )
    runner = InspectionRunner(settings, inspector, store, metrics, worker_count(settings))
    rescans = RescanService(store, settings)
    delivery = EventDelivery(store, settings)
    app[SERVICE_STATE] = ServiceState(
        settings=settings,
        inspector=inspector,
        store=store,
        runner=runner,
        metrics=metrics,
        rescans=rescans,
        events=delivery,
    )
    app[API_STATE] = ApiState(
        authenticator=KeyAuthenticator(store.keys.authenticate, ttl_s=settings.api_auth_cache_s),
        rate=RateLimiter(settings.api_rate_per_s, settings.api_rate_burst),
        openapi=json.dumps(build_openapi()).encode(),
    )
    add_routes(app)
    add_rescan_routes(app)
    add_activity_routes(app)
    setup_console(app)  # the analyst web console under /ui/ (docs/console.md)

    async def drain(_app: web.Application) -> None:
        cancelled = await runner.drain(settings.api_shutdown_grace_s)
        if cancelled:
            log.warning("inspections_cancelled_at_shutdown", count=cancelled)

    activity_limits = ActivityLimits.from_settings(settings)

    async def release_quiet_activity(now: datetime) -> None:
        if settings.activity_release_idle_s <= 0:
            return
        bodies = payload_inspector(inspector, store) if activity_limits.inspect_bodies else None
        report = await release_idle(store, activity_limits, bodies,
                                    now - timedelta(seconds=settings.activity_release_idle_s))
        if report is not None and report.alerts:
            delivery.wake()

    reaper = Reaper(store, settings, also=release_quiet_activity,
                    on_reaped=lambda n: metrics.inspection_failures.labels(kind=ABANDONED).inc(n))

    # Events go out from the outbox while the service runs (webhook, JSON Lines). Work a dead
    # process left is taken up at start-up: rescans are driven again, abandoned inspections
    # are marked failed now and by the periodic sweep (service/recovery.py).
    async def start_background(_app: web.Application) -> None:
        await delivery.start()
        if delivery.sinks:
            log.info("event_delivery_started", sinks=[sink.describe() for sink in delivery.sinks])
        await reaper.start()
        await rescans.resume_unfinished()

    async def stop_background(_app: web.Application) -> None:
        await reaper.stop()
        await rescans.close()
        await delivery.stop()

    app.on_startup.append(start_background)
    app.on_shutdown.append(drain)
    app.on_cleanup.append(stop_background)
    return app


async def ensure_admin_key(store: Store, out: TextIO) -> str | None:
    """On a first start with no active key, create an admin key and show it once on `out`.

    It goes to the terminal (stderr), never to the JSON logs, which are shipped elsewhere.
    """
    if await store.keys.count_active() > 0:
        return None
    info, secret = await store.keys.create("admin", "first-start admin")
    out.write(
        f"inspector: no API key existed, so an admin key was created (id {info.id}); it is shown only once:\n"
        f"INSPECTOR_ADMIN_KEY={secret}\n"
    )
    out.flush()
    return secret


def listening_socket(host: str, port: int) -> socket.socket:
    """Bind before the slow part of the start (rules, worker pool): a taken port fails at once."""
    family, socktype, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(family, socktype, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(1024)
    except OSError:
        sock.close()
        raise
    sock.setblocking(False)
    return sock


@asynccontextmanager
async def running_service(settings: Settings, host: str, port: int) -> AsyncIterator[web.AppRunner]:
    """Open every part, listen on host:port, and on exit shut down gracefully in order."""
    store = await Store.open(settings)
    try:
        sock = listening_socket(host, port)
        try:
            await ensure_admin_key(store, sys.stderr)
            inspector = await Inspector.start(settings, workers=worker_count(settings))
            try:
                await warm_workers(inspector, worker_count(settings))
                # The store keeps analysed trees: a payload seen before is not analysed again until
                # the rules, the analyzers or the analysis settings change (settings.analysis_cache).
                inspector.cache = store.analysis_cache
                runner = ServiceRunner(
                    build_app(settings, inspector, store), access_log=None, handle_signals=False,
                    keepalive_timeout=settings.api_keepalive_s, shutdown_timeout=settings.api_shutdown_grace_s + 5,
                )
                await runner.setup()
                # What start-up built (rules, tables, metadata) lives as long as the process; out of
                # the collector's sight, a full collection pauses requests ~3 ms instead of ~80 ms.
                gc.collect()
                gc.freeze()
                try:
                    await web.SockSite(runner, sock).start()
                    status = inspector.signatures
                    for skipped in status.skipped:
                        log.warning("rule_file_skipped", file=skipped.path, line=skipped.line,
                                    reason=skipped.message, rules=skipped.rules)
                    log.info("listening", host=host, port=sock.getsockname()[1], workers=worker_count(settings),
                             rules=status.rule_count, ruleset_version=status.version,
                             skipped_rule_files=status.skipped_files, skipped_rules=status.skipped_rules,
                             fetch=inspector.fetching, fetch_policy=inspector.fetch_policy())
                    yield runner
                finally:
                    await runner.cleanup()
            finally:
                await inspector.close()
        finally:
            sock.close()
    finally:
        await store.close()
    log.info("stopped")


async def serve(settings: Settings, host: str, port: int) -> None:
    """Run until SIGTERM or SIGINT."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    for sig in previous:
        loop.add_signal_handler(sig, stop.set)
    try:
        async with running_service(settings, host, port):
            await stop.wait()
            log.info("stopping", grace_s=settings.api_shutdown_grace_s)
    finally:
        # Leave the process's signals as they were: a caller that runs serve() in-process (the
        # tests do) must not keep handlers that point into a closed loop.
        for sig, handler in previous.items():
            loop.remove_signal_handler(sig)
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
