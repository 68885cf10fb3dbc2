"""Azure Disk Encryption (Windows and Linux, every schema: KEK, AAD client secret/certificate,
Linux Passphrase). No script: the risk is where the keys live and what the operation does."""

from __future__ import annotations

from urllib.parse import urlsplit

from inspector.extensions.builder import PlanBuilder
from inspector.extensions.extension import ExtensionRequest, subscription_of
from inspector.extensions.fields import as_text
from inspector.extensions.kind import KindDeclaration, request_check
from inspector.extensions.plan import ExtensionKind
from inspector.redact import redact_url

# The kind name this module declares.
DISK_ENCRYPTION = ExtensionKind("disk_encryption")

_USAGE_ALERT = "VM_DiskEncryptionSuspiciousUsage"
ADE_FOREIGN_KEY_VAULT = request_check(
    "structure.disk_encryption.foreign_key_vault",
    "Disk encryption keys held in another subscription",
    "Azure Disk Encryption uses a key vault (KeyVaultResourceId / KekVaultResourceId) in a different "
    "subscription from the VM: whoever holds that vault holds the disks (ransomware staging).",
    250,
    ("T1486",),
    alert=_USAGE_ALERT,
)
ADE_FORMAT_VOLUMES = request_check(
    "structure.disk_encryption.format_volumes",
    "Disk encryption that formats data volumes",
    "EncryptionOperation EnableEncryptionFormat / EnableEncryptionFormatAll formats the data volumes "
    "before encrypting them: their data is destroyed.",
    150,
    ("T1486", "T1561"),
    alert=_USAGE_ALERT,
)
ADE_NON_AZURE_KEY_VAULT = request_check(
    "structure.disk_encryption.non_azure_key_vault",
    "Disk encryption key vault URL outside Azure Key Vault",
    "KeyVaultURL or KeyEncryptionKeyURL does not point at an Azure Key Vault domain.",
    150,
    ("T1486",),
    alert=_USAGE_ALERT,
)
_FORMAT_OPERATIONS = frozenset({"enableencryptionformat", "enableencryptionformatall"})
# Azure Key Vault and Managed HSM domains, public and sovereign clouds.
_VAULT_SUFFIXES = (
    "vault.azure.net", "vault.azure.cn", "vault.usgovcloudapi.net", "vault.microsoftazure.de",
    "managedhsm.azure.net", "managedhsm.azure.cn", "managedhsm.usgovcloudapi.net",
)


def plan_disk_encryption(ext: ExtensionRequest, b: PlanBuilder) -> None:
    operation = as_text(_value(ext, "EncryptionOperation"))
    if operation and operation.strip().casefold() in _FORMAT_OPERATIONS:
        b.flag(ADE_FORMAT_VOLUMES, f"EncryptionOperation={operation.strip()}")
    vm_subscription = b.context.subscription_id or subscription_of(b.context.resource_id)
    for name in ("KeyVaultResourceId", "KekVaultResourceId"):
        vault_subscription = subscription_of(_value(ext, name))
        if vm_subscription and vault_subscription and vault_subscription.casefold() != vm_subscription.casefold():
            b.flag(ADE_FOREIGN_KEY_VAULT, f"{name} subscription {vault_subscription} != VM subscription {vm_subscription}")
    for name in ("KeyVaultURL", "KeyEncryptionKeyURL"):
        url = as_text(_value(ext, name))
        if url and url.strip() and not _is_key_vault(url):
            b.flag(ADE_NON_AZURE_KEY_VAULT, f"{name}={redact_url(url.strip())}")


def _value(ext: ExtensionRequest, name: str) -> object:
    field = ext.first(name)
    return None if field is None else field.value


def _is_key_vault(url: str) -> bool:
    try:
        host = (urlsplit(url.strip()).hostname or "").casefold()
    except ValueError:
        return False
    return any(host.endswith("." + suffix) for suffix in _VAULT_SUFFIXES)


KIND = KindDeclaration(
    kinds=(DISK_ENCRYPTION,),
    extensions=(
        (("microsoft.azure.security", "azurediskencryption"), DISK_ENCRYPTION),
        (("microsoft.azure.security", "azurediskencryptionforlinux"), DISK_ENCRYPTION),
    ),
    handler=plan_disk_encryption,
    checks=(ADE_FOREIGN_KEY_VAULT, ADE_FORMAT_VOLUMES, ADE_NON_AZURE_KEY_VAULT),
)
