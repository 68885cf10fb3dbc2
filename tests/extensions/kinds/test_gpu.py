"""GPU driver extensions: flagged only when the VM size is known and has no GPU."""

from __future__ import annotations

import pytest

from inspector.extensions import RequestContext

from tests.extensions.samples import plan

NVIDIA_LINUX = {"publisher": "Microsoft.HpcCompute", "type": "NvidiaGpuDriverLinux", "typeHandlerVersion": "1.6",
                "settings": {"updateOS": False, "driverVersion": "535.54.03", "installCUDA": True}}
AMD_WINDOWS = {"publisher": "Microsoft.HpcCompute", "type": "AmdGpuDriverWindows", "typeHandlerVersion": "1.1", "settings": {}}


@pytest.mark.parametrize("body", [NVIDIA_LINUX, AMD_WINDOWS])
def test_gpu_driver_on_an_n_series_size_is_not_flagged(body):
    p = plan(body, context=RequestContext(vm_size="Standard_NC6s_v3"))
    assert p.kind == "gpu_driver" and p.findings == []


def test_a_failed_gpu_driver_install_on_a_general_purpose_size_is_flagged():
    p = plan(NVIDIA_LINUX, context=RequestContext(vm_size="Standard_D4s_v5", status="Failed"))
    assert [f.id for f in p.findings] == ["structure.gpu.non_gpu_vm_size"]
    assert p.findings[0].attack == ["T1496"] and "Standard_D4s_v5" in p.findings[0].snippet


def test_a_succeeded_install_is_not_the_failure_pattern():
    assert plan(NVIDIA_LINUX, context=RequestContext(vm_size="Standard_D4s_v5", status="Succeeded")).findings == []


def test_size_compared_ignoring_case_and_unknown_size_is_not_flagged():
    assert plan(AMD_WINDOWS, context=RequestContext(vm_size="standard_nv12ads_a10_v5")).findings == []
    assert plan(NVIDIA_LINUX).findings == []
