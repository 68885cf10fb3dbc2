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
import sys
import uuid
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
    Inspected,
    PayloadInspector,
    RecordError,
    read_records,
    to_ocsf,
)
from inspector.cli.scan_cmd import EXIT_CLEAN, EXIT_ERROR, EXIT_FLAGGED, ScanTarget, expand_targets
from inspector.config import ConfigError
from inspector.config import Settings
from inspector.extensions.request import InputKind, InspectionInput
from inspector.pipeline import Inspector
from inspector.store import Store

SAVE_EVERY = 20_000  # records between saves: bounds memory and the work a crash loses


def _store_settings(settings: Settings, store_url: str | None) -> Settings:
    if store_url is None:
        return settings
    if "://" not in store_url:  # a plain path: an SQLite file
        store_url = f"sqlite+aiosqlite:///{Path(store_url).resolve()}"
    return settings.model_copy(update={"database_url": store_url})


def _event_of(record: ActivityRecord) -> dict[str, object]:
    """The record as one REST-shaped event, the caller left out: what the payload pipeline reads."""
    return {"operationName": {"value": record.operation}, "status": {"value": record.status},
            "subStatus": {"value": record.sub_status}, "resourceId": record.resource_id,
            "correlationId": record.correlation_id, "subscriptionId": record.subscription_id,
            "eventTimestamp": record.event_time.isoformat(), "properties": {"requestbody": record.request_body}}


def payload_inspector(inspector: Inspector, store: Store) -> PayloadInspector:
    """Inspect a record's request body on its own (its own kind and status) and store the inspection."""

    async def inspect(record: ActivityRecord) -> Inspected | None:
        inspection_id = uuid.uuid4().hex
        inp = InspectionInput(kind=InputKind.ACTIVITY_LOG, body=_event_of(record))
        result = await inspector.inspect(inp, inspection_id=inspection_id, input_name=record.position or None,
                                         fetch=False)
        await store.inspections.save_completed(inspection_id, inp.kind.value, result.plan.redacted_request,
                                               result.plan.context, None,  # type: ignore[arg-type]
                                              
                                               record.position or None, result.verdict, result.blobs)
        verdict = result.verdict
        return Inspected(inspection_id, verdict.verdict.value, tuple(a.alertType for a in verdict.alerts),
                         tuple(f"{a.alertType}: {a.reason}" for a in verdict.alerts))

    return inspect


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


class _Output:
    def __init__(self, fmt: str, as_json: bool) -> None:
        self.fmt = fmt
        self.as_json = as_json
        self.alerts = 0
        self.errors = 0

    def alert(self, alert: ActivityAlert) -> None:
        self.alerts += 1
        body = to_ocsf(alert) if self.fmt == "ocsf" else alert.model_dump(mode="json")
        click.echo(json.dumps(body, ensure_ascii=False))

    def error(self, error: RecordError) -> None:
        self.errors += 1
        if self.as_json:
            click.echo(json.dumps({"input": error.position, "error": {"kind": "invalid_record",
                                                                      "detail": error.detail}}))
        else:
            click.echo(f"{error.position}: error: {error.detail}", err=True)


async def _ingest(settings: Settings, targets: list[ScanTarget], out: _Output, inspect: bool) -> int:
    limits = ActivityLimits.from_settings(settings)
    if not inspect:
        limits = replace(limits, inspect_bodies=False)
    store = await Store.open(settings)
    inspector = await Inspector.start(settings, workers=0, fetching=False) if limits.inspect_bodies else None
    failures: list[RecordError] = []
    try:
        ingestor = Ingestor(store.activity, limits,
                            inspector=payload_inspector(inspector, store) if inspector is not None else None)
        with _progress(enabled=not out.as_json) as advance:
            seen_errors = 0
            for item in _records(targets, limits, failures):
                await ingestor.add(item)
                advance()
                for error in ingestor.report.errors[seen_errors:]:
                    out.error(error)
                seen_errors = len(ingestor.report.errors)
                if ingestor.unsaved >= SAVE_EVERY:
                    for alert in await ingestor.save():
                        out.alert(alert)
            for alert in await ingestor.finish():
                out.alert(alert)
        await ingestor.prune_store()
        for failure in failures:
            out.error(failure)
        report = ingestor.report
        click.echo(f"inspector: {report.records} records, {report.judged} judged, {report.duplicates} duplicates, "
                   f"{report.too_late} too late, {len(report.errors) + len(failures)} unreadable, "
                   f"{report.inspected} bodies inspected, {len(report.alerts)} alerts", err=True)
    finally:
        if inspector is not None:
            await inspector.close()
        await store.close()
    if out.errors:
        return EXIT_ERROR
    return EXIT_FLAGGED if out.alerts else EXIT_CLEAN


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
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Errors as JSON lines on stdout too, as `scan --json` does.")
@click.option("--format", "fmt", type=click.Choice(["json", "ocsf"]), default="json", show_default=True,
              help="Alert lines: the project's JSON, or OCSF Detection Finding (class 2004).")
@click.option("--store-url", default=None, help="Database URL or SQLite file for the history (default: the store's).")
@click.option("--inspect/--no-inspect", default=True, help="Run request bodies through the payload pipeline.")
@click.pass_obj
def ingest_command(app: object, paths: tuple[str, ...], as_json: bool, fmt: str, store_url: str | None,
                   inspect: bool) -> None:
    """Ingest activity-log records from files, directories (recursively) or standard input (`-`).

    \b
    Exit status:
      0  no alert raised
      1  alerts raised (one JSON line each on stdout)
      2  an input or a record could not be read (the rest is still ingested)
    """
    settings: Settings = _store_settings(app.settings, store_url)  # type: ignore[attr-defined]
    try:
        ActivityLimits.from_settings(settings)  # a bad detector knob stops here, before any input is read
    except ConfigError as exc:
        click.echo(f"inspector: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    targets = list(expand_targets(paths))
    sys.exit(asyncio.run(_ingest(settings, targets, _Output(fmt, as_json), inspect)))
