"""VM_RunCommandSuspiciousUsage: new caller from a new range, or a fan-out far above the caller's baseline."""

from __future__ import annotations

from datetime import timedelta

from tests.activity.builders import T0, routine, run_command, vm
from tests.activity.conftest import Ingest, types

AFTER = T0 + timedelta(days=14, hours=2)


async def test_a_never_seen_caller_from_a_new_range_running_one_command_is_unusual(run: Ingest):
    await run(routine(14))
    report = await run([run_command(vm("vm-03"), AFTER, caller="mallory@evil.example", ip="198.51.100.7")])
    assert types(report.alerts) == ["VM_RunCommandSuspiciousUsage"]
    assert report.alerts[0].detector == "run_command_usage"


async def test_a_new_admin_from_the_office_range_on_a_subscription_that_uses_run_command_is_routine(run: Ingest):
    history = routine(14) + [run_command(vm("vm-01"), T0 + timedelta(days=d, hours=11), caller="admin@contoso.com",
                                         ip="10.1.9.9") for d in range(14)]
    await run(history)
    report = await run([run_command(vm("vm-02"), AFTER, caller="newadmin@contoso.com", ip="10.1.4.4")])
    assert report.alerts == []


async def test_a_known_automation_fanning_out_as_every_day_is_routine(run: Ingest):
    daily = [run_command(vm(f"vm-{i:02d}"), T0 + timedelta(days=d, hours=3, minutes=i), caller="patch-app",
                         ip="20.50.1.1") for d in range(15) for i in range(10)]
    report = await run(routine(15) + daily)
    assert report.alerts == []


async def test_the_same_automation_suddenly_hitting_the_whole_fleet_is_a_fan_out(run: Ingest):
    daily = [run_command(vm(f"vm-{i:02d}"), T0 + timedelta(days=d, hours=3), caller="patch-app", ip="20.50.1.1")
             for d in range(14) for i in range(2)]
    burst = [run_command(vm(f"vm-{i:02d}"), AFTER + timedelta(minutes=i // 3), caller="patch-app", ip="20.50.1.1")
             for i in range(20)]
    report = await run(routine(14) + daily + burst)
    assert types(report.alerts) == ["VM_RunCommandSuspiciousUsage"]
    alert = report.alerts[0]
    assert len(alert.resource_ids) >= 5 and alert.numbers["vms"] >= 5
    assert any("on" in e and "VMs in" in e for e in alert.evidence)
