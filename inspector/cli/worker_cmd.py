"""`inspector worker`: a Celery worker running rescan batches, asynchronous inspections and activity ingests."""

from __future__ import annotations

import click

from inspector.config import Settings
from inspector.store.database import display_url


@click.command("worker")
@click.option("--concurrency", type=click.IntRange(1, 256), default=None, help="worker processes (default: CPUs)")
@click.option("--loglevel", type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"]), default="INFO")
@click.option("--hostname", "-n", default=None,
              help="this worker's name, unique per worker (default celery@<host>; %h is the host name)")
@click.option("--metrics-port", type=click.IntRange(0, 65535), default=0, envvar="INSPECTOR_WORKER_METRICS_PORT",
              show_default=True, help="serve this worker's inspection metrics on /metrics at this port (0: off)")
@click.option("--metrics-host", default="127.0.0.1", envvar="INSPECTOR_WORKER_METRICS_HOST", show_default=True,
              help="address the metrics endpoint listens on (0.0.0.0 for a scraper on another machine)")
@click.pass_obj
def worker(app: object, concurrency: int | None, loglevel: str, hostname: str | None,
           metrics_port: int, metrics_host: str) -> None:
    """Start a Celery worker (broker: INSPECTOR_BROKER_URL; same database and blob folder as the service)."""
    from inspector.tasks.worker_metrics import multiprocess_folder, serve_worker_metrics

    settings: Settings = app.settings  # type: ignore[attr-defined]
    click.echo(f"worker on queue {settings.celery_queue!r}, broker {display_url(settings.broker_url)}", err=True)
    argv = ["worker", f"--loglevel={loglevel}", "-Q", settings.celery_queue, "--without-gossip", "--without-mingle"]
    if concurrency:
        argv.append(f"--concurrency={concurrency}")
    if hostname:
        argv.append(f"--hostname={hostname}")
    if not metrics_port:
        _run_worker(settings, argv)
        return
    # The pool's processes write their series to a private folder the main process serves from;
    # it must be set before prometheus_client is imported and before the pool forks.
    with multiprocess_folder():
        serve_worker_metrics(metrics_port, metrics_host)
        click.echo(f"worker metrics on http://{metrics_host}:{metrics_port}/metrics", err=True)
        _run_worker(settings, argv)


def _run_worker(settings: Settings, argv: list[str]) -> None:
    from inspector.tasks.celery_app import make_celery

    make_celery(settings).worker_main(argv)
