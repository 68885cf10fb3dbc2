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


async def test_a_failed_run_command_by_a_new_caller_from_a_new_range_even_with_a_clean_script(run: Ingest):
    await run(routine(14))
    at = T0 + timedelta(days=14, hours=1)
    start = run_command(vm("vm-01"), at, status="Started", correlation="rc-9", caller="mallory@evil.example",
                        ip="198.51.100.7")
    end = event("Microsoft.Compute/virtualMachines/runCommand/action", vm("vm-01"), at + timedelta(minutes=1),
                status="Failed", correlation="rc-9", caller="mallory@evil.example", ip="")
    report = await run([start, end])
    failure = [a for a in report.alerts if a.alert_type == "VM_RunCommandSuspiciousFailure"]
    assert failure and any("198.51.0.0/16" in e for e in failure[0].evidence)


async def test_a_known_admin_s_failed_run_command_is_routine(run: Ingest):
    history = routine(14) + [run_command(vm("vm-01"), T0 + timedelta(days=d, hours=11), caller="admin@contoso.com",
                                         ip="10.1.9.9") for d in range(14)]
    await run(history)
    at = T0 + timedelta(days=14, hours=1)
    failed = run_command(vm("vm-02"), at, status="Failed", caller="admin@contoso.com", ip="10.1.9.9")
    assert (await run([failed])).alerts == []
