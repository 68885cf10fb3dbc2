"""Structural findings: what the shape of a request says before any script is read.

Each check is declared once here with a stable id, a modest score and ATT&CK ids; scoring
adds them to the script findings (clean < 300 <= suspicious < 1000 <= malicious), so none of
them decides a verdict alone. docs/extensions.md explains each one.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspector.model import Finding
from inspector.redact import redact_text

_SNIPPET_CHARS = 200


@dataclass(frozen=True)
class StructuralCheck:
    id: str
    title: str
    description: str
    score: int
    attack: tuple[str, ...]

    def finding(self, snippet: str | None = None) -> Finding:
        return Finding(
            id=self.id,
            source="structure",
            title=self.title,
            description=self.description,
            attack=list(self.attack),
            score=self.score,
            artifact=None,
            snippet=redact_text(snippet)[:_SNIPPET_CHARS] if snippet else None,
        )


CSE_PROTECTED_COMMAND_ONLY = StructuralCheck(
    "structure.custom_script.protected_command_only",
    "Custom Script Extension command only in protected settings",
    "The request is only protectedSettings.commandToExecute: no public command, script or file and no "
    "file to download, so the command never appears in the VM's visible configuration. Legitimate for "
    "commands holding secrets; also how attackers patch an extension to hide what it runs.",
    40,
    ("T1059", "T1564"),
)
DSC_EXTERNAL_MODULES_NO_TELEMETRY = StructuralCheck(
    "structure.dsc.external_modules_telemetry_off",
    "Old-format DSC from a non-Microsoft host with data collection disabled",
    "An old-format DSC extension loads its modules package (ModulesUrl) from a host outside Microsoft "
    "and turns data collection off (Privacy.DataCollection = Disable), the pattern of DSC abuse in "
    "public offensive tooling.",
    250,
    ("T1059.001", "T1105", "T1562"),
)
VMACCESS_USER_RESET = StructuralCheck(
    "structure.vmaccess.user_reset",
    "VMAccess creates or resets a local user",
    "VMAccess sets a password or key for a named user: the user is created if missing and gets "
    "administrator (sudo) rights.",
    200,
    ("T1098", "T1136.001"),
)
VMACCESS_SSH_KEY_ADDED = StructuralCheck(
    "structure.vmaccess.ssh_key_added",
    "VMAccess adds an SSH key",
    "VMAccess installs an SSH public key for a user (persistent remote access).",
    150,
    ("T1098.004",),
)
VMACCESS_RESET_SSH = StructuralCheck(
    "structure.vmaccess.reset_ssh",
    "VMAccess resets the SSH configuration",
    "VMAccess restores the default sshd configuration, which re-enables access settings the owner "
    "may have hardened.",
    120,
    ("T1098", "T1021.004"),
)
VMACCESS_REMOVE_PRIOR_KEYS = StructuralCheck(
    "structure.vmaccess.remove_prior_keys",
    "VMAccess removes the existing SSH keys",
    "VMAccess deletes the user's existing authorized keys: the legitimate owners lose access.",
    100,
    ("T1098.004", "T1531"),
)
VMACCESS_USER_REMOVED = StructuralCheck(
    "structure.vmaccess.user_removed",
    "VMAccess removes a user",
    "VMAccess deletes a local user account.",
    80,
    ("T1531",),
)
RUN_COMMAND_ENABLE_ADMIN = StructuralCheck(
    "structure.run_command.enable_admin_account",
    "Run Command enables the built-in Administrator",
    "The built-in EnableAdminAccount command turns on the local Administrator account.",
    250,
    ("T1098", "T1078.003"),
)
RUN_COMMAND_DISABLE_NLA = StructuralCheck(
    "structure.run_command.disable_nla",
    "Run Command disables RDP Network Level Authentication",
    "The built-in DisableNLA command lets RDP sessions start before authentication.",
    200,
    ("T1562", "T1021.001"),
)
RUN_COMMAND_ENABLE_REMOTE_PS = StructuralCheck(
    "structure.run_command.enable_remote_ps",
    "Run Command enables PowerShell remoting",
    "The built-in EnableRemotePS command opens WinRM for remote PowerShell.",
    150,
    ("T1021.006",),
)
RUN_COMMAND_SET_RDP_PORT = StructuralCheck(
    "structure.run_command.set_rdp_port",
    "Run Command changes the RDP port",
    "The built-in SetRDPPort command moves Remote Desktop to another port.",
    150,
    ("T1021.001",),
)
RUN_COMMAND_REMOVE_EXTENSION = StructuralCheck(
    "structure.run_command.remove_run_command_extension",
    "Run Command removes its own extension",
    "The built-in RemoveRunCommandWindowsExtension command deletes the Run Command extension and its "
    "logs from the VM (covering tracks).",
    200,
    ("T1070",),
)
GPU_ON_NON_GPU_SIZE = StructuralCheck(
    "structure.gpu.non_gpu_vm_size",
    "GPU driver extension on a VM size without a GPU",
    "A GPU driver extension is installed on a size outside the N series (no GPU): the staging "
    "pattern of crypto-mining (GPUExtensionSuspiciousFailure).",
    200,
    ("T1496",),
)
ADE_FOREIGN_KEY_VAULT = StructuralCheck(
    "structure.disk_encryption.foreign_key_vault",
    "Disk encryption keys held in another subscription",
    "Azure Disk Encryption uses a key vault (KeyVaultResourceId / KekVaultResourceId) in a different "
    "subscription from the VM: whoever holds that vault holds the disks (ransomware staging).",
    250,
    ("T1486",),
)
ADE_FORMAT_VOLUMES = StructuralCheck(
    "structure.disk_encryption.format_volumes",
    "Disk encryption that formats data volumes",
    "EncryptionOperation EnableEncryptionFormat / EnableEncryptionFormatAll formats the data volumes "
    "before encrypting them: their data is destroyed.",
    150,
    ("T1486", "T1561"),
)
ADE_NON_AZURE_KEY_VAULT = StructuralCheck(
    "structure.disk_encryption.non_azure_key_vault",
    "Disk encryption key vault URL outside Azure Key Vault",
    "KeyVaultURL or KeyEncryptionKeyURL does not point at an Azure Key Vault domain.",
    150,
    ("T1486",),
)
ACTIVITY_WRITE_THEN_DELETE = StructuralCheck(
    "structure.activity.write_then_delete",
    "Extension or Run Command deleted after it was written",
    "The same events carry the write and the delete of one extension or Run Command resource: the "
    "resource was removed right after it ran (covering tracks).",
    100,
    ("T1070",),
)

ALL_CHECKS: tuple[StructuralCheck, ...] = (
    CSE_PROTECTED_COMMAND_ONLY,
    DSC_EXTERNAL_MODULES_NO_TELEMETRY,
    VMACCESS_USER_RESET,
    VMACCESS_SSH_KEY_ADDED,
    VMACCESS_RESET_SSH,
    VMACCESS_REMOVE_PRIOR_KEYS,
    VMACCESS_USER_REMOVED,
    RUN_COMMAND_ENABLE_ADMIN,
    RUN_COMMAND_DISABLE_NLA,
    RUN_COMMAND_ENABLE_REMOTE_PS,
    RUN_COMMAND_SET_RDP_PORT,
    RUN_COMMAND_REMOVE_EXTENSION,
    GPU_ON_NON_GPU_SIZE,
    ADE_FOREIGN_KEY_VAULT,
    ADE_FORMAT_VOLUMES,
    ADE_NON_AZURE_KEY_VAULT,
    ACTIVITY_WRITE_THEN_DELETE,
)
