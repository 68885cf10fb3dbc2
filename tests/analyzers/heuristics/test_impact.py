"""Impact: recovery sabotage, mass encryption and ransom notes; backups and cleanup are not."""

from __future__ import annotations

import pytest

from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import ids, score

PS = ArtifactType.POWERSHELL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vssadmin delete shadows /all /quiet", "heur.impact.shadow_copy_delete"),
        ("wmic shadowcopy delete", "heur.impact.shadow_copy_delete"),
        ("bcdedit /set {default} recoveryenabled No", "heur.impact.recovery_disabled"),
        ("wbadmin delete catalog -quiet", "heur.impact.backup_catalog_delete"),
        ("Your files have been encrypted. Pay 1 BTC to restore them.", "heur.impact.ransom_note"),
        ("reagentc /disable", "heur.impact.recovery_disabled"),
        ("rm -rf / --no-preserve-root", "heur.impact.disk_wipe"),
        ("dd if=/dev/urandom of=/dev/sda bs=1M", "heur.impact.disk_wipe"),
        ("Get-ChildItem D:\\ -Recurse -Include *.docx | ForEach-Object { $e = $aes.CreateEncryptor()\n"
         "Rename-Item $_.FullName ($_.Name + '.locked') }", "heur.impact.mass_encryption"),
    ],
)
def test_strong_behaviour_is_suspicious_alone(text: str, expected: str) -> None:
    assert expected in ids(text, PS)
    assert score(text, PS) >= 300


@pytest.mark.parametrize(
    "text",
    [
        "Initialize-Disk -Number 2 -PartitionStyle GPT -PassThru | New-Partition -UseMaximumSize | Format-Volume",
        "mkfs.ext4 -F /dev/sdc1 && mount /dev/sdc1 /datadrive",
        "dd if=/dev/zero of=/dev/sdc bs=1M count=10 && parted /dev/sdc --script mklabel gpt",
        "net stop MSSQLSERVER && sqlcmd -Q \"DBCC CHECKDB\" && net start MSSQLSERVER",
        "openssl enc -aes-256-cbc -pbkdf2 -in db.sql.gz -out db.sql.gz.enc -pass file:/etc/backup/pass",
        "Get-ChildItem C:\\inetpub\\logs -Recurse | Where-Object LastWriteTime -lt $limit | Remove-Item",
    ],
)
def test_admin_configuration_is_not_suspicious(text: str) -> None:
    assert score(text, PS) < 300


def test_mass_encryption_needs_a_walk_an_encryption_and_renaming() -> None:
    loop = (
        "find /home -type f | while read f; do\n"
        '  openssl enc -aes-256-cbc -pass pass:k -in "$f" -out "$f.locked" && rm -f "$f"\ndone'
    )
    assert "heur.impact.mass_encryption" in ids(loop)
    assert "heur.impact.mass_encryption" not in ids("openssl enc -aes-256-cbc -in a.tgz -out a.tgz.enc")
