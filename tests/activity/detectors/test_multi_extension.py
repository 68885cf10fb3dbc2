"""VM_SuspiciousMultiExtensionUsage: several extension types on many VMs by one caller, or many on one VM."""

from __future__ import annotations

from datetime import timedelta

from tests.activity.builders import T0, extension_write, routine, vm
from tests.activity.conftest import Ingest, types

AFTER = T0 + timedelta(days=14, hours=2)


async def test_24_extension_writes_on_6_vms_in_6_minutes_by_one_caller(run: Ingest):
    await run(routine(14))
    burst = [extension_write(vm(f"vm-{i:02d}"), kind, AFTER + timedelta(seconds=15 * (4 * i + k)),
                             caller="ops@contoso.com", ip="10.1.2.3")
             for i in range(6) for k, kind in enumerate(("ama", "dep", "aad", "guest"))]
    report = await run(burst)
    assert "VM_SuspiciousMultiExtensionUsage" in types(report.alerts)


async def test_the_usual_agent_rollout_is_routine(run: Ingest):
    rollout = [extension_write(vm(f"vm-{i:02d}"), kind, T0 + timedelta(days=d, hours=6, minutes=i),
                               caller="policy-app", ip="20.50.1.1")
               for d in range(15) for i in range(10) for kind in ("ama", "dep")]
    report = await run(routine(15) + rollout)
    assert report.alerts == []
