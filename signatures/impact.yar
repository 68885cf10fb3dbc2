// Recovery sabotage and ransom notes (shadow-copy deletion is in core_starter.yar).

rule impact_boot_recovery_disabled
{
    meta:
        id = "yara.impact.boot_recovery_disabled"
        score = 500
        attack = "T1490"
        description = "bcdedit turns off boot recovery"
        author = "payload-inspector"
    strings:
        $bcd = /bcdedit(\.exe)?[^\n]{0,40}(recoveryenabled\s+no|bootstatuspolicy\s+ignoreallfailures)/ ascii wide nocase
    condition:
        $bcd
}

rule impact_backup_catalog_deleted
{
    meta:
        id = "yara.impact.backup_catalog_deleted"
        score = 500
        attack = "T1490"
        description = "wbadmin deletes the backup catalogue or system-state backups"
        author = "payload-inspector"
    strings:
        $wb = /wbadmin(\.exe)?\s+delete\s+(catalog|systemstatebackup|backup)/ ascii wide nocase
    condition:
        $wb
}

rule impact_ransom_note
{
    meta:
        id = "yara.impact.ransom_note"
        score = 500
        attack = "T1486"
        description = "Ransom-note wording: files encrypted, pay to recover"
        author = "payload-inspector"
    strings:
        $a = /(your|all)\s+(important\s+)?files\s+(have\s+been|are|were)\s+encrypted/ ascii wide nocase
        $b = /to\s+(decrypt|recover|restore)\s+your\s+files/ ascii wide nocase
    condition:
        any of them
}
