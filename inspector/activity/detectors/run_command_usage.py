"""VM_RunCommandSuspiciousUsage: Run Command by a new caller from a new IP range, first Run Command
on the subscription, or Run Commands fanned out across many VMs far above the caller's baseline."""

from __future__ import annotations

from inspector.activity.detectors.base import DetectorSpec
from inspector.activity.detectors.usage import UsageDetector, UsageKnobs

SPEC = DetectorSpec(
    name="run_command_usage",
    alert_types=("VM_RunCommandSuspiciousUsage",),
    display_name="Unusual Run Command usage on virtual machines",
    techniques=("T1651",),
    evidence=("first Run Command by this caller in the lookback", "caller IP range new to the subscription",
              "first Run Command on the subscription", "Run Commands on N VMs in M minutes vs the caller's baseline"),
    knobs=UsageKnobs(),
)
DETECTOR = UsageDetector(SPEC, "run_command")
