"""`inspector scan PATH... | -`: inspect files, extension JSON or scripts from the command line.

Exit status like clamscan: 0 all clean, 1 something flagged, 2 an input could not be read.
`--json` prints exactly one JSON object per input per line: the verdict (the same object the
HTTP API returns, plus `input`), or `{"input", "error"}` for an input that failed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click

from inspector.cli.lines import echo_line
from inspector.cli.report import render_verdict
from inspector.config import Settings
from inspector.extensions import detect_input
from inspector.extensions.request import InputError
from inspector.model import Verdict, VerdictClass
from inspector.inspect_many import inspect_many
from inspector.pipeline import Inspector

EXIT_CLEAN, EXIT_FLAGGED, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class ScanTarget:
    name: str
    path: Path | None  # None: standard input


def expand_targets(paths: tuple[str, ...]) -> Iterator[ScanTarget]:
    """Files as given, directories walked recursively in a stable order, `-` for standard input."""
    for raw in paths:
        if raw == "-":
            yield ScanTarget("-", None)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink()):
                yield ScanTarget(str(child), child)
        else:
            yield ScanTarget(raw, path)


def read_target(target: ScanTarget, limit: int) -> bytes:
    if target.path is None:
        data = sys.stdin.buffer.read(limit + 1)
    else:
        with target.path.open("rb") as handle:
            data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError("too_large", f"input is larger than {limit} bytes (INSPECTOR_MAX_INPUT_BYTES)")
    return data


@dataclass(frozen=True)
class ScanJob:
    """One input as handed to a worker: a file's path, or standard input's bytes read here."""

    name: str
    path: str | None
    data: bytes | None
    as_json: bool
    error: tuple[str, str] | None = None  # standard input that could not be read


@dataclass(frozen=True)
class ScanResult:
    name: str
    verdict: Verdict | None  # for the terminal report
    line: str | None  # the JSON line, made in the worker
    error: tuple[str, str] | None  # (kind, detail)
    flagged: bool


def _jobs(targets: list[ScanTarget], settings: Settings, as_json: bool) -> Iterator[ScanJob]:
    for target in targets:
        if target.path is not None:
            yield ScanJob(target.name, str(target.path), None, as_json)
            continue
        try:
            yield ScanJob(target.name, None, read_target(target, settings.max_input_bytes), as_json)
        except InputError as exc:
            yield ScanJob(target.name, None, None, as_json, (exc.kind, exc.detail))
        except OSError as exc:
            yield ScanJob(target.name, None, None, as_json, ("unreadable", exc.strerror or str(exc)))


def _scan_all(settings: Settings, targets: list[ScanTarget], fetch: bool, as_json: bool, workers: int | None) -> int:
    status = EXIT_CLEAN
    results = inspect_many(settings, _scan_one, _jobs(targets, settings, as_json), workers=workers,
                           count=len(targets), fetching=fetch and settings.fetch)
    try:
        with _progress(len(targets), enabled=not as_json) as advance:
            for result in results:
                _emit(result, as_json)
                advance()
                if result.error is not None:
                    status = EXIT_ERROR
                elif result.flagged and status == EXIT_CLEAN:
                    status = EXIT_FLAGGED
    finally:
        results.close()  # stops the workers at once when leaving early (Ctrl-C, a closed pipe)
    return status


async def _scan_one(inspector: Inspector, job: ScanJob) -> ScanResult:
    if job.error is not None:
        return ScanResult(job.name, None, None, job.error, False)
    try:
        if job.path is not None:
            data = read_target(ScanTarget(job.name, Path(job.path)), inspector.settings.max_input_bytes)
        else:
            assert job.data is not None
            data = job.data
        inp = detect_input(data, filename=None if job.path is None else Path(job.path).name,
                           limits=inspector.request_limits)
        verdict = (await inspector.inspect(inp, input_name=job.name)).verdict
    except InputError as exc:
        return ScanResult(job.name, None, None, (exc.kind, exc.detail), False)
    except OSError as exc:
        return ScanResult(job.name, None, None, ("unreadable", exc.strerror or str(exc)), False)
    flagged = verdict.verdict != VerdictClass.CLEAN
    if job.as_json:
        return ScanResult(job.name, None, verdict.model_dump_json(), None, flagged)
    return ScanResult(job.name, verdict, None, None, flagged)


def _emit(result: ScanResult, as_json: bool) -> None:
    if as_json:
        if result.line is not None:
            echo_line(result.line)
        else:
            assert result.error is not None
            kind, detail = result.error
            echo_line(json.dumps({"input": result.name, "error": {"kind": kind, "detail": detail}}))
        return
    if result.verdict is not None:
        render_verdict(result.verdict)
    else:
        assert result.error is not None
        kind, detail = result.error
        click.echo(f"{result.name}: error ({kind}): {detail}", err=True)


class _progress:
    """A progress bar on a terminal for many inputs; silent in pipes and for one input."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.active = enabled and total > 1 and sys.stderr.isatty()
        self.total = total

    def __enter__(self):  # type: ignore[no-untyped-def]
        if not self.active:
            return lambda: None
        from rich.progress import Progress

        self._bar = Progress(transient=True, console=_stderr_console())
        self._bar.__enter__()
        task = self._bar.add_task("scanning", total=self.total)
        return lambda: self._bar.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self.active:
            self._bar.__exit__(None, None, None)


def _stderr_console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=True)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON verdict per input per line.")
@click.option("--fetch/--no-fetch", default=False, help="Fetch the URLs the payloads name (off by default).")
@click.option("--workers", type=click.IntRange(0, 256), default=0, show_default=True,
              help="Processes analysing inputs at once; 0 = one per CPU, 1 = all in this process.")
@click.pass_obj
def scan(app: object, paths: tuple[str, ...], as_json: bool, fetch: bool, workers: int) -> None:
    """Inspect files, directories (recursively) or standard input (`-`).

    \b
    Exit status:
      0  every input clean
      1  something suspicious or malicious
      2  an input could not be read (the other inputs are still reported)
    """
    settings: Settings = app.settings  # type: ignore[attr-defined]
    targets = list(expand_targets(paths))
    sys.exit(_scan_all(settings, targets, fetch, as_json, workers))
