// Fileless and hijack persistence that no setup script needs.

rule persistence_wmi_event_subscription
{
    meta:
        id = "yara.persistence.wmi_event_subscription"
        score = 500
        attack = "T1546.003"
        description = "WMI __EventFilter bound to a command-line or script consumer"
        author = "payload-inspector"
    strings:
        $filter = "__EventFilter" ascii wide nocase
        $c1 = "CommandLineEventConsumer" ascii wide nocase
        $c2 = "ActiveScriptEventConsumer" ascii wide nocase
    condition:
        $filter and any of ($c*)
}

rule persistence_accessibility_debugger
{
    meta:
        id = "yara.persistence.accessibility_debugger"
        score = 500
        attack = "T1546.008,T1546.012"
        description = "Image File Execution Options debugger on an accessibility binary (sticky keys backdoor)"
        author = "payload-inspector"
    strings:
        $ifeo = /Image File Execution Options\\(sethc|utilman|osk|magnify|narrator|displayswitch)\.exe/ ascii wide nocase
        $debugger = "Debugger" ascii wide nocase
    condition:
        $ifeo and $debugger
}

rule persistence_ld_so_preload
{
    meta:
        id = "yara.persistence.ld_so_preload"
        score = 400
        attack = "T1574.006"
        description = "Writes /etc/ld.so.preload (userland rootkit)"
        author = "payload-inspector"
    strings:
        $p = /(>|tee[^\n]{0,10})\s*\/etc\/ld\.so\.preload/ ascii wide
    condition:
        $p
}
