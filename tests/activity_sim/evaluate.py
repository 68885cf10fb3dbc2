"""Evaluate the activity detectors on a simulated estate.

    python -m tests.activity_sim.evaluate                 # 14 days, 30 VMs, 3 scenarios per type
    python -m tests.activity_sim.evaluate --full          # 30 days, 100 VMs, 10 scenarios per type
    python -m tests.activity_sim.evaluate --alerts F      # score alert lines already produced
    python -m tests.activity_sim.evaluate --generate-only --out DIR

Writes the logs (`DIR/logs/`, names in arrival order) and `DIR/labels.json`, runs
`inspector activity ingest --json` on the logs against a fresh SQLite store in `DIR/store`
(every other INSPECTOR_* variable is dropped, fetching is off; `--env NAME=VALUE` sets detector
knobs), keeps its output in `DIR/alerts.jsonl`, and prints per alert type the scenarios caught
and the false alerts per 1,000 benign records. Exit 0 when the targets are met, 1 when not, 2
when the ingest could not be run."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from tests.activity_sim.labels import Labels
from tests.activity_sim.scoring import Scores, read_alert_lines, render, score
from tests.activity_sim.simulator import FULL, SimConfig, simulate


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.activity_sim.evaluate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true",
                        help="the full replay: 30 days, 100 VMs, 10 scenarios per type")
    parser.add_argument("--days", type=int, help="days of history (default 14, 30 with --full)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--vms", type=int, help="VMs over all subscriptions (default 30, 100 with --full)")
    parser.add_argument("--subscriptions", type=int, help="default 3, 5 with --full")
    parser.add_argument("--scenarios-per-type", type=int, help="default 3, 10 with --full")
    parser.add_argument("--shapes", default=None,
                        help="comma-separated: export,storage,rest (one per subscription, in turn)")
    parser.add_argument("--out", type=Path,
                        help="where logs, labels, store and alerts go (default: a temporary folder)")
    parser.add_argument("--alerts", type=Path, help="score this JSON Lines alert file instead of running the ingest "
                        "(with --labels, or the labels of the simulation generated now)")
    parser.add_argument("--labels", type=Path, help="labels.json of an earlier run (with --alerts)")
    parser.add_argument("--generate-only", action="store_true", help="write logs and labels, run nothing")
    parser.add_argument("--inspector", default=None, help="the inspector command (default: the one beside this Python)")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE", help="setting for the ingest")
    parser.add_argument("--ingest-option", action="append", default=[], metavar="OPTION",
                        help="an option passed on to `inspector activity ingest` (e.g. --no-inspect)")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds the ingest may take")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser.parse_args(argv)


def config_from(args: argparse.Namespace) -> SimConfig:
    base = FULL if args.full else SimConfig()
    changes: dict[str, Any] = {name: value for name, value in (
        ("days", args.days), ("seed", args.seed), ("vms", args.vms), ("subscriptions", args.subscriptions),
        ("scenarios_per_type", args.scenarios_per_type),
        ("shapes", tuple(s.strip() for s in args.shapes.split(",")) if args.shapes else None)) if value is not None}
    return replace(base, **changes)


def inspector_command(explicit: str | None) -> list[str]:
    if explicit:
        return explicit.split()
    beside = Path(sys.executable).with_name("inspector")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("inspector")
    return [found] if found else [sys.executable, "-m", "inspector.cli.main"]


def ingest_env(store: Path, extra: list[str]) -> dict[str, str]:
    """A fresh SQLite store and no setting from the caller's environment but `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env["INSPECTOR_DATA_DIR"] = str(store)
    env["INSPECTOR_FETCH"] = "false"
    for item in extra:
        name, sep, value = item.partition("=")
        if not sep or not name.startswith("INSPECTOR_"):
            raise SystemExit(f"--env wants INSPECTOR_NAME=VALUE, got {item!r}")
        env[name] = value
    return env


def run_ingest(command: list[str], files: list[Path], out: Path, env_extra: list[str],
               timeout: float, options: tuple[str, ...] = ()) -> tuple[int, list[dict[str, object]], int, str, float]:
    """(exit status, alert objects, other output lines, the end of stderr, seconds it took)."""
    store = out / "store"
    started = time.monotonic()
    shutil.rmtree(store, ignore_errors=True)
    store.mkdir(parents=True)
    proc = subprocess.run([*command, "activity", "ingest", "--json", *options, *map(str, files)], capture_output=True, text=True,
                          env=ingest_env(store, env_extra), timeout=timeout, stdin=subprocess.DEVNULL, check=False)
    (out / "alerts.jsonl").write_text(proc.stdout, encoding="utf-8")
    (out / "ingest.stderr").write_text(proc.stderr, encoding="utf-8")
    alerts, other = read_alert_lines(proc.stdout)
    return proc.returncode, alerts, other, proc.stderr[-2000:], time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="activity-sim-"))
    out.mkdir(parents=True, exist_ok=True)
    if args.alerts and args.labels:
        labels = Labels.read(args.labels)
        files: list[Path] = []
    else:
        config = config_from(args)
        simulation = simulate(config)
        files = simulation.write(out)
        labels = simulation.labels
        d = labels.delivery
        print(f"simulated {labels.parameters['days']} days, {labels.parameters['subscriptions']} subscriptions, "
              f"{labels.parameters['vms']} VMs ({labels.parameters['gpu_vms']} with GPU), seed {config.seed}: "
              f"{labels.benign_records} benign + {labels.attack_records} attack records, {len(labels.scenarios)} "
              f"scenarios, {len(labels.benign_cases)} benign cases; delivered {d['emitted']} records in {len(files)} "
              f"files ({d['late']} late, {d['duplicates']} duplicates, {d['out_of_order']} out of order) -> {out}",
              file=sys.stderr)
    if args.generate_only:
        return 0
    if args.alerts:
        alerts, other = read_alert_lines(args.alerts.read_text(encoding="utf-8"))
    else:
        command = inspector_command(args.inspector)
        try:
            status, alerts, other, stderr, seconds = run_ingest(command, files, out, args.env, args.timeout,
                                                               tuple(args.ingest_option))
        except (OSError, subprocess.TimeoutExpired) as exc:
            print(f"could not run {' '.join(command)} activity ingest: {exc}", file=sys.stderr)
            return 2
        emitted = labels.delivery.get("emitted", 0)
        print(f"ingest: exit {status}, {len(alerts)} alerts, {seconds:.1f} s wall for {emitted} records "
              f"({emitted / seconds if seconds else 0:.0f} records/s, process start and store creation included)",
              file=sys.stderr)
        if status not in (0, 1):
            print(f"`inspector activity ingest` exited {status}" + (" (some input unreadable)" if status == 2 else "")
                  + f"; stderr ends:\n{stderr}", file=sys.stderr)
            if status != 2:
                return 2
    if other:
        print(f"{other} output lines were not alert objects", file=sys.stderr)
    scores: Scores = score(alerts, labels)
    print(json.dumps(scores.to_json(), indent=1) if args.json else render(scores, labels, alerts))
    return 0 if scores.passed() else 1


if __name__ == "__main__":
    sys.exit(main())
