"""The alert catalog (shared/alert-catalog.md) as data: every alert type the verdicts feed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["Low", "Medium", "High"]


@dataclass(frozen=True)
class AlertType:
    name: str
    tactic: str
    severity: Severity
    flags: str
    decided_by: str


ALERT_TYPES: dict[str, AlertType] = {
    a.name: a
    for a in (
        AlertType("VM_CustomScriptExtensionSuspiciousCmd", "Execution", "High",
                  "a Custom Script Extension whose command or script is suspicious",
                  "payload: commandToExecute, inline script, fetched fileUris"),
        AlertType("VM_CustomScriptExtensionSuspiciousEntryPoint", "Execution", "Medium",
                  "a Custom Script Extension whose entry point points at a suspicious GitHub repository",
                  "payload + URL and repository reputation"),
        AlertType("VM_CustomScriptExtensionSuspiciousPayload", "Execution", "Medium",
                  "a Custom Script Extension whose downloaded payload comes from a suspicious repository or is malicious",
                  "payload: fetched content + repository reputation"),
        AlertType("VM_CustomScriptExtensionSuspiciousFailure", "Execution", "Medium",
                  "a suspicious script whose Custom Script Extension run failed",
                  "payload verdict + operation status (context)"),
        AlertType("VM_CustomScriptExtensionUnusualExecution", "Execution", "Medium",
                  "a Custom Script Extension run that deviates from the usual for this principal",
                  "context: history of the principal and subscription"),
        AlertType("VM_CustomScriptExtensionUnusualDeletion", "Execution", "Medium",
                  "an unusual deletion of a Custom Script Extension (covering tracks)", "context: history"),
        AlertType("VM_DSCExtensionSuspiciousScript", "Execution", "High",
                  "a DSC extension whose configuration script or module package is suspicious",
                  "payload: configuration url/script, modules zip"),
        AlertType("VM_DSCExtensionSuspiciousUsage", "Execution", "Low",
                  "DSC extension usage that deviates from the principal's normal pattern",
                  "context: history, install counts"),
        AlertType("VM_RunCommandSuspiciousScript", "Execution", "High",
                  "a Run Command whose script has parts identified as potentially malicious",
                  "payload: script lines, scriptUri content"),
        AlertType("VM_RunCommandSuspiciousFailure", "Execution", "Medium",
                  "a failed, unauthorized-looking Run Command", "payload verdict + status + history"),
        AlertType("VM_RunCommandSuspiciousUsage", "Execution", "Low",
                  "Run Command usage not commonly seen before", "context: history"),
        AlertType("VM_SuspiciousMultiExtensionUsage", "Reconnaissance", "Medium",
                  "several monitoring / data-collection extensions used in an unusual way",
                  "context: set of extensions installed in a window"),
        AlertType("VM_DiskEncryptionSuspiciousUsage", "Impact", "Medium",
                  "unusual disk encryption extension installs (ransomware staging)",
                  "payload (ADE settings) + counts + history"),
        AlertType("VM_VMAccessSuspiciousUsage", "Persistence", "Medium",
                  "VMAccess used to reset access or manage admin users", "payload + history"),
        AlertType("VM_GPUExtensionSuspiciousFailure", "Impact", "Medium",
                  "GPU driver extension install on a VM without a GPU (crypto-mining staging)",
                  "payload (GPU driver extension) + VM size (context) + status"),
        AlertType("VM_GPUDriverExtensionUnusualExecution", "Impact", "Low",
                  "a GPU driver extension installed where the principal normally does not",
                  "payload + history"),
    )
}
