"""`inspector activity ingest PATH...|-`: learn from activity-log records, print the alerts raised.

Files, folders (walked recursively in a stable order) and standard input, in the shapes
docs/activity.md lists. The history is kept in the store (the embedded SQLite store by default,
`--store-url` for another database). One JSON line per alert raised on standard output (the
project's alert, or with `--format ocsf` an OCSF Detection Finding); each record that cannot be
read is reported (on stderr, or as a `{"input", "error"}` line with `--json`, as `scan` does)
and the rest is still ingested. Exit status: 0 no alert, 1 alerts raised, 2 an input or a record
could not be read.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO

import click

from inspector.activity import (
    ActivityAlert,
    ActivityLimits,
    ActivityRecord,
    Ingestor,
    RecordError,
    read_records,
    to_ocsf,
)
from inspector.cli.lines import echo_line
from inspector.cli.scan_cmd import EXIT_CLEAN, EXIT_ERROR, EXIT_FLAGGED, ScanTarget, expand_targets
from inspector.config import ConfigError
from inspector.config import Settings
from inspector.pipeline import Inspector
from inspector.service.activity_bodies import payload_inspector
from inspector.store import Store
from inspector.tasks.activity_ingest import by_subscription

SAVE_EVERY = 20_000  # records between saves: bounds memory and the work a crash loses
# Test-only: after the first save that stored alerts, touch `<dir>/alerts.saved` and wait for
# `<dir>/release`, so a test can kill the process at that moment (tests/cli/test_activity_cmd.py).
HOLD_AFTER_ALERTS_SAVED_ENV = "INSPECTOR_TEST_HOLD_AFTER_ALERTS_SAVED"
# Test-only: once every record is judged and before the last save, touch `<dir>/judged` and wait
# for `<dir>/release`: the moment a second ingest of the same history would decide on stale counts.
HOLD_BEFORE_LAST_SAVE_ENV = "INSPECTOR_TEST_HOLD_BEFORE_LAST_SAVE"
HOLD_POLL_S = 0.05


async def _hold_after_alerts_saved() -> None:
    await _hold(HOLD_AFTER_ALERTS_SAVED_ENV, "alerts.saved")


async def _hold(variable: str, marker: str) -> None:
    folder = os.environ.get(variable)
    if not folder or Path(folder, marker).exists():
        return
    Path(folder, marker).touch()
    while not Path(folder, "release").exists():
        await asyncio.sleep(HOLD_POLL_S)


def _store_settings(settings: Settings, store_url: str | None) -> Settings:
    if store_url is None:
        return settings
    if "://" not in store_url:  # a plain path: an SQLite file
        store_url = f"sqlite+aiosqlite:///{Path(store_url).resolve()}"
    return settings.model_copy(update={"database_url": store_url})


def _open(target: ScanTarget) -> IO[bytes]:
    return sys.stdin.buffer if target.path is None else target.path.open("rb")


def _records(targets: list[ScanTarget], limits: ActivityLimits,
             failures: list[RecordError]) -> Iterator[ActivityRecord | RecordError]:
    for target in targets:
        try:
            stream = _open(target)
        except OSError as exc:
            failures.append(RecordError(target.name, exc.strerror or str(exc)))
            continue
        try:
            yield from read_records(stream, limits, target.name)
        except OSError as exc:
            failures.append(RecordError(target.name, exc.strerror or str(exc)))
        finally:
            if target.path is not None:
                stream.close()


def _spool_stdin(targets: list[ScanTarget], folder: Path) -> list[ScanTarget]:
    """Standard input copied to a file (read twice: once for its subscriptions, once to ingest)."""
    if all(t.path is not None for t in targets):
        return targets
    spooled = folder / "stdin"
    with spooled.open("wb") as out:
        while chunk := sys.stdin.buffer.read(1 << 20):
            out.write(chunk)
    return [ScanTarget(t.name, spooled) if t.path is None else t for t in targets]


def _subscriptions_of(targets: list[ScanTarget], limits: ActivityLimits) -> set[str]:
    """Every subscription the inputs name (a first pass; memory bounded by the largest record)."""
    return {item.subscription_id.casefold() for item in _records(targets, limits, [])
            if not isinstance(item, RecordError)}


class _Output:
    def __init__(self, fmt: str, as_json: bool) -> None:
        self.fmt = fmt
        self.as_json = as_json
        self.alerts = 0
        self.errors = 0

    def alert(self, alert: ActivityAlert) -> None:
        self.alerts += 1
        body = to_ocsf(alert) if self.fmt == "ocsf" else alert.model_dump(mode="json")
        echo_line(json.dumps(body, ensure_ascii=False))

    def error(self, error: RecordError) -> None:
        self.errors += 1
        if self.as_json:
            click.echo(json.dumps({"input": error.position, "error": {"kind": "invalid_record",
                                                                      "detail": error.detail}}))
        else:
            click.echo(f"{error.position}: error: {error.detail}", err=True)


async def _ingest(settings: Settings, targets: list[ScanTarget], out: _Output, inspect: bool,
                  save_every: int = SAVE_EVERY, flush: bool = False) -> int:
    limits = ActivityLimits.from_settings(settings)
    if not inspect:
        limits = replace(limits, inspect_bodies=False)
    store = await Store.open(settings)
    inspector = await Inspector.start(settings, workers=0, fetching=False) if limits.inspect_bodies else None
    failures: list[RecordError] = []
    try:
        with tempfile.TemporaryDirectory(prefix="inspector-activity-") as spool:
            targets = await asyncio.to_thread(_spool_stdin, targets, Path(spool))
            # Held against every other ingest of these subscriptions (another local ingest, a
            # server, workers), as POST /v1/activity and the workers hold them: detectors read the
            # history, then decide and save. Their ids come from a first pass over the inputs.
            subscriptions = await asyncio.to_thread(_subscriptions_of, targets, limits)
            if flush:
                subscriptions.update(await store.activity.held_subscriptions())
            async with store.activity.serialised(*sorted(subscriptions)):
                await _ingest_held(store, limits, inspector, targets, out, failures, save_every, flush)
    finally:
        if inspector is not None:
            await inspector.close()
        await store.close()
    if out.errors:
        return EXIT_ERROR
    return EXIT_FLAGGED if out.alerts else EXIT_CLEAN


async def _ingest_held(store: Store, limits: ActivityLimits, inspector: Inspector | None, targets: list[ScanTarget],
                       out: _Output, failures: list[RecordError], save_every: int, flush: bool) -> None:
    """The ingest itself, its subscriptions held."""
    # A replay: everything is judged at the end, with what streaming batches (POST
    # /v1/activity, workers) held back for the subscriptions it touches; --flush: of every one.
    ingestor = Ingestor(store.activity, limits,
                        inspector=payload_inspector(inspector, store) if inspector is not None else None)
    if flush:
        for subscription_id in await store.activity.held_subscriptions():
            await ingestor.take_up(subscription_id)
    with _progress(enabled=not out.as_json) as advance:
        seen_errors = 0
        for item in _records(targets, limits, failures):
            await ingestor.add(item)
            advance()
            for error in ingestor.report.errors[seen_errors:]:
                out.error(error)
            seen_errors = len(ingestor.report.errors)
            if ingestor.unsaved >= save_every:
                fresh = await ingestor.save()
                for alert in fresh:
                    out.alert(alert)
                if fresh:
                    await _hold_after_alerts_saved()
        await ingestor.judge_due()
        await _hold(HOLD_BEFORE_LAST_SAVE_ENV, "judged")
        for alert in await ingestor.finish():
            out.alert(alert)
    await ingestor.prune_store()
    for failure in failures:
        out.error(failure)
    report = ingestor.report
    click.echo(f"inspector: {report.records} records, {report.judged} judged, {report.duplicates} duplicates, "
               f"{report.too_late} too late, {len(report.errors) + len(failures)} unreadable, "
               f"{report.inspected} bodies inspected, {len(report.alerts)} alerts", err=True)


def _queue(settings: Settings, targets: list[ScanTarget], out: _Output, inspect: bool) -> int:
    """Engine celery: each subscription's records to the workers, in event-time order."""
    from inspector.tasks.celery_app import make_celery, submit_activity

    limits = ActivityLimits.from_settings(settings)
    failures: list[RecordError] = []
    records: list[ActivityRecord] = []
    for item in _records(targets, limits, failures):
        if isinstance(item, RecordError):
            out.error(item)
        else:
            records.append(item)
    for failure in failures:
        out.error(failure)
    chunks = by_subscription(records)
    app = make_celery(settings)
    try:
        tasks = submit_activity(app, settings, chunks, inspect=inspect)
    finally:
        app.close()
    click.echo(f"inspector: {len(records)} records of {len(chunks)} subscriptions queued in {tasks} tasks on "
               f"{settings.celery_queue!r}, {out.errors} unreadable; alerts are stored (GET /v1/alerts)", err=True)
    return EXIT_ERROR if out.errors else EXIT_CLEAN


class _progress:
    """A running count of records on a terminal (stderr); silent in pipes."""

    def __init__(self, enabled: bool) -> None:
        self.active = enabled and sys.stderr.isatty()

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not self.active:
            return lambda: None
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn

        self._bar = Progress(SpinnerColumn(), TextColumn("{task.completed} records"), transient=True,
                             console=Console(stderr=True))
        self._bar.__enter__()
        task = self._bar.add_task("ingesting", total=None)
        return lambda: self._bar.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self.active:
            self._bar.__exit__(None, None, None)


@click.group()
def activity() -> None:
    """Activity-log history and the alerts it raises (docs/activity.md)."""


@activity.command("ingest")
@click.argument("paths", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Errors as JSON lines on stdout too, as `scan --json` does.")
@click.option("--format", "fmt", type=click.Choice(["json", "ocsf"]), default="json", show_default=True,
              help="Alert lines: the project's JSON, or OCSF Detection Finding (class 2004).")
@click.option("--store-url", default=None, help="Database URL or SQLite file for the history (default: the store's).")
@click.option("--inspect/--no-inspect", default=True, help="Run request bodies through the payload pipeline.")
@click.option("--save-every", type=click.IntRange(min=1), default=SAVE_EVERY, show_default=True,
              help="Records between saves (each save is one transaction: history, alerts and their events).")
@click.option("--engine", type=click.Choice(["local", "celery"]), default=None,
              help="local: ingest here and print the alerts; celery: queue each subscription's records "
                   "for the workers, alerts go to the store (default: the engine setting)")
@click.option("--flush", is_flag=True,
              help="Also judge every record that streaming ingests (POST /v1/activity, workers) hold back for "
                   "reordering, of every subscription; PATHS may then be left out.")
@click.pass_obj
def ingest_command(app: object, paths: tuple[str, ...], as_json: bool, fmt: str, store_url: str | None,
                   inspect: bool, save_every: int, engine: str | None, flush: bool) -> None:
    """Ingest activity-log records from files, directories (recursively) or standard input (`-`).

    \b
    Exit status:
      0  no alert raised
      1  alerts raised (one JSON line each on stdout)
      2  an input or a record could not be read (the rest is still ingested)

    With --engine celery the records are queued for `inspector worker`s and the command
    exits 0 (or 2) once they are queued; the alerts are stored, not printed.
    """
    settings: Settings = _store_settings(app.settings, store_url)  # type: ignore[attr-defined]
    try:
        ActivityLimits.from_settings(settings)  # a bad detector knob stops here, before any input is read
    except ConfigError as exc:
        click.echo(f"inspector: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    if not paths and not flush:
        raise click.UsageError("give PATHS to ingest (or --flush)")
    targets = list(expand_targets(paths))
    if (engine or settings.engine) == "celery":
        if flush and not paths:
            raise click.UsageError("--flush without PATHS runs locally (leave out --engine celery)")
        sys.exit(_queue(settings, targets, _Output(fmt, as_json), inspect))
    sys.exit(asyncio.run(_ingest(settings, targets, _Output(fmt, as_json), inspect, save_every, flush)))
