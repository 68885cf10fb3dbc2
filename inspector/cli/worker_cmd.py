"""`inspector worker`: a Celery worker running rescan batches and asynchronous inspections."""

from __future__ import annotations

import click

from inspector.config import Settings
from inspector.store.database import display_url


@click.command("worker")
@click.option("--concurrency", type=click.IntRange(1, 256), default=None, help="worker processes (default: CPUs)")
@click.option("--loglevel", type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]), default="INFO")
@click.option("--hostname", "-n", default=None,
              help="this worker's name, unique per worker (default celery@<host>; %h is the host name)")
@click.pass_obj
def worker(app: object, concurrency: int | None, loglevel: str, hostname: str | None) -> None:
    """Start a Celery worker (broker: INSPECTOR_BROKER_URL; same database and blob folder as the service)."""
    from inspector.tasks.celery_app import make_celery

    settings: Settings = app.settings  # type: ignore[attr-defined]
    click.echo(f"worker on queue {settings.celery_queue!r}, broker {display_url(settings.broker_url)}", err=True)
    argv = ["worker", f"--loglevel={loglevel}", "-Q", settings.celery_queue, "--without-gossip", "--without-mingle"]
    if concurrency:
        argv.append(f"--concurrency={concurrency}")
    if hostname:
        argv.append(f"--hostname={hostname}")
    make_celery(settings).worker_main(argv)
