"""`inspector activity ingest`: JSON lines of alerts, exit codes 0/1/2, history kept in the given store."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from tests.activity.builders import SUB, T0, routine, run_command, vm
from tests.timing import GIVE_UP_S, until_blocking

BIN = Path(sys.executable).parent / "inspector"
SIMULATOR_KEYS = ("alert_type", "subscription_id", "resource_ids", "start_time", "end_time", "correlation_ids",
                  "severity", "evidence", "inspection_id")


def run(tmp_path: Path, *args: str, stdin: str | None = None, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env.update({"INSPECTOR_FETCH": "false", "INSPECTOR_DATA_DIR": str(tmp_path / "data"), **extra_env})
    return subprocess.run([str(BIN), "activity", "ingest", "--store-url", str(tmp_path / "history.db"), *args],
                          check=False, capture_output=True, text=True, input=stdin, env=env,
                          timeout=GIVE_UP_S)


def _jsonl(records: list[dict]) -> str:
    return "\n".join(json.dumps(r) for r in sorted(records, key=lambda r: r["eventTimestamp"])) + "\n"


def test_routine_history_exits_0_and_an_attack_exits_1_with_one_json_line_per_alert(tmp_path: Path):
    (tmp_path / "history.jsonl").write_text(_jsonl(routine(14)))
    quiet = run(tmp_path, "--no-inspect", str(tmp_path / "history.jsonl"))
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout == "" and "records" in quiet.stderr
    attack = [run_command(vm(f"vm-{i:02d}"), T0 + timedelta(days=14, hours=2, minutes=i),
                          caller="mallory@evil.example", ip="198.51.100.7", script=["whoami"]) for i in range(6)]
    loud = run(tmp_path, "-", stdin=json.dumps(attack))
    assert loud.returncode == 1, loud.stderr
    alerts = [json.loads(line) for line in loud.stdout.splitlines()]
    assert [a["alert_type"] for a in alerts] == ["VM_RunCommandSuspiciousUsage"]
    assert all(key in alerts[0] for key in SIMULATOR_KEYS)
    assert alerts[0]["resource_ids"][0] == vm("vm-00") and alerts[0]["start_time"].endswith("Z")


def test_a_misspelt_detector_knob_stops_before_any_record_is_read(tmp_path: Path):
    (tmp_path / "history.jsonl").write_text(_jsonl(routine(1)))
    result = run(tmp_path, "--no-inspect", str(tmp_path / "history.jsonl"),
                 INSPECTOR_ACTIVITY_DETECTOR_KNOBS='{"run_command_usage": {"fan_out_min_vm": 3}}')
    assert result.returncode == 2 and result.stdout == ""
    assert "INSPECTOR_ACTIVITY_DETECTOR_KNOBS" in result.stderr and "'fan_out_min_vm'" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "history.db").exists()


def test_ocsf_format_and_unreadable_records(tmp_path: Path):
    vault = "/subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/x/providers/Microsoft.KeyVault/vaults/kv"
    ade = {"eventDataId": "e1", "operationName": {"value": "Microsoft.Compute/virtualMachines/extensions/write"},
           "status": {"value": "Started"}, "resourceId": vm("vm-01") + "/extensions/ade", "caller": "x@y.z",
           "correlationId": "c1", "eventTimestamp": "2026-01-01T00:00:00Z",
           "properties": {"requestbody": json.dumps({"properties": {
               "publisher": "Microsoft.Azure.Security", "type": "AzureDiskEncryption",
               "settings": {"KeyVaultResourceId": vault}}})}}
    result = run(tmp_path, "--format", "ocsf", "--json", "--no-inspect", "-",
                 stdin=json.dumps({"records": [ade, {"broken": True}]}))
    assert result.returncode == 2, result.stderr  # a record could not be read
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    finding = next(r for r in rows if "class_uid" in r)
    assert finding["class_uid"] == 2004 and finding["finding_info"]["types"] == ["VM_DiskEncryptionSuspiciousUsage"]
    error = next(r for r in rows if "error" in r)
    assert error["input"].startswith("-#0.records[1]") and "Traceback" not in result.stderr


def test_a_malicious_body_is_inspected_and_the_alert_names_its_inspection(tmp_path: Path):
    body = {"properties": {"publisher": "Microsoft.Compute", "type": "CustomScriptExtension",
                           "settings": {"commandToExecute": "cmd /c vssadmin delete shadows /all /quiet & wevtutil cl Security"}}}
    record = {"eventDataId": "e1", "operationName": {"value": "Microsoft.Compute/virtualMachines/extensions/write"},
              "status": {"value": "Started"}, "resourceId": vm("vm-01") + "/extensions/x", "caller": "x@y.z",
              "correlationId": "c1", "eventTimestamp": "2026-01-01T00:00:00Z",
              "properties": {"requestbody": json.dumps(body)}}
    monitor = dict(record, eventDataId="e0", resourceId=vm("vm-02") + "/extensions/ama",
                   properties={"requestbody": json.dumps({"properties": {"publisher": "Microsoft.Azure.Monitor",
                                                                          "type": "AzureMonitorLinuxAgent"}})})
    result = run(tmp_path, "-", stdin=json.dumps([monitor, record]))
    assert result.returncode == 1, result.stderr
    alerts = [json.loads(line) for line in result.stdout.splitlines()]
    cmd = next(a for a in alerts if a["alert_type"] == "VM_CustomScriptExtensionSuspiciousCmd")
    assert cmd["inspection_id"] and cmd["verdict"] == "malicious" and cmd["resource_ids"] == [vm("vm-01")]


def test_an_unreadable_file_exits_2(tmp_path: Path):
    result = run(tmp_path, str(tmp_path / "missing.json"))
    assert result.returncode == 2 and "missing.json" in result.stderr


# --------------------------------------------------------------------------- alert events


def _shifted(records: list[dict], sub: str, days: int) -> list[dict]:
    """The same records for another subscription, `days` later in event time."""
    text = json.dumps(records).replace(SUB, sub)
    out = json.loads(text)
    for record in out:
        at = datetime.fromisoformat(record["eventTimestamp"].replace("Z", "+00:00")) + timedelta(days=days)
        record["eventTimestamp"] = at.isoformat().replace("+00:00", "Z")
        record["eventDataId"] = f"{sub}-{record['eventDataId']}"
    return out


def _attack_at(start: datetime) -> list[dict]:
    return [run_command(vm(f"vm-{i:02d}"), start + timedelta(minutes=i), caller="mallory@evil.example",
                        ip="198.51.100.7", script=["whoami"]) for i in range(6)]


async def _alert_events(store_path: Path) -> list[dict]:
    from inspector.config import Settings
    from inspector.store import ALERT_RAISED, Store

    store = await Store.open(Settings(database_url=f"sqlite+aiosqlite:///{store_path}", data_dir=store_path.parent))
    try:
        return [e.data for e in await store.events.read(None, 1000) if e.type == ALERT_RAISED]
    finally:
        await store.close()


def test_each_alert_is_an_alert_raised_event_once_even_on_a_second_ingest(tmp_path: Path):
    records = routine(14) + _attack_at(T0 + timedelta(days=14, hours=2))
    (tmp_path / "a.jsonl").write_text(_jsonl(records))
    first = run(tmp_path, "--no-inspect", str(tmp_path / "a.jsonl"))
    assert first.returncode == 1, first.stderr
    again = run(tmp_path, "--no-inspect", str(tmp_path / "a.jsonl"))
    assert again.returncode == 0 and again.stdout == ""
    alert = json.loads(first.stdout.splitlines()[0])
    events = asyncio.run(_alert_events(tmp_path / "history.db"))
    assert [e["alert_id"] for e in events] == [alert["id"]]
    assert events[0]["type"] == "alert.raised" and events[0]["alert"] == alert


def test_a_kill_9_after_alerts_were_saved_loses_and_duplicates_no_alert_event(tmp_path: Path):
    """The first subscription's alert is stored (with its event) by an intermediate save; the
    process is killed there; a second run over the same input ends with every alert's event
    present exactly once."""
    other = "00000000-0000-0000-0000-0000000000cc"
    first_sub = routine(14) + _attack_at(T0 + timedelta(days=14, hours=2))
    second_sub = _shifted(first_sub, other, days=20)  # its records release the first's attack
    (tmp_path / "in.jsonl").write_text(_jsonl(first_sub) + _jsonl(second_sub))
    hold = tmp_path / "hold"
    hold.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env.update({"INSPECTOR_FETCH": "false", "INSPECTOR_DATA_DIR": str(tmp_path / "data"),
                "INSPECTOR_TEST_HOLD_AFTER_ALERTS_SAVED": str(hold)})
    args = [str(BIN), "activity", "ingest", "--store-url", str(tmp_path / "history.db"), "--no-inspect",
            "--save-every", "50", str(tmp_path / "in.jsonl")]
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        until_blocking(lambda: (hold / "alerts.saved").exists() or process.poll() is not None,
                       what="the ingest to store its first alert")
        assert process.poll() is None, process.communicate()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=GIVE_UP_S)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    before = asyncio.run(_alert_events(tmp_path / "history.db"))
    assert len(before) == 1 and before[0]["subscription_id"].casefold() == SUB.casefold()
    rerun = run(tmp_path, "--no-inspect", str(tmp_path / "in.jsonl"))
    assert rerun.returncode == 1, rerun.stderr
    after = asyncio.run(_alert_events(tmp_path / "history.db"))
    ids = [e["alert_id"] for e in after]
    assert len(ids) == len(set(ids)) == 2
    assert {e["subscription_id"].casefold() for e in after} == {SUB.casefold(), other}
    assert [json.loads(line)["id"] for line in rerun.stdout.splitlines()] == ids[1:]


def _history_tables(db: Path) -> dict[str, set[tuple[object, ...]]]:
    import sqlite3

    tables = ("activity_subscriptions", "activity_seen", "activity_daily", "activity_vms", "activity_extensions",
              "activity_operations", "activity_record_ids", "activity_held")
    with sqlite3.connect(db) as conn:
        return {t: set(conn.execute(f"SELECT * FROM {t}")) for t in tables}  # noqa: S608 (fixed names)


def _waits_for_a_lock(pid: int) -> bool:
    """Blocked in flock/fcntl: /proc/locks lists a waiter as `N: -> FLOCK ... <pid> ...`."""
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if len(fields) > 5 and fields[1] == "->" and fields[5] == str(pid):
            return True
    return False


def test_two_local_ingests_at_once_on_one_store_alert_once_and_count_once(tmp_path: Path):
    fan_out = [run_command(vm(f"vm-{i:02d}"), T0 + timedelta(days=14, hours=2, minutes=i),
                           caller="mallory@evil.example", ip="198.51.100.7") for i in range(20)]
    (tmp_path / "routine.jsonl").write_text(_jsonl(routine(14)))
    (tmp_path / "first.jsonl").write_text(_jsonl(fan_out[:14]))
    (tmp_path / "second.jsonl").write_text(_jsonl(fan_out[6:]))
    # One process, one after the other: the history and the one alert to expect.
    assert run(tmp_path / "single", "--no-inspect", str(tmp_path / "routine.jsonl")).returncode == 0
    single = run(tmp_path / "single", "--no-inspect", str(tmp_path / "first.jsonl"), str(tmp_path / "second.jsonl"))
    assert single.returncode == 1, single.stderr
    hold = tmp_path / "hold"
    hold.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("INSPECTOR_")}
    env.update({"INSPECTOR_FETCH": "false", "INSPECTOR_DATA_DIR": str(tmp_path / "data")})

    def ingest(path: Path, **more_env: str) -> subprocess.Popen[str]:
        return subprocess.Popen([str(BIN), "activity", "ingest", "--no-inspect", "--store-url",
                                 str(tmp_path / "shared.db"), str(path)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**env, **more_env})

    routine_run = ingest(tmp_path / "routine.jsonl")
    assert routine_run.wait(timeout=GIVE_UP_S) == 0
    # The first has judged its half of the fan-out against the history and not saved yet. The
    # second starts then: unheld, it would judge its overlapping half against the same history,
    # raise an alert of its own and write its counts over the first's. Held, it waits for the lock.
    first = ingest(tmp_path / "first.jsonl", INSPECTOR_TEST_HOLD_BEFORE_LAST_SAVE=str(hold))
    until_blocking(lambda: (hold / "judged").exists() or first.poll() is not None, what="the first judged")
    second = ingest(tmp_path / "second.jsonl")
    until_blocking(lambda: second.poll() is not None or _waits_for_a_lock(second.pid),
                   what="the second waiting for the lock (or, unheld, done)")
    (hold / "release").touch()
    outputs = [proc.communicate(timeout=GIVE_UP_S) for proc in (first, second)]
    alerts = [line for stdout, _ in outputs for line in stdout.splitlines()]
    assert len(alerts) == 1, [stderr for _, stderr in outputs]
    assert _history_tables(tmp_path / "shared.db") == _history_tables(tmp_path / "single" / "history.db")


def test_flush_alone_judges_what_streaming_batches_held(tmp_path: Path):
    attack = [run_command(vm(f"vm-{i:02d}"), T0 + timedelta(days=14, hours=2, minutes=i),
                          caller="mallory@evil.example", ip="198.51.100.7") for i in range(8)]
    (tmp_path / "all.jsonl").write_text(_jsonl(routine(14) + attack))

    async def stream() -> int:
        from inspector.activity import ActivityLimits, ingest, read_records
        from inspector.config import Settings
        from inspector.store import Store

        settings = Settings(data_dir=tmp_path / "data", database_url=f"sqlite+aiosqlite:///{tmp_path / 'history.db'}")
        store = await Store.open(settings)
        try:
            limits = ActivityLimits(inspect_bodies=False)
            with (tmp_path / "all.jsonl").open("rb") as stream:
                report = await ingest(read_records(stream, limits, "all"), store.activity, limits, streaming=True)
            return report.held
        finally:
            await store.close()

    assert asyncio.run(stream()) > 0
    flushed = run(tmp_path, "--no-inspect", "--flush")
    assert flushed.returncode == 1, flushed.stderr
    assert [json.loads(line)["alert_type"] for line in flushed.stdout.splitlines()] == ["VM_RunCommandSuspiciousUsage"]
