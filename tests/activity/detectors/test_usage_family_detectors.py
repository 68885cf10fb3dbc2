"""DSC, VMAccess and GPU driver usage share the usage shape (detectors/usage.py): each is raised for
its own family only, never for a routine password reset by a known admin."""

from __future__ import annotations

from datetime import timedelta

from tests.activity.builders import T0, extension_write, routine, vm
from tests.activity.conftest import Ingest, types

AFTER = T0 + timedelta(days=14, hours=2)
NEW = {"caller": "mallory@evil.example", "ip": "198.51.100.7"}


async def test_dsc_installed_by_a_new_caller_from_a_new_range(run: Ingest):
    await run(routine(14))
    report = await run([extension_write(vm("vm-01"), "dsc", AFTER, name="x1", **NEW)])
    assert "VM_DSCExtensionSuspiciousUsage" in types(report.alerts)


async def test_vmaccess_password_reset_by_the_usual_admin_is_routine(run: Ingest):
    resets = [extension_write(vm("vm-01"), "vmaccess", T0 + timedelta(days=d, hours=12), name="enablevmaccess",
                              caller="admin@contoso.com", ip="10.1.9.9", settings={"username": "ops"})
              for d in range(0, 14, 3)]
    await run(routine(14) + resets)
    report = await run([extension_write(vm("vm-04"), "vmaccess", AFTER, name="enablevmaccess",
                                        caller="admin@contoso.com", ip="10.1.9.9", settings={"username": "ops"})])
    assert report.alerts == []


async def test_vmaccess_on_many_vms_by_a_new_caller(run: Ingest):
    await run(routine(14))
    burst = [extension_write(vm(f"vm-{i:02d}"), "vmaccess", AFTER + timedelta(minutes=i), name="enablevmaccess",
                             **NEW) for i in range(4)]
    report = await run(burst)
    assert types(report.alerts) == ["VM_VMAccessSuspiciousUsage"]


async def test_gpu_driver_installed_first_time_on_the_subscription_by_a_new_caller(run: Ingest):
    await run(routine(14))
    report = await run([extension_write(vm("vm-02"), "gpu", AFTER, **NEW)])
    assert "VM_GPUDriverExtensionUnusualExecution" in types(report.alerts)
