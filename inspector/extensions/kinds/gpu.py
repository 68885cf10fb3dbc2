"""GPU driver extensions (Microsoft.HpcCompute Nvidia/AMD). No script or URL; only N-series
sizes (names starting Standard_N) have a GPU, so an install elsewhere is mining staging."""

from __future__ import annotations

from inspector.extensions.builder import PlanBuilder
from inspector.extensions.extension import ExtensionRequest
from inspector.extensions.kind import KindDeclaration, request_check
from inspector.extensions.plan import ExtensionKind

# The kind name this module declares.
GPU_DRIVER = ExtensionKind("gpu_driver")

GPU_ON_NON_GPU_SIZE = request_check(
    "structure.gpu.non_gpu_vm_size",
    "GPU driver extension on a VM size without a GPU",
    "A GPU driver extension install failed on a size outside the N series (no GPU): the staging "
    "pattern of crypto-mining (GPUExtensionSuspiciousFailure).",
    200,
    ("T1496",),
    alert="VM_GPUExtensionSuspiciousFailure",
)


_FAILED = frozenset({"failed", "failure", "error", "canceled", "cancelled", "timedout", "timeout"})


def plan_gpu_driver(ext: ExtensionRequest, b: PlanBuilder) -> None:
    size = (b.context.vm_size or "").strip()
    failed = (b.context.status or "").casefold().replace(" ", "") in _FAILED
    # The alert is about a *failed* install (a succeeded one on a size without GPU is not this pattern).
    if failed and size and not size.casefold().startswith("standard_n"):
        b.flag(GPU_ON_NON_GPU_SIZE, f"{ext.type or 'GPU driver'} on {size}")


KIND = KindDeclaration(
    kinds=(GPU_DRIVER,),
    extensions=tuple(
        (("microsoft.hpccompute", name), GPU_DRIVER)
        for name in ("nvidiagpudriverwindows", "nvidiagpudriverlinux", "amdgpudriverwindows", "amdgpudriverlinux")
    ),
    handler=plan_gpu_driver,
    checks=(GPU_ON_NON_GPU_SIZE,),
)
