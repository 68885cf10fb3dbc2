"""VM_DSCExtensionSuspiciousUsage: DSC extension installs by a new caller from a new IP range, first
DSC use on the subscription, or DSC installed on many VMs in a short window."""

from __future__ import annotations

from inspector.activity.detectors.base import DetectorSpec
from inspector.activity.detectors.usage import UsageDetector, UsageKnobs

SPEC = DetectorSpec(
    name="dsc_usage",
    alert_types=("VM_DSCExtensionSuspiciousUsage",),
    display_name="Unusual DSC extension usage on virtual machines",
    techniques=("T1072",),
    evidence=("first DSC install by this caller in the lookback", "caller IP range new to the subscription",
              "first DSC install on the subscription", "DSC installs on N VMs in M minutes vs the caller's baseline"),
    knobs=UsageKnobs(),
)
DETECTOR = UsageDetector(SPEC, "dsc")
