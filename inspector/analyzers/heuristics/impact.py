"""Impact: destroying recovery options and encrypting data (ransomware staging).

Encryption itself is everyday admin work (backups with openssl/gpg); the mass-encryption
rule needs a walk over files, an encryption call and a rename or deletion of originals in
the same script.
"""

from __future__ import annotations

from inspector.stage import Heuristic
from inspector.analyzers.heuristics.patterns import Family, PatternRule

SHADOW_DELETE = Heuristic(
    id="heur.impact.shadow_copy_delete",
    title="Volume shadow copies deleted",
    description="vssadmin delete shadows, wmic shadowcopy delete or Win32_ShadowCopy removal: ransomware "
    "removes restore points before encrypting.",
    score=600,
    attack=("T1490",),
)
BACKUP_DELETE = Heuristic(
    id="heur.impact.backup_catalog_delete",
    title="Windows backups deleted",
    description="wbadmin delete catalog/systemstatebackup/backup removes the backup catalogue.",
    score=500,
    attack=("T1490",),
)
RECOVERY_OFF = Heuristic(
    id="heur.impact.recovery_disabled",
    title="Boot recovery disabled",
    description="bcdedit /set recoveryenabled no, bootstatuspolicy ignoreallfailures, or reagentc /disable.",
    score=500,
    attack=("T1490",),
)
CIPHER_WIPE = Heuristic(
    id="heur.impact.free_space_wipe",
    title="Free space wiped",
    description="cipher /w overwrites deleted data so it cannot be recovered.",
    score=200,
    attack=("T1485",),
)
MASS_ENCRYPTION = Heuristic(
    id="heur.impact.mass_encryption",
    title="Mass file encryption loop",
    description="Walks the file system, encrypts each file (AES/Rijndael/openssl enc/gpg) and renames or "
    "deletes the originals: ransomware behaviour.",
    score=600,
    attack=("T1486",),
)
RANSOM_NOTE = Heuristic(
    id="heur.impact.ransom_note",
    title="Ransom note",
    description="Text telling the victim their files are encrypted and how to pay, or a README/HOW_TO_DECRYPT "
    "file written next to the data.",
    score=500,
    attack=("T1486",),
)
SERVICE_STOP_MASS = Heuristic(
    id="heur.impact.backup_services_stopped",
    title="Backup or database services stopped",
    description="Stops Veeam, backup, VSS or SQL services, as ransomware does before encrypting "
    "(dual-use for maintenance windows).",
    score=80,
    attack=("T1489",),
)
DISK_WIPE = Heuristic(
    id="heur.impact.disk_wipe",
    title="System disk or root file system destroyed",
    description="rm -rf / --no-preserve-root or dd/shred over the OS disk (/dev/sda, /dev/nvme0n1, "
    "PhysicalDrive0).",
    score=500,
    attack=("T1485", "T1561"),
)
ENCRYPT_TOOL = Heuristic(
    id="heur.impact.encryption_tool",
    title="File encryption command",
    description="openssl enc / gpg --symmetric / AES CryptoStream (dual-use: backup encryption).",
    score=30,
    attack=("T1486",),
)

_ENCRYPT = (
    r"openssl\s+(?:enc|aes-\d{3}-\w+)\b|\bgpg\s+[^\n]{0,40}(?:-c\b|--symmetric)|\bccrypt\b|aescryptoserviceprovider|\baesmanaged\b|\[system\.security\.cryptography\.aes\]|rijndaelmanaged"
    r"|createencryptor\(|cryptostream|\bchacha20\b|\bfernet\b|\baes\.new\("
)
_WALK = r"get-childitem\b[^\n]{0,200}-recurse|\bgci\b[^\n]{0,100}-r(?:ecurse)?\b|\bdir\s+/s\b|\bfind\s+[/~$][^\n]{0,200}-type\s+f|os\.walk\(|for\s+/r\b|\bfor\s+\w+\s+in\s+\$\(find\b|enumeratefiles\([^\n]{0,80}alldirectories"
_RENAME = (
    r"rename-item\b|move-item\b|\bmv\s+[\"']?\$\{?\w+\}?[\"']?\s+[\"']?\$\{?\w+\}?[\"']?\.\w{2,12}|\.(?:locked|encrypted|enc|crypt|crypted|cry|ransom|pay2key|lockbit)\b"
    r"|remove-item\b[^\n]{0,60}\$|\brm\s+-f\s+[\"']?\$|shred\s+-u|os\.remove\(|\bdel\s+[\"']?%%?\w"
)

RULES = (
    PatternRule(
        SHADOW_DELETE,
        r"\bvssadmin(?:\.exe)?\b[^\n]{0,40}\b(?:delete\s+shadows|resize\s+shadowstorage)\b|\bwmic(?:\.exe)?\b[^\n]{0,40}shadowcopy\s+delete"
        r"|win32_shadowcopy[^\n]{0,200}(?:\.delete\(\)|remove-(?:wmiobject|ciminstance)|foreach[^\n]{0,60}delete)|(?:get-wmiobject|gwmi|get-ciminstance)\s+win32_shadowcopy\s*\|\s*(?:remove|%|foreach)"
        r"|\bdiskshadow(?:\.exe)?\b[^\n]{0,80}delete\s+shadows",
        keywords=("vssadmin", "shadowcopy", "diskshadow"),
    ),
    PatternRule(
        BACKUP_DELETE,
        r"\bwbadmin(?:\.exe)?\s+delete\s+(?:catalog|systemstatebackup|backup)\b|\bwbadmin(?:\.exe)?\s+disable\s+backup\b",
        keywords=("wbadmin",),
    ),
    PatternRule(
        RECOVERY_OFF,
        r"\bbcdedit(?:\.exe)?\b[^\n]{0,60}(?:recoveryenabled\s+(?:no|off|0)|bootstatuspolicy\s+ignoreallfailures)|\breagentc(?:\.exe)?\s+/disable\b",
        keywords=("bcdedit", "reagentc"),
    ),
    PatternRule(CIPHER_WIPE, r"\bcipher(?:\.exe)?\s+/w:", keywords=("cipher",)),
    PatternRule(
        MASS_ENCRYPTION,
        _ENCRYPT,
        keywords=("openssl", "gpg ", "ccrypt", "cryptography.aes", "aes.new", "aesmanaged", "aescryptoserviceprovider",
                  "rijndael", "encryptor", "cryptostream", "chacha20", "fernet"),
        requires=(_WALK, _RENAME),
    ),
    PatternRule(
        RANSOM_NOTE,
        r"(?:your|all)\s+(?:important\s+)?(?:files|data|documents|servers?)\s+(?:have\s+been|were|are)\s+(?:encrypted|locked|stolen)"
        r"|(?:pay|send)\s+[^\n]{0,60}(?:bitcoin|btc|monero|xmr)\b[^\n]{0,100}(?:decrypt|key|restore)"
        r"|(?:how_to_decrypt|how_to_restore|decrypt_instructions|readme_for_decrypt|restore_files|_readme_\.txt|!!!readme|recover-files)[^\n]{0,20}\.(?:txt|html?|hta)"
        r"|to\s+(?:decrypt|recover|restore)\s+your\s+files",
        keywords=("encrypted", "locked", "stolen", "bitcoin", "btc ", "monero", "xmr ", "decrypt", "restore", "recover"),
    ),
    PatternRule(
        SERVICE_STOP_MASS,
        r"(?:net\s+stop|stop-service|sc(?:\.exe)?\s+stop|taskkill\s+/f\s+/im|systemctl\s+stop)\s+[\"']?[^\n]{0,30}\b(?:veeam\w*|backupexec\w*|vss|sql(?:writer|server\w*|agent\w*)|mssql\$?\w*|acronis\w*|\w*backup\w*)\b",
        keywords=("veeam", "backup", "vss", "sql", "acronis"),
    ),
    PatternRule(
        DISK_WIPE,
        r"\brm\s+-(?:rf|fr)\s+(?:--no-preserve-root\s+)?/\s*(?:$|;|&|\*|--no-preserve-root)|--no-preserve-root"
        r"|\bdd\s+[^\n]{0,60}of=/dev/(?:sda|nvme0n1|vda|xvda)\b(?![0-9p])|\bshred\s+[^\n]{0,40}/dev/(?:sda|nvme0n1|vda)\b(?![0-9p])"
        r"|\\\\\.\\physicaldrive0|clear-disk\b[^\n]{0,60}-number\s+0\b",
        keywords=("rm", "no-preserve-root", "dd", "shred", "physicaldrive0", "clear-disk"),
    ),
    PatternRule(
        ENCRYPT_TOOL,
        _ENCRYPT,
        keywords=("openssl", "gpg ", "ccrypt", "cryptography.aes", "aes.new", "aesmanaged", "aescryptoserviceprovider",
                  "rijndael", "encryptor", "cryptostream", "chacha20", "fernet"),
    ),
)

FAMILY = Family(name="impact", rules=RULES)
HEURISTICS = FAMILY.heuristics
