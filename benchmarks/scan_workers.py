"""`inspector scan --json` with one process and with the default workers, next to raw yara-python.

    .venv/bin/python benchmarks/scan_workers.py [--rounds 2] [FOLDER ...]

Without folders: ../shared/corpus-dev (malicious/, benign/) and the project's own corpus
(tests/corpus/malicious, benign/). Runs `--workers 1` and the default (one per CPU)
alternately, `--rounds` times each, so a change of load on a shared machine falls on both;
prints files/s (wall clock, start-up included), the CPU seconds all processes used, the
ratio default / one process, the load average around the runs, and the rate of a bare
yara-python pass with the project's rules (signatures/) over the same bytes.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspector.analysis.parallel import default_workers  # noqa: E402
from inspector.config import Settings  # noqa: E402
from inspector.rules import load_ruleset  # noqa: E402

DEFAULT_FOLDERS = [ROOT.parent / "shared" / "corpus-dev" / "malicious", ROOT.parent / "shared" / "corpus-dev" / "benign",
                   ROOT / "tests" / "corpus" / "malicious", ROOT / "tests" / "corpus" / "benign"]


def scan(folders: list[Path], workers: str | None) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the scan and its workers) of one `inspector scan --json`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env["INSPECTOR_FETCH"] = "false"
    argv = [str(Path(sys.executable).parent / "inspector"), "scan", "--json"]
    if workers is not None:
        argv += ["--workers", workers]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([*argv, *map(str, folders)], stdout=subprocess.DEVNULL, env=env, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def raw_yara(files: list[Path]) -> float:
    rules = load_ruleset(Settings(fetch=False)).rules
    assert rules is not None
    blobs = [p.read_bytes() for p in files]
    started = time.process_time()
    for blob in blobs:
        rules.match(data=blob)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("folders", nargs="*", type=Path)
    args = parser.parse_args()
    folders = args.folders or DEFAULT_FOLDERS
    files = sorted(p for folder in folders for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    print(f"{len(files)} files, {megabytes:.1f} MB from {', '.join(map(str, folders))}")
    print(f"default workers here: {default_workers()}; load average before: {os.getloadavg()[0]:.1f}")
    runs: dict[str, list[tuple[float, float]]] = {"1": [], "default": []}
    for round_ in range(args.rounds):
        for name in ("1", "default"):
            wall, cpu = scan(folders, None if name == "default" else name)
            runs[name].append((wall, cpu))
            print(f"  round {round_ + 1} --workers {name:<8} {wall:7.1f} s wall  {len(files) / wall:7.1f} files/s  "
                  f"{cpu:7.1f} s CPU  load {os.getloadavg()[0]:.1f}", flush=True)
    best = {name: min(wall for wall, _ in values) for name, values in runs.items()}
    cpu = {name: min(c for _, c in values) for name, values in runs.items()}
    one, default = len(files) / best["1"], len(files) / best["default"]
    print(f"one process:     {one:7.1f} files/s ({len(files) / cpu['1']:.1f} files per CPU second)")
    print(f"default workers: {default:7.1f} files/s ({len(files) / cpu['default']:.1f} files per CPU second)")
    print(f"ratio default / one process (wall, best of {args.rounds}): {default / one:.2f}x")
    yara_s = raw_yara(files)
    print(f"bare yara-python, project rules, same bytes: {yara_s:.2f} s CPU, {len(files) / yara_s:.0f} files/s")
    print(f"full analysis / YARA floor: one process {one * yara_s / len(files):.3f}x, "
          f"default workers {default * yara_s / len(files):.3f}x (wall); per CPU second: one process "
          f"{yara_s / cpu['1']:.3f}x, default workers {yara_s / cpu['default']:.3f}x")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
