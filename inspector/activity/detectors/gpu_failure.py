"""VM_GPUExtensionSuspiciousFailure: a GPU driver extension install that *failed* on a VM whose size
has no GPU (learned from the VM's own virtualMachines/write records): the classic failed
cryptomining set-up. Judged per record from its own status; never held back."""

from __future__ import annotations

from dataclasses import dataclass

from inspector.activity.detectors.base import Context, DetectorSpec, Draft
from inspector.activity.operations import Action, Family, has_gpu


@dataclass(frozen=True)
class Knobs:
    pass


SPEC = DetectorSpec(
    name="gpu_failure",
    alert_types=("VM_GPUExtensionSuspiciousFailure",),
    display_name="Failed GPU driver extension install on a VM without a GPU",
    techniques=("T1496",),
    evidence=("the record's failed status", "the VM's size, learned from its virtualMachines/write records"),
    knobs=Knobs(),
    held_while_learning=False,
)


class _Detector:
    spec = SPEC

    def evaluate(self, ctx: Context) -> list[Draft]:
        op = ctx.operation
        if op.family is not Family.GPU_DRIVER or op.action is not Action.WRITE or not ctx.failed:
            return []
        size = ctx.history.vm_size(op.vm_id)
        if size is None or has_gpu(size):
            return []
        alert = SPEC.alert_types[0]
        why = f" ({ctx.record.sub_status})" if ctx.record.sub_status else ""
        return [Draft(alert, f"{alert}|{op.key}",
                      [f"GPU driver extension install failed{why}",
                       f"the VM's size {size} has no GPU (only N-series sizes do)"], [ctx.event])]


DETECTOR = _Detector()
