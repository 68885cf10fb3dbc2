"""`inspector rules update --sigma URL` downloads a SigmaHQ-style archive from a (local) server."""

from __future__ import annotations

import http.server
import io
import os
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.sigma.release import ReleaseError, extract_release
from tests.sigma.helpers import rule_yaml
from tests.timing import GIVE_UP_S

BIN = Path(sys.executable).parent / "inspector"


def archive(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for name, text in members.items():
            bundle.writestr(name, text)
    return buffer.getvalue()


RELEASE = archive({
    "rules/windows/whoami.yml": rule_yaml("sel:\n  CommandLine|contains: 'whoami'\ncondition: sel"),
    "rules-threat-hunting/windows/net.yml": rule_yaml("sel:\n  CommandLine|contains: 'net user'\ncondition: sel"),
    "README.md": "not a rule",
})


@pytest.fixture
def server() -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            self.send_response(200)
            self.send_header("Content-Length", str(len(RELEASE)))
            self.end_headers()
            self.wfile.write(RELEASE)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/sigma_all_rules.zip"
    finally:
        httpd.shutdown()


def test_update_downloads_the_rules_and_prints_the_folders_to_use(server: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    done = subprocess.run([str(BIN), "rules", "update", "--sigma", server], capture_output=True, text=True,
                          timeout=GIVE_UP_S, env={**env, "INSPECTOR_DATA_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert "2 rule files" in done.stdout and "2 rules evaluated" in done.stdout
    dirs = done.stdout.strip().splitlines()[-1].removeprefix("INSPECTOR_SIGMA_DIRS=").split(os.pathsep)
    assert [Path(d).name for d in dirs] == ["rules", "rules-threat-hunting"]
    assert all(Path(d).is_relative_to(tmp_path / "sigma") for d in dirs)


def test_only_rule_files_inside_the_destination_are_extracted(tmp_path: Path) -> None:
    with pytest.raises(ReleaseError, match="outside"):
        extract_release(archive({"../evil.yml": "x"}), tmp_path)
    with pytest.raises(ReleaseError, match="no Sigma rule files"):
        extract_release(archive({"README.md": "x"}), tmp_path)
    with pytest.raises(ReleaseError, match="not a zip"):
        extract_release(b"plain bytes", tmp_path)


FETCH = Path(__file__).resolve().parents[2] / "scripts" / "fetch_sigma_release.py"


def test_the_container_builds_fetch_only_the_pinned_archive(server: str, tmp_path: Path) -> None:
    import hashlib

    pin = hashlib.sha256(RELEASE).hexdigest()
    wrong = subprocess.run([sys.executable, str(FETCH), server, "0" * 64, str(tmp_path / "bad")],
                           capture_output=True, text=True, timeout=120)
    assert wrong.returncode == 1 and "sha256 mismatch" in wrong.stderr and not (tmp_path / "bad").exists()
    unpinned = subprocess.run([sys.executable, str(FETCH), server, "", str(tmp_path / "none")],
                              capture_output=True, text=True, timeout=120)
    assert unpinned.returncode == 2 and "pin" in unpinned.stderr
    done = subprocess.run([sys.executable, str(FETCH), server, pin, str(tmp_path / "sigma")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "sigma").iterdir()) == ["rules", "rules-threat-hunting"]
    assert (tmp_path / "sigma" / "rules" / "windows" / "whoami.yml").is_file()
