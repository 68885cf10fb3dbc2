"""VM_VMAccessSuspiciousUsage: VMAccess (reset a password, add a key, create a user) by a new caller
from a new IP range, first VMAccess on the subscription, or VMAccess on many VMs in a short window.
A routine password reset by a known admin is not an alert."""

from __future__ import annotations

from inspector.activity.detectors.base import DetectorSpec
from inspector.activity.detectors.usage import UsageDetector, UsageKnobs

SPEC = DetectorSpec(
    name="vmaccess_usage",
    alert_types=("VM_VMAccessSuspiciousUsage",),
    display_name="Unusual VMAccess usage on virtual machines",
    techniques=("T1098",),
    evidence=("first VMAccess use by this caller in the lookback", "caller IP range new to the subscription",
              "first VMAccess use on the subscription", "VMAccess on N VMs in M minutes vs the caller's baseline"),
    knobs=UsageKnobs(fan_out_min_vms=3),
)
DETECTOR = UsageDetector(SPEC, "vmaccess")
