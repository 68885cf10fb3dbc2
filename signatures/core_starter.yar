// Starter rules every deployment has: unambiguous credential theft, recovery sabotage and
// log wiping. Family packs live beside this file, one file per family.

rule core_mimikatz
{
    meta:
        id = "yara.core.mimikatz"
        score = 600
        attack = "T1003.001"
        description = "Mimikatz credential dumping (Invoke-Mimikatz or sekurlsa:: commands)"
        author = "payload-inspector"
    strings:
        $invoke = "Invoke-Mimikatz" ascii wide nocase
        $sekurlsa = "sekurlsa::" ascii wide nocase
        $lsadump = "lsadump::" ascii wide nocase
        $dumpcreds = "-DumpCreds" ascii wide nocase
    condition:
        any of them
}

rule core_shadow_copy_deletion
{
    meta:
        id = "yara.core.shadow_copy_deletion"
        score = 500
        attack = "T1490"
        description = "Deletes volume shadow copies (ransomware preparation)"
        author = "payload-inspector"
    strings:
        $vss = /vssadmin(\.exe)?["']?\s+delete\s+shadows/ ascii wide nocase
        $wmic = /wmic(\.exe)?["']?\s+shadowcopy\s+delete/ ascii wide nocase
        $cim = /Win32_ShadowCopy[^\n]{0,120}(Delete|Remove-CimInstance)/ ascii wide nocase
    condition:
        any of them
}

rule core_event_log_clearing
{
    meta:
        id = "yara.core.event_log_clearing"
        score = 250
        attack = "T1070.001"
        description = "Clears Windows event logs (covering tracks)"
        author = "payload-inspector"
    strings:
        $wevtutil = /wevtutil(\.exe)?["']?\s+(cl|clear-log)\s/ ascii wide nocase
        $ps = /Clear-EventLog\s/ ascii wide nocase
    condition:
        any of them
}
