"""`inspector rescan`: re-judge stored payloads with the active rules and record verdict changes.

Run it again after an interruption and it continues the unfinished rescan of the active
ruleset. A progress bar is shown on a terminal only; `--json` prints the final record.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime

import click

from inspector.config import Settings
from inspector.model import VerdictClass
from inspector.store import RescanFilter, RescanInfo, Store


def _parse_since(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 date or time", param_hint="--since") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@click.command("rescan")
@click.option("--since", help="only inspections created at or after this ISO 8601 date/time (UTC if no zone)")
@click.option("--kind", help="only inspections of this request kind (extension, run_command, script, ...)")
@click.option("--verdict", type=click.Choice([v.value for v in VerdictClass]), help="only this current verdict")
@click.option("--dry-run", is_flag=True, help="record what would change, change nothing")
@click.option("--full", is_flag=True, help="re-run every analyzer, not only YARA (after an upgrade)")
@click.option("--refetch", is_flag=True, help="fetch each inspection's URLs again and judge what they serve now "
              "(every fetch setting applies; refused when INSPECTOR_FETCH=false)")
@click.option("--engine", type=click.Choice(["local", "celery"]), default=None, help="default: the engine setting")
@click.option("--processes", type=click.IntRange(1, 256), default=None, help="local engine processes")
@click.option("--json", "as_json", is_flag=True, help="print the finished rescan as JSON")
@click.pass_obj
def rescan(app: object, since: str | None, kind: str | None, verdict: str | None, dry_run: bool, full: bool,
           refetch: bool, engine: str | None, processes: int | None, as_json: bool) -> None:
    """Re-evaluate stored artifacts with the active ruleset (no network unless --refetch)."""
    settings: Settings = app.settings  # type: ignore[attr-defined]
    if refetch:
        from inspector.rescan.refetch import refetch_refusal

        if reason := refetch_refusal(settings):
            raise click.UsageError(reason)
    filters = RescanFilter(since=_parse_since(since), kind=kind, verdict=VerdictClass(verdict) if verdict else None)
    info = asyncio.run(_run(settings, filters, dry_run, full, refetch, engine or settings.engine, processes, as_json))
    if as_json:
        click.echo(info.model_dump_json())
    else:
        p = info.progress
        click.echo(f"rescan {info.id} {info.status}: ruleset {info.ruleset_version}, "
                   f"{p.artifacts_scanned} artifacts scanned, {p.artifacts_cached} already analysed, "
                   f"{p.artifacts_missing} without bytes, {p.inspections_done} inspections re-scored, "
                   f"{info.changes_count} verdicts {'would change' if info.dry_run else 'changed'}")
        for change in info.changes[:20]:
            click.echo(f"  {change.inspection_id}: {change.old_verdict} ({change.old_score}) -> "
                       f"{change.new_verdict} ({change.new_score})")
    if info.status != "done":
        sys.exit(2)


async def _run(settings: Settings, filters: RescanFilter, dry_run: bool, full: bool, refetch: bool, engine: str,
               processes: int | None, quiet: bool) -> RescanInfo:
    from inspector.rescan.scanner import ArtifactScanner
    from inspector.service.rescan_service import run_rescan, start_rescan
    from inspector.tasks.batch_runner import LocalBatchRunner

    scanner = await asyncio.to_thread(ArtifactScanner.from_settings, settings, "full" if full else "rules")
    store = await Store.open(settings)
    try:
        info, resumed = await start_rescan(store, ruleset_version=scanner.ruleset_version,
                                           rule_count=scanner.rule_count, analyzer_version=scanner.analyzer_version,
                                           filters=filters, dry_run=dry_run, refetch=refetch, requested_by="cli")
        if resumed:
            click.echo(f"resuming unfinished rescan {info.id} for ruleset {info.ruleset_version}", err=True)
            if info.refetch != refetch:
                click.echo(f"note: the unfinished rescan was started {'with' if info.refetch else 'without'} "
                           "--refetch and finishes that way", err=True)
        if engine == "celery":
            from inspector.tasks.celery_app import CeleryBatchRunner

            runner: object = CeleryBatchRunner(settings)
        else:
            runner = LocalBatchRunner(settings, processes)
        try:
            with _Progress(enabled=sys.stderr.isatty() and not quiet) as progress:
                return await run_rescan(store, info.id, runner, settings=settings,  # type: ignore[arg-type]
                                        on_progress=progress.update)
        finally:
            runner.close()  # type: ignore[attr-defined]
    finally:
        await store.close()


class _Progress:
    """A rich progress bar on a terminal; nothing at all in pipes and logs."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._bar: object | None = None
        self._task: object | None = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self._bar.__enter__()  # type: ignore[attr-defined]
            self._task = self._bar.add_task("scanning", total=None)  # type: ignore[attr-defined]
        return self

    def update(self, info: RescanInfo) -> None:
        if self._bar is None:
            return
        p = info.progress
        if p.batches_done < p.batches_total:
            self._bar.update(self._task, description="scanning artifacts", completed=p.batches_done,  # type: ignore[attr-defined]
                             total=p.batches_total)
        else:
            self._bar.update(self._task, description="re-scoring inspections",  # type: ignore[attr-defined]
                             completed=p.inspections_done, total=max(p.inspections_total, 1))

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)  # type: ignore[attr-defined]
