"""Azure Disk Encryption, every schema."""

from __future__ import annotations

from inspector.extensions import RequestContext

from tests.extensions.samples import AAD_SECRET, OTHER_SUB, PASSPHRASE, SUB, VM_ID, plan, resource


def ade(settings, protected=None, ext_type="AzureDiskEncryption"):
    return resource({"publisher": "Microsoft.Azure.Security", "type": ext_type, "typeHandlerVersion": "2.2",
                     "settings": settings, "protectedSettings": protected or {}}, name="AzureDiskEncryption")


def vault(sub):
    return f"/subscriptions/{sub}/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-prod"


def test_key_vault_in_the_vm_subscription_is_not_flagged():
    p = plan(ade({"EncryptionOperation": "EnableEncryption", "KeyVaultURL": "https://kv-prod.vault.azure.net/",
                  "KeyVaultResourceId": vault(SUB), "VolumeType": "All"}))
    assert p.kind == "disk_encryption" and p.findings == []


def test_key_vault_in_another_subscription_and_formatting_volumes_are_flagged():
    p = plan(ade({"EncryptionOperation": "EnableEncryptionFormatAll", "KeyVaultURL": "https://kv-x.vault.azure.net/",
                  "KeyVaultResourceId": vault(OTHER_SUB), "KekVaultResourceId": vault(OTHER_SUB),
                  "KeyEncryptionKeyURL": "https://kv-x.vault.azure.net/keys/k/1", "VolumeType": "Data"}))
    assert sorted(f.id for f in p.findings) == ["structure.disk_encryption.foreign_key_vault",
                                                "structure.disk_encryption.format_volumes"]
    assert all("T1486" in f.attack for f in p.findings)


def test_vm_subscription_may_come_from_caller_context_for_a_properties_only_body():
    body = ade({"keyvaultresourceid": vault(OTHER_SUB)})["properties"]
    assert plan(body).findings == []  # no VM subscription known: nothing to compare
    p = plan(body, context=RequestContext(resource_id=VM_ID))
    assert [f.id for f in p.findings] == ["structure.disk_encryption.foreign_key_vault"]


def test_old_aad_schema_and_linux_passphrase_secrets_are_redacted():
    p = plan(ade({"AADClientID": "11111111-2222-3333-4444-555555555555", "KeyVaultURL": "https://kv.example.net/",
                  "EncryptionOperation": "EnableEncryption"},
                 {"AADClientSecret": AAD_SECRET, "Passphrase": PASSPHRASE}, ext_type="AzureDiskEncryptionForLinux"))
    assert p.kind == "disk_encryption"
    assert [f.id for f in p.findings] == ["structure.disk_encryption.non_azure_key_vault"]
    dumped = p.model_dump_json()
    assert AAD_SECRET not in dumped and PASSPHRASE not in dumped
    # key vault URLs are not payloads: nothing is fetched
    assert p.urls == []
