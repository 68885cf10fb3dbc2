"""`inspector scan PATH... | -`: inspect files, extension JSON or scripts from the command line.

Exit status like clamscan: 0 all clean, 1 something flagged, 2 an input could not be read.
`--json` prints exactly one JSON object per input per line: the verdict (the same object the
HTTP API returns, plus `input`), or `{"input", "error"}` for an input that failed.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click

from inspector.cli.report import render_verdict
from inspector.config import Settings
from inspector.extensions import RequestLimits, detect_input
from inspector.extensions.request import InputError
from inspector.model import Verdict, VerdictClass
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


async def _scan_all(settings: Settings, targets: list[ScanTarget], fetch: bool, as_json: bool) -> int:
    inspector = await Inspector.start(settings, workers=0, fetching=fetch and settings.fetch)
    status = EXIT_CLEAN
    try:
        with _progress(len(targets), enabled=not as_json) as advance:
            for target in targets:
                verdict, error = await _scan_one(inspector, settings, target)
                _emit(target, verdict, error, as_json)
                advance()
                if error is not None:
                    status = EXIT_ERROR
                elif verdict is not None and verdict.verdict != VerdictClass.CLEAN and status == EXIT_CLEAN:
                    status = EXIT_FLAGGED
    finally:
        await inspector.close()
    return status


async def _scan_one(inspector: Inspector, settings: Settings,
                    target: ScanTarget) -> tuple[Verdict | None, InputError | None]:
    try:
        data = read_target(target, settings.max_input_bytes)
        inp = detect_input(data, filename=None if target.path is None else target.path.name,
                           limits=inspector.request_limits)
        result = await inspector.inspect(inp, input_name=target.name)
    except InputError as exc:
        return None, exc
    except OSError as exc:
        return None, InputError("unreadable", exc.strerror or str(exc))
    return result.verdict, None


def _emit(target: ScanTarget, verdict: Verdict | None, error: InputError | None, as_json: bool) -> None:
    if as_json:
        if verdict is not None:
            click.echo(verdict.model_dump_json())
        else:
            assert error is not None
            click.echo(json.dumps({"input": target.name, "error": {"kind": error.kind, "detail": error.detail}}))
        return
    if verdict is not None:
        render_verdict(verdict)
    else:
        assert error is not None
        click.echo(f"{target.name}: error ({error.kind}): {error.detail}", err=True)


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
@click.pass_obj
def scan(app: object, paths: tuple[str, ...], as_json: bool, fetch: bool) -> None:
    """Inspect files, directories (recursively) or standard input (`-`).

    \b
    Exit status:
      0  every input clean
      1  something suspicious or malicious
      2  an input could not be read (the other inputs are still reported)
    """
    settings: Settings = app.settings  # type: ignore[attr-defined]
    targets = list(expand_targets(paths))
    sys.exit(asyncio.run(_scan_all(settings, targets, fetch, as_json)))
