"""Compiling Sigma rule folders: from scratch and from the cache in the data folder.

    .venv/bin/python benchmarks/sigma_compile.py [FOLDER ...]   (default: ../shared/sigma's three rule folders)

Prints CPU seconds (process time, not wall time: the figure holds on a loaded machine) of
`compile_sigma` without a cache, then with a fresh cache folder twice (the first run writes the
entry, the second reads it), and the number of rules.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inspector.sigma import compile_sigma  # noqa: E402


def timed(folders: list[Path], cache_dir: Path | None) -> tuple[float, int]:
    started = time.process_time()
    rules = compile_sigma(folders, cache_dir=cache_dir)
    return time.process_time() - started, len(rules.rules)


def main() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "sigma"
    folders = [Path(a) for a in sys.argv[1:]] or [shared / n for n in
                                                   ("rules", "rules-emerging-threats", "rules-threat-hunting")]
    cold, count = timed(folders, None)
    with tempfile.TemporaryDirectory() as temp:
        writing, _ = timed(folders, Path(temp))
        cached, _ = timed(folders, Path(temp))
    print(f"{count} rules: compile {cold:.2f} s CPU, compile + write cache {writing:.2f} s, "
          f"from cache {cached:.2f} s ({cold / cached:.0f}x)")


if __name__ == "__main__":
    main()
