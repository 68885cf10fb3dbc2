"""`inspector serve [--host H] [--port P]`: run the HTTP service until SIGTERM or SIGINT.

Settings come from the environment (`INSPECTOR_*`) and the TOML file; the options override
`INSPECTOR_HOST` and `INSPECTOR_PORT`. Problems at start-up (invalid settings, a port in
use, a database that cannot be opened) end with one clear line on stderr and exit 2.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable

import click

from inspector.config import ConfigError, Settings
from inspector.logging_setup import configure_logging


def event_loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop where it is installed (a dependency except on Windows): the event loop's own work
    per request (callbacks, timers, sockets) runs in C, a few percent of the service's CPU."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


@click.command()
@click.option("--host", default=None, help="Address to listen on (INSPECTOR_HOST, default 127.0.0.1).")
@click.option("--port", default=None, type=click.IntRange(0, 65535),
              help="Port to listen on (INSPECTOR_PORT, default 8080).")
@click.pass_obj
def serve(app: object, host: str | None, port: int | None) -> None:
    """Run the HTTP API for detectors and analysts."""
    settings: Settings = app.settings  # type: ignore[attr-defined]
    configure_logging(settings.log_level, json_lines=settings.log_json)
    from inspector.activity import ActivityLimits
    from inspector.api.app import serve as run_service  # imported late: it loads the whole engine

    try:
        ActivityLimits.from_settings(settings)  # detector knobs: a bad one stops start-up, not the first batch
    except ConfigError as exc:
        click.echo(f"inspector: {exc}", err=True)
        sys.exit(2)

    try:
        with asyncio.Runner(loop_factory=event_loop_factory()) as runner:
            runner.run(run_service(settings, host or settings.host, settings.port if port is None else port))
    except OSError as exc:
        click.echo(f"inspector: cannot serve on {host or settings.host}:{port or settings.port}: "
                   f"{exc.strerror or exc}", err=True)
        sys.exit(2)
    except Exception as exc:  # start-up failures (database, rules) get one line, not a traceback
        click.echo(f"inspector: cannot start the service: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)
