// AMSI and PowerShell logging bypasses.

rule amsi_utils_bypass
{
    meta:
        id = "yara.amsi_logging.amsi_utils_bypass"
        score = 600
        attack = "T1562.001"
        description = "AmsiUtils reflection (amsiInitFailed) disables AMSI"
        author = "payload-inspector"
    strings:
        $a = "AmsiUtils" ascii wide nocase
        $b = "amsiInitFailed" ascii wide nocase
    condition:
        any of them
}

rule amsi_scanbuffer_patch
{
    meta:
        id = "yara.amsi_logging.amsi_scanbuffer_patch"
        score = 500
        attack = "T1562.001"
        description = "AmsiScanBuffer located and patched in memory"
        author = "payload-inspector"
    strings:
        $scan = "AmsiScanBuffer" ascii wide nocase
        $vp = "VirtualProtect" ascii wide nocase
        $gpa = "GetProcAddress" ascii wide nocase
    condition:
        $scan and ($vp or $gpa)
}

rule etw_powershell_provider_disabled
{
    meta:
        id = "yara.amsi_logging.etw_provider_disabled"
        score = 500
        attack = "T1562.006"
        description = "PowerShell ETW provider disabled through PSEtwLogProvider / m_enabled"
        author = "payload-inspector"
    strings:
        $psetw = "PSEtwLogProvider" ascii wide nocase
        $etw = "etwProvider" ascii wide nocase
        $enabled = "m_enabled" ascii wide nocase
    condition:
        $psetw or ($etw and $enabled)
}
