"""`inspector serve`: options override settings; start-up problems are one clear line, exit 2."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

from tests.api.server import INSPECTOR_BIN, closed_network_env


def test_a_port_in_use_is_reported_clearly(tmp_path: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([INSPECTOR_BIN, "serve", "--host", "127.0.0.1", "--port", str(port)],
                              env=closed_network_env(tmp_path), capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert f"127.0.0.1:{port}" in done.stderr and "Traceback" not in done.stderr


def test_an_out_of_range_port_is_a_usage_error(tmp_path: Path):
    done = subprocess.run([INSPECTOR_BIN, "serve", "--port", "70000"], env=closed_network_env(tmp_path),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "70000" in done.stderr
