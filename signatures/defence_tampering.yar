// Microsoft Defender switched off.

rule defender_realtime_disabled
{
    meta:
        id = "yara.defence_tampering.defender_realtime_disabled"
        score = 450
        attack = "T1562.001"
        description = "Set-MpPreference -DisableRealtimeMonitoring $true"
        author = "payload-inspector"
    strings:
        $mp = /Set-MpPreference[^\n]{0,200}-DisableRealtimeMonitoring\s*:?\s*(\$true|1)/ ascii wide nocase
    condition:
        $mp
}

rule defender_antispyware_policy
{
    meta:
        id = "yara.defence_tampering.defender_antispyware_policy"
        score = 400
        attack = "T1562.001"
        description = "DisableAntiSpyware policy set to 1"
        author = "payload-inspector"
    strings:
        $reg = /DisableAntiSpyware[^\n]{0,60}(\/d\s+1|-Value\s+1)/ ascii wide nocase
    condition:
        $reg
}
