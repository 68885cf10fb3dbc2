"""GPU driver extensions (Microsoft.HpcCompute Nvidia/AMD). No script or URL; only N-series
sizes (names starting Standard_N) have a GPU, so an install elsewhere is mining staging."""

from __future__ import annotations

from inspector.extensions.builder import PlanBuilder
from inspector.extensions.extension import ExtensionRequest
from inspector.extensions.structure import GPU_ON_NON_GPU_SIZE


def plan_gpu_driver(ext: ExtensionRequest, b: PlanBuilder) -> None:
    size = (b.context.vm_size or "").strip()
    if size and not size.casefold().startswith("standard_n"):
        b.flag(GPU_ON_NON_GPU_SIZE, f"{ext.type or 'GPU driver'} on {size}")
