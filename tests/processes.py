"""What became of processes a test started: their children (from /proc), alive or gone."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.timing import GIVE_UP_S


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            found.update(int(c) for c in (task / "children").read_text().split())
    return found


def alive(pid: int) -> bool:
    """Running (a zombie has ended; only its parent has not collected it yet)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def until_gone(pids: set[int]) -> None:
    """Wait until every one of `pids` has ended; fail after GIVE_UP_S naming the ones left."""
    deadline = time.monotonic() + GIVE_UP_S
    while any(alive(pid) for pid in pids):
        assert time.monotonic() < deadline, f"still running: {[p for p in pids if alive(p)]}"
        time.sleep(0.05)


REPOSITORY = Path(__file__).resolve().parents[1]


def killed_parent_leaves_no_worker(script: str) -> None:
    """Run `script` (Python) in a child process; its first output line means its pool's workers
    are up. Kill it with SIGKILL, which lets it clean up nothing, and wait until every process it
    had started has ended by itself."""
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=REPOSITORY,
                              env={**os.environ, "PYTHONPATH": str(REPOSITORY)})
    try:
        assert parent.stdout is not None
        assert parent.stdout.readline(), "the pool did not start"
        started = children(parent.pid)
        assert len(started) >= 2
    finally:
        parent.kill()
        parent.wait(timeout=GIVE_UP_S)
    until_gone(started)
