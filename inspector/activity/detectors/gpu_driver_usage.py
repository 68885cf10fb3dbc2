"""VM_GPUDriverExtensionUnusualExecution: a GPU driver extension installed by a caller who does not
normally install it, from a new IP range or first on the subscription, or on many VMs at once
(cryptojacking staging)."""

from __future__ import annotations

from inspector.activity.detectors.base import DetectorSpec
from inspector.activity.detectors.usage import UsageDetector, UsageKnobs

SPEC = DetectorSpec(
    name="gpu_driver_usage",
    alert_types=("VM_GPUDriverExtensionUnusualExecution",),
    display_name="Unusual GPU driver extension installation",
    techniques=("T1496",),
    evidence=("first GPU driver install by this caller in the lookback", "caller IP range new to the subscription",
              "first GPU driver install on the subscription", "GPU driver installs on N VMs in M minutes"),
    knobs=UsageKnobs(fan_out_min_vms=3),
)
DETECTOR = UsageDetector(SPEC, "gpu_driver")
