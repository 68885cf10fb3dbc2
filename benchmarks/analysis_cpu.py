"""CPU time of the analysis alone, per core: `analyze_payloads` on each file, in this process.

    .venv/bin/python benchmarks/analysis_cpu.py [--every 3] [--skip NAME ...] [FOLDER ...]

Without folders: ../shared/corpus-dev (malicious/, benign/) and the project's own corpus
(tests/corpus/malicious, benign/), in sorted path order, every `--every`-th file. Each file is
one root (named by its file name, as `inspector scan` names it), fetching off, the scan
deadline raised to 600 s so that no file is cut short by the clock (a cut-short tree costs
less and is not comparable). Rules (and Sigma rules, when configured) are loaded before the
clock starts; start-up, JSON and output are not measured. Prints the CPU seconds of this
process, files per CPU second and the number of findings (the same code gives the same number).

To compare two trees, run the same command with `PYTHONPATH=<the other checkout>` (this
script does not put its own checkout first on the path), alternately.
"""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import replace
from pathlib import Path

import inspector
from inspector.analysis.engine import AnalysisEngine, RootPayload, analyze_payloads
from inspector.config import Settings
from inspector.rules import load_ruleset
from inspector.stage import ScanLimits

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDERS = [ROOT.parent / "shared" / "corpus-dev" / "malicious", ROOT.parent / "shared" / "corpus-dev" / "benign",
                   ROOT / "tests" / "corpus" / "malicious", ROOT / "tests" / "corpus" / "benign"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--every", type=int, default=3, help="take every N-th file (default 3)")
    parser.add_argument("--skip", action="append", default=[], help="leave out files with this name (repeatable)")
    args = parser.parse_args()
    folders = args.folders or DEFAULT_FOLDERS
    files = sorted(p for folder in folders for p in folder.rglob("*") if p.is_file() and p.name not in args.skip)
    files = files[args.every - 1::args.every]
    os.environ["INSPECTOR_FETCH"] = "false"
    settings = Settings()
    ruleset = load_ruleset(settings)
    engine = AnalysisEngine.build(ruleset.rules, settings, ruleset.sigma)
    limits = replace(ScanLimits.from_settings(settings), deadline_s=600.0)
    inputs = [(path.name, path.read_bytes()) for path in files]
    findings = 0
    started = time.process_time()
    for name, data in inputs:
        outcome = analyze_payloads([RootPayload(data=data, origin=name, role="submitted", name_hint=name)], engine, limits)
        findings += len(outcome.findings)
    cpu = time.process_time() - started
    print(f"code: {Path(inspector.__file__).parent}")
    print(f"{len(files)} files, {sum(len(d) for _, d in inputs) / 1e6:.1f} MB; load average {os.getloadavg()[0]:.1f}")
    print(f"{cpu:.2f} s CPU, {len(files) / cpu:.1f} files per CPU second, {findings} findings")


if __name__ == "__main__":
    main()
