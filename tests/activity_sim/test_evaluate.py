"""The evaluation command generates the logs, runs `inspector activity ingest --json` on them in
arrival order against a fresh store, and prints the scores; here a stand-in ingest plays the
detectors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.activity_sim.evaluate import main

SMALL = ["--days", "10", "--vms", "16", "--subscriptions", "2", "--scenarios-per-type", "1", "--seed", "4"]

# Prints one alert per labelled scenario (or only the first half), after checking how it was called.
STAND_IN = '''
import json, os, sys
from pathlib import Path
args = sys.argv[1:]
assert args[:3] == ["activity", "ingest", "--json"], args
args = [a for a in args if a != "--no-inspect"]
files = [Path(a) for a in args[3:]]
assert files and files == sorted(files), "files in arrival order"
out = files[0].parent.parent
assert os.environ["INSPECTOR_DATA_DIR"] == str(out / "store") and not any((out / "store").iterdir())
assert os.environ["INSPECTOR_FETCH"] == "false" and "INSPECTOR_DATABASE_URL" not in os.environ
labels = json.loads((out / "labels.json").read_text())
scenarios = labels["scenarios"]
if os.environ.get("INSPECTOR_STAND_IN_HALF"):
    scenarios = scenarios[: len(scenarios) // 2]
print("ingesting", file=sys.stderr)
for s in scenarios:
    print(json.dumps({"alert_type": s["alert_type"], "subscription_id": s["subscription_id"],
                      "resource_ids": s["resource_ids"], "start_time": s["start_time"], "end_time": s["end_time"],
                      "correlation_ids": s["correlation_ids"][:1], "severity": "Medium", "evidence": "stand-in",
                      "inspection_id": None}))
sys.exit(1 if scenarios else 0)
'''


@pytest.fixture
def stand_in(tmp_path: Path) -> str:
    script = tmp_path / "stand_in_inspector.py"
    script.write_text(STAND_IN, encoding="utf-8")
    return f"{sys.executable} {script}"


def test_a_detector_that_catches_everything_meets_the_targets(tmp_path: Path, stand_in: str,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INSPECTOR_DATABASE_URL", "postgresql+asyncpg://elsewhere/db")
    out = tmp_path / "run"
    assert main([*SMALL, "--out", str(out), "--inspector", stand_in, "--ingest-option=--no-inspect"]) == 0
    printed = capsys.readouterr()
    assert "PASSED" in printed.out and "VM_GPUExtensionSuspiciousFailure" in printed.out
    assert "late" in printed.err and "duplicates" in printed.err and "records/s" in printed.err
    assert (out / "alerts.jsonl").read_text().count("\n") == 11
    assert (out / "labels.json").exists() and any((out / "logs").iterdir())


def test_a_detector_that_misses_half_fails_the_targets_and_says_what_it_missed(
        tmp_path: Path, stand_in: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main([*SMALL, "--out", str(tmp_path / "run"), "--inspector", stand_in,
                 "--env", "INSPECTOR_STAND_IN_HALF=1", "--json"])
    scores = json.loads(capsys.readouterr().out)
    assert code == 1 and not scores["passed"]
    assert sum(t["caught"] for t in scores["types"].values()) == 5
    assert sum(len(t["missed"]) for t in scores["types"].values()) == 6


def test_saved_alerts_are_scored_against_saved_labels(tmp_path: Path, stand_in: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "run"
    main([*SMALL, "--out", str(out), "--inspector", stand_in])
    capsys.readouterr()
    assert main(["--alerts", str(out / "alerts.jsonl"), "--labels", str(out / "labels.json"), "--out",
                 str(tmp_path / "again")]) == 0
    assert "PASSED" in capsys.readouterr().out


def test_an_ingest_that_cannot_run_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*SMALL, "--out", str(tmp_path), "--inspector", str(tmp_path / "no-such-inspector")]) == 2
    assert "could not run" in capsys.readouterr().err


def test_generate_only_writes_logs_and_labels(tmp_path: Path) -> None:
    assert main([*SMALL, "--out", str(tmp_path), "--generate-only", "--shapes", "rest"]) == 0
    assert {p.name.split("-")[-1] for p in (tmp_path / "logs").iterdir()} == {"rest.json"}
    assert json.loads((tmp_path / "labels.json").read_text())["parameters"]["shapes"] == ["rest"]
