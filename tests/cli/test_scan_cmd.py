"""`inspector scan` behaves like a scanner other programs can drive: JSON Lines and clamscan exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.timing import GIVE_UP_S

BIN = Path(sys.executable).parent / "inspector"
BAD = "Invoke-Mimikatz -DumpCreds\nvssadmin delete shadows /all /quiet\n"
GOOD = "Get-Service | Where-Object Status -eq Running\n"
CSE = {"properties": {"publisher": "Microsoft.Compute", "type": "CustomScriptExtension", "typeHandlerVersion": "1.10",
                      "settings": {"commandToExecute": "cmd /c vssadmin delete shadows /all /quiet & wevtutil cl Security"}}}


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    full_env.update({"INSPECTOR_FETCH": "false", **(env or {})})
    return subprocess.run([str(BIN), *args], capture_output=True, text=True, input=stdin, env=full_env, timeout=GIVE_UP_S)


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    files = {"good": tmp_path / "good.ps1", "bad": tmp_path / "bad.ps1", "cse": tmp_path / "cse.json",
             "broken": tmp_path / "broken.json"}
    files["good"].write_text(GOOD)
    files["bad"].write_text(BAD)
    files["cse"].write_text(json.dumps(CSE))
    files["broken"].write_text('{"properties": {')
    return files


def lines(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_clean_input_exits_zero(inputs: dict[str, Path]) -> None:
    result = run("scan", "--json", str(inputs["good"]))
    assert result.returncode == 0, result.stderr
    [row] = lines(result.stdout)
    assert row["verdict"] == "clean" and row["input"] == str(inputs["good"])


def test_flagged_input_exits_one_with_one_json_line_per_input(inputs: dict[str, Path]) -> None:
    result = run("scan", "--json", str(inputs["good"]), str(inputs["bad"]), str(inputs["cse"]))
    assert result.returncode == 1, result.stderr
    rows = lines(result.stdout)
    assert [Path(str(r["input"])).name for r in rows] == ["good.ps1", "bad.ps1", "cse.json"]
    by_name = {Path(str(r["input"])).name: r for r in rows}
    assert by_name["bad.ps1"]["verdict"] in ("suspicious", "malicious")
    cse_alerts = [a["alertType"] for a in by_name["cse.json"]["alerts"]]  # type: ignore[index]
    assert "VM_CustomScriptExtensionSuspiciousCmd" in cse_alerts
    assert all("type" in a for a in by_name["cse.json"]["artifacts"])  # type: ignore[union-attr]


def test_broken_input_is_reported_beside_the_others_and_exits_two(inputs: dict[str, Path]) -> None:
    result = run("scan", "--json", str(inputs["broken"]), str(inputs["good"]))
    assert result.returncode == 2
    rows = lines(result.stdout)
    assert rows[0]["error"]["kind"] == "invalid_json"  # type: ignore[index]
    assert rows[1]["verdict"] == "clean"
    assert "Traceback" not in result.stderr


def test_missing_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    result = run("scan", "--json", str(tmp_path / "absent.ps1"))
    assert result.returncode == 2
    assert lines(result.stdout)[0]["error"]["kind"] == "unreadable"  # type: ignore[index]
    assert "Traceback" not in result.stderr


def test_directories_are_scanned_recursively(inputs: dict[str, Path], tmp_path: Path) -> None:
    nested = tmp_path / "deep" / "er"
    nested.mkdir(parents=True)
    (nested / "x.ps1").write_text(BAD)
    result = run("scan", "--json", str(tmp_path / "deep"))
    assert result.returncode == 1
    assert [Path(str(r["input"])).name for r in lines(result.stdout)] == ["x.ps1"]


def test_standard_input_is_scanned(inputs: dict[str, Path]) -> None:
    result = run("scan", "--json", "-", stdin=BAD)
    assert result.returncode == 1
    assert lines(result.stdout)[0]["input"] == "-"


def test_the_terminal_report_explains_the_verdict(inputs: dict[str, Path]) -> None:
    result = run("scan", str(inputs["cse"]))
    assert result.returncode == 1
    assert "MALICIOUS" in result.stdout or "SUSPICIOUS" in result.stdout
    assert "VM_CustomScriptExtensionSuspiciousCmd" in result.stdout
    assert "yara.core.shadow_copy_deletion" in result.stdout


def test_an_invalid_setting_stops_with_its_name(inputs: dict[str, Path]) -> None:
    result = run("scan", str(inputs["good"]), env={"INSPECTOR_MAX_DEPTH": "zero"})
    assert result.returncode == 2
    assert "INSPECTOR_MAX_DEPTH" in result.stderr
    assert "Traceback" not in result.stderr


def test_rules_check_names_the_failing_file_and_line(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "broken.yar").write_text("rule broken {\n  condition:\n    $nope\n}\n")
    result = run("rules", "check", env={"INSPECTOR_SIGNATURE_DIRS": str(rules)})
    assert result.returncode == 1
    assert f"{rules / 'broken.yar'}:" in result.stderr
    ok = run("rules", "check")
    assert ok.returncode == 0 and "rules from" in ok.stdout


def test_secrets_in_a_request_never_reach_the_output(tmp_path: Path) -> None:
    key = "k" * 86 + "=="
    body = {"properties": {"publisher": "Microsoft.Compute", "type": "CustomScriptExtension",
                           "typeHandlerVersion": "1.10", "settings": {},
                           "protectedSettings": {"commandToExecute": "powershell -File run.ps1",
                                                 "fileUris": ["https://acct.blob.core.windows.net/c/run.ps1?sv=2022&sig=SECRETSIG123"],
                                                 "storageAccountName": "acct", "storageAccountKey": key}}}
    path = tmp_path / "secret.json"
    path.write_text(json.dumps(body))
    result = run("scan", "--json", str(path))
    assert "SECRETSIG123" not in result.stdout and key not in result.stdout
    pretty = run("scan", str(path))
    assert "SECRETSIG123" not in pretty.stdout + pretty.stderr and key not in pretty.stdout
