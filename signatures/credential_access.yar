// Credential dumping and cloud token theft.

rule credential_lsass_comsvcs_minidump
{
    meta:
        id = "yara.credential_access.lsass_comsvcs_minidump"
        score = 600
        attack = "T1003.001"
        description = "LSASS memory dumped with comsvcs.dll MiniDump (rundll32)"
        author = "payload-inspector"
    strings:
        $minidump = /comsvcs(\.dll)?["']?\s*,?\s*#?(MiniDump|24)\b/ ascii wide nocase
    condition:
        $minidump
}

rule credential_procdump_lsass
{
    meta:
        id = "yara.credential_access.procdump_lsass"
        score = 600
        attack = "T1003.001"
        description = "procdump -ma against lsass"
        author = "payload-inspector"
    strings:
        $procdump = /procdump(64)?(\.exe)?[^\n]{0,60}\s-ma\s[^\n]{0,40}lsass/ ascii wide nocase
    condition:
        $procdump
}

rule credential_sam_hive_save
{
    meta:
        id = "yara.credential_access.sam_hive_save"
        score = 500
        attack = "T1003.002"
        description = "reg save of the SAM or SECURITY hive"
        author = "payload-inspector"
    strings:
        $save = /reg(\.exe)?\s+save\s+(hklm|hkey_local_machine)\\(sam|security)\b/ ascii wide nocase
    condition:
        $save
}

rule credential_azure_cli_token_cache
{
    meta:
        id = "yara.credential_access.azure_cli_token_cache"
        score = 300
        attack = "T1552.001"
        description = "Azure CLI token caches (accessTokens.json, msal_token_cache) referenced"
        author = "payload-inspector"
    strings:
        $a = "accessTokens.json" ascii wide nocase
        $b = "msal_token_cache" ascii wide nocase
    condition:
        any of them
}
