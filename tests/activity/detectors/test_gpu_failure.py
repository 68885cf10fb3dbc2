"""VM_GPUExtensionSuspiciousFailure: a *failed* GPU driver install on a size without GPU, from logs alone."""

from __future__ import annotations

from datetime import timedelta

from tests.activity.builders import T0, extension_write, vm, vm_write
from tests.activity.conftest import Ingest, types


async def test_a_failed_gpu_driver_install_on_a_d_series_vm(run: Ingest):
    batch = [vm_write(vm("vm-09"), T0, "Standard_D4s_v5"),
             extension_write(vm("vm-09"), "gpu", T0 + timedelta(hours=1), status="Failed", correlation="c-gpu")]
    report = await run(batch)
    assert types(report.alerts) == ["VM_GPUExtensionSuspiciousFailure"]
    assert any("Standard_D4s_v5" in e for e in report.alerts[0].evidence)


async def test_a_succeeded_install_is_not_a_failure(run: Ingest):
    batch = [vm_write(vm("vm-09"), T0, "Standard_D4s_v5"),
             extension_write(vm("vm-09"), "gpu", T0 + timedelta(hours=1), status="Succeeded")]
    assert (await run(batch)).alerts == []


async def test_a_failed_install_on_an_n_series_vm_is_an_ordinary_failure(run: Ingest):
    batch = [vm_write(vm("vm-09"), T0, "Standard_NC6s_v3"),
             extension_write(vm("vm-09"), "gpu", T0 + timedelta(hours=1), status="Failed")]
    assert (await run(batch)).alerts == []
