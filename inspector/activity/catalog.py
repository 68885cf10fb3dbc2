"""The activity detectors in the detection catalog, and what every alert type they raise is
called, how severe it is and its tactic (the rows of the alert catalog, docs/alerts.md).

Each detector's alert types become catalog entries of source `activity` (`DETECTIONS`, listed in
`inspector/detections`): id `activity.<detector>.<alert type in snake case>`, its ATT&CK ids and evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspector.activity.detectors import DETECTOR_MODULES
from inspector.model import DetectionSource
from inspector.stage import Feed, Heuristic


@dataclass(frozen=True)
class AlertInfo:
    display_name: str
    severity: str
    tactic: str
    description: str


# Severity and tactic as the alert catalog has them (a test compares with inspector/scoring/catalog.py).
ALERT_INFO: dict[str, AlertInfo] = {
    "VM_CustomScriptExtensionSuspiciousCmd": AlertInfo(
        "Suspicious command in a Custom Script Extension", "High", "Execution",
        "A Custom Script Extension whose command or script is suspicious."),
    "VM_CustomScriptExtensionSuspiciousEntryPoint": AlertInfo(
        "Custom Script Extension runs a file from a suspicious repository", "Medium", "Execution",
        "A Custom Script Extension whose entry point points at a suspicious GitHub repository."),
    "VM_CustomScriptExtensionSuspiciousPayload": AlertInfo(
        "Custom Script Extension downloads a suspicious payload", "Medium", "Execution",
        "A Custom Script Extension whose downloaded payload is suspicious or comes from a suspicious repository."),
    "VM_CustomScriptExtensionSuspiciousFailure": AlertInfo(
        "Suspicious failure of a Custom Script Extension", "Medium", "Execution",
        "A suspicious script whose Custom Script Extension run failed."),
    "VM_CustomScriptExtensionUnusualExecution": AlertInfo(
        "Unusual Custom Script Extension execution", "Medium", "Execution",
        "A Custom Script Extension run that deviates from what this subscription and caller usually do."),
    "VM_CustomScriptExtensionUnusualDeletion": AlertInfo(
        "Unusual deletion of a Custom Script Extension", "Medium", "Execution",
        "A Custom Script Extension deleted right after it ran by a caller who does not normally delete "
        "extensions (covering tracks)."),
    "VM_DSCExtensionSuspiciousScript": AlertInfo(
        "Suspicious DSC configuration script", "High", "Execution",
        "A DSC extension whose configuration script or module package is suspicious."),
    "VM_DSCExtensionSuspiciousUsage": AlertInfo(
        "Unusual DSC extension usage", "Low", "Execution",
        "DSC extension usage that deviates from the caller's and subscription's usual pattern."),
    "VM_RunCommandSuspiciousScript": AlertInfo(
        "Suspicious Run Command script", "High", "Execution",
        "A Run Command whose script has parts identified as potentially malicious."),
    "VM_RunCommandSuspiciousFailure": AlertInfo(
        "Suspicious failed Run Command", "Medium", "Execution",
        "A failed Run Command whose script is suspicious, or refused as unauthorized for a new caller."),
    "VM_RunCommandSuspiciousUsage": AlertInfo(
        "Unusual Run Command usage", "Low", "Execution",
        "Run Command usage not commonly seen before on this subscription."),
    "VM_SuspiciousMultiExtensionUsage": AlertInfo(
        "Suspicious usage of multiple extensions", "Medium", "Reconnaissance",
        "Several extensions installed by one caller across many VMs, or on one VM, in an unusual way."),
    "VM_DiskEncryptionSuspiciousUsage": AlertInfo(
        "Suspicious Azure Disk Encryption usage", "Medium", "Impact",
        "Disk encryption enabled in an unusual way: many VMs at once, an unusual caller, or a key vault "
        "outside the subscription (ransomware staging)."),
    "VM_VMAccessSuspiciousUsage": AlertInfo(
        "Unusual VMAccess usage", "Medium", "Persistence",
        "VMAccess used to reset access or manage admin users in an unusual way."),
    "VM_GPUExtensionSuspiciousFailure": AlertInfo(
        "Failed GPU driver install on a VM without a GPU", "Medium", "Impact",
        "A GPU driver extension install failed on a VM whose size has no GPU (crypto-mining staging)."),
    "VM_GPUDriverExtensionUnusualExecution": AlertInfo(
        "Unusual GPU driver extension installation", "Low", "Impact",
        "A GPU driver extension installed where the caller normally does not (cryptojacking)."),
}
_SCORE = {"Low": 100, "Medium": 300, "High": 1000}
# The payload detector forwards the payload pipeline's alerts: those are declared by the payload detections.
_FORWARDED = "payload"


def _snake(alert: str) -> str:
    """VM_RunCommandSuspiciousUsage -> run_command_suspicious_usage (catalog ids are lower case)."""
    name = alert.removeprefix("VM_").replace("GPU", "Gpu").replace("DSC", "Dsc")
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _entries() -> tuple[Heuristic, ...]:
    entries: list[Heuristic] = []
    for module in DETECTOR_MODULES:
        spec = module.DETECTOR.spec
        if spec.name == _FORWARDED:
            continue
        for alert in spec.alert_types:
            info = ALERT_INFO[alert]
            entries.append(Heuristic(
                id=f"activity.{spec.name}.{_snake(alert)}",
                title=info.display_name,
                description=f"{info.description} Evidence: {'; '.join(spec.evidence)}.",
                score=_SCORE[info.severity],
                attack=spec.techniques,
                source=DetectionSource.ACTIVITY,
                feed=Feed.CONTEXT,
                alert=alert,
            ))
    return tuple(entries)


# Every detection the activity detectors declare, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = _entries()
