"""VM_DiskEncryptionSuspiciousUsage: a foreign key vault at once; fan-out or an unusual caller after learning."""

from __future__ import annotations

from datetime import timedelta

from tests.activity.builders import SUB, T0, extension_write, routine, vm
from tests.activity.conftest import Ingest, types

OTHER = "/subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/x/providers/Microsoft.KeyVault/vaults/kv"
OWN = f"/subscriptions/{SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv"


def _ade(at, vault, name="vm-01", **kw):
    return extension_write(vm(name), "ade", at, settings={"EncryptionOperation": "EnableEncryption",
                                                           "KeyVaultResourceId": vault,
                                                           "KeyVaultURL": "https://kv.vault.azure.net/"}, **kw)


async def test_a_key_vault_in_another_subscription_is_raised_even_while_learning(run: Ingest):
    report = await run(routine(1) + [_ade(T0 + timedelta(hours=20), OTHER)])
    assert types(report.alerts) == ["VM_DiskEncryptionSuspiciousUsage"]
    assert report.alerts[0].severity == "High"


async def test_encryption_fanned_out_over_the_fleet(run: Ingest):
    await run(routine(14))
    burst = [_ade(T0 + timedelta(days=14, hours=2, minutes=i), OWN, name=f"vm-{i:02d}") for i in range(6)]
    report = await run(burst)
    assert types(report.alerts) == ["VM_DiskEncryptionSuspiciousUsage"]


async def test_one_vm_encrypted_with_its_own_vault_by_the_usual_admin_is_routine(run: Ingest):
    usual = [_ade(T0 + timedelta(days=d, hours=12), OWN, caller="admin@contoso.com", ip="10.1.9.9")
             for d in range(0, 14, 4)]
    await run(routine(14) + usual)
    report = await run([_ade(T0 + timedelta(days=14, hours=2), OWN, name="vm-02", caller="admin@contoso.com",
                             ip="10.1.9.9")])
    assert report.alerts == []
