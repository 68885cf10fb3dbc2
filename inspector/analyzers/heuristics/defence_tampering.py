"""Defender, firewall, SELinux and AppArmor tampering.

Turning Defender's protections off is strong evidence on its own; Linux hardening switches
(`setenforce 0`, `ufw disable`, `iptables -F`) appear in countless lab and Kubernetes setup
guides, so they are dual-use and scored low: combinations raise them.
"""

from __future__ import annotations

from inspector.stage import Heuristic
from inspector.analyzers.heuristics.patterns import Family, PatternRule

DEFENDER_DISABLE = Heuristic(
    id="heur.defence_tampering.defender_disable",
    title="Microsoft Defender protection turned off",
    description="Set-MpPreference -Disable*(Realtime/Behavior/IOAV/Script...) $true, the DisableAntiSpyware "
    "policy, or stopping the WinDefend service removes real-time protection.",
    score=450,
    attack=("T1562.001",),
)
DEFENDER_EXCLUSION = Heuristic(
    id="heur.defence_tampering.defender_exclusion",
    title="Microsoft Defender exclusion added",
    description="Add-MpPreference -ExclusionPath/-ExclusionProcess/-ExclusionExtension hides files from "
    "scanning. Some products document exclusions; paths in user-writable folders or whole drives are not.",
    score=120,
    attack=("T1562.001",),
)
DEFENDER_BROAD_EXCLUSION = Heuristic(
    id="heur.defence_tampering.defender_broad_exclusion",
    title="Defender exclusion of a whole drive or a user-writable folder",
    description="An exclusion covering C:\\, temp, ProgramData, Public or AppData, or extensions like .exe/.ps1.",
    score=300,
    attack=("T1562.001",),
)
DEFENDER_THREAT_ACTION = Heuristic(
    id="heur.defence_tampering.defender_threat_allow",
    title="Defender told to allow threats",
    description="Set-MpPreference -*ThreatDefaultAction Allow / 6 or -SubmitSamplesConsent never.",
    score=350,
    attack=("T1562.001",),
)
WINDOWS_FIREWALL_OFF = Heuristic(
    id="heur.defence_tampering.windows_firewall_off",
    title="Windows firewall turned off",
    description="netsh advfirewall set ... state off or Set-NetFirewallProfile -Enabled False disables the "
    "host firewall for whole profiles (opening one port is a rule, not this). Dual-use, like the Linux "
    "equivalent: cluster node bootstrap scripts turn it off and leave filtering to the network.",
    score=150,
    attack=("T1562.004",),
)
LINUX_FIREWALL_OFF = Heuristic(
    id="heur.defence_tampering.linux_firewall_off",
    title="Linux firewall disabled or flushed",
    description="ufw disable, systemctl stop/disable firewalld, iptables -F (dual-use: common in lab setups).",
    score=50,
    attack=("T1562.004",),
)
SELINUX_OFF = Heuristic(
    id="heur.defence_tampering.selinux_off",
    title="SELinux set permissive or disabled",
    description="setenforce 0 or SELINUX=disabled (dual-use: Kubernetes guides do it).",
    score=40,
    attack=("T1562.001",),
)
APPARMOR_OFF = Heuristic(
    id="heur.defence_tampering.apparmor_off",
    title="AppArmor stopped",
    description="systemctl stop/disable apparmor or aa-teardown removes confinement.",
    score=150,
    attack=("T1562.001",),
)
SECURITY_AGENT_REMOVAL = Heuristic(
    id="heur.defence_tampering.security_agent_removal",
    title="Security or monitoring agent removed",
    description="Uninstalling or killing cloud security agents (Defender for Endpoint mdatp, Aliyun Aegis, "
    "Tencent YunJing, OMS/Azure Monitor agents) as cryptojacking and intrusion scripts do.",
    score=350,
    attack=("T1562.001",),
)
UAC_OFF = Heuristic(
    id="heur.defence_tampering.uac_off",
    title="UAC disabled",
    description="EnableLUA = 0 or ConsentPromptBehaviorAdmin = 0 removes elevation prompts.",
    score=250,
    attack=("T1548.002",),
)

_ON = r"(?:\$true|1|\"\$true\"|'\$true')"

RULES = (
    PatternRule(
        DEFENDER_DISABLE,
        r"set-mppreference\b[^\n]{0,400}-disable(?:realtimemonitoring|behaviormonitoring|ioavprotection|scriptscanning"
        r"|intrusionpreventionsystem|blockatfirstseen|archivescanning|privacymode|antispyware|antivirus|onaccessprotection"
        r"|scanningmappednetworkdrivesforfullscan|emailscanning|removabledrivescanning)\s*:?\s*" + _ON
        + r"|disableantispyware[^\n]{0,80}(?:-value\s+|/d\s+|=\s*)[\"']?1\b"
        r"|disablerealtimemonitoring[^\n]{0,80}(?:-value\s+|/d\s+|=\s*)[\"']?1\b"
        r"|(?:sc(?:\.exe)?\s+(?:stop|delete|config)|stop-service|net\s+stop|set-service)[^\n]{0,40}\b(?:windefend|wdnissvc|sense|wdboot|wdfilter)\b"
        r"|\bmpcmdrun(?:\.exe)?\b[^\n]{0,60}-removedefinitions",
        keywords=("mppreference", "disableantispyware", "disablerealtimemonitoring", "windefend", "wdnissvc", "sense", "mpcmdrun"),
    ),
    PatternRule(
        DEFENDER_EXCLUSION,
        r"(?:add|set)-mppreference\b[^\n]{0,200}-exclusion(?:path|process|extension|ipaddress)"
        r"|\\windows defender\\exclusions\\",
        keywords=("mppreference", "exclusions"),
    ),
    PatternRule(
        DEFENDER_BROAD_EXCLUSION,
        r"(?:add|set)-mppreference\b[^\n]{0,200}-exclusion(?:path|process)\s+[\"']?(?:[a-z]:\\?[\"']?(?:\s|$|,)|\$env:(?:temp|tmp|appdata|public|programdata|systemdrive)"
        r"|[^\n]{0,40}\\(?:temp|appdata|programdata|users\\public)\b)"
        r"|(?:add|set)-mppreference\b[^\n]{0,200}-exclusionextension\s+[\"']?\.?(?:exe|ps1|dll|bat|vbs|js)\b",
        keywords=("mppreference",),
    ),
    PatternRule(
        DEFENDER_THREAT_ACTION,
        r"set-mppreference\b[^\n]{0,300}-(?:high|moderate|low|severe)threatdefaultaction\s+(?:allow|6|noaction|9)\b"
        r"|set-mppreference\b[^\n]{0,300}-submitsamplesconsent\s+(?:2|never)\b"
        r"|set-mppreference\b[^\n]{0,300}-mapsreporting\s+(?:0|disabled)\b",
        keywords=("mppreference",),
    ),
    PatternRule(
        WINDOWS_FIREWALL_OFF,
        r"netsh\s+(?:advfirewall\s+set\s+(?:allprofiles|currentprofile|domainprofile|privateprofile|publicprofile)\s+state\s+off"
        r"|firewall\s+set\s+opmode\s+(?:mode=)?disable)"
        r"|set-netfirewallprofile\b[^\n]{0,120}-enabled\s+(?:false|\$false|0)\b"
        r"|(?:sc(?:\.exe)?\s+stop|stop-service|net\s+stop)\s+[\"']?(?:mpssvc)\b",
        keywords=("netsh", "netfirewallprofile", "mpssvc"),
    ),
    PatternRule(
        LINUX_FIREWALL_OFF,
        r"\bufw\s+(?:--force\s+)?disable\b|systemctl\s+(?:stop|disable|mask)\s+(?:--now\s+)?firewalld\b"
        r"|\biptables\s+(?:-t\s+\w+\s+)?(?:-F|--flush)\b|\biptables\s+-P\s+INPUT\s+ACCEPT|\bnft\s+flush\s+ruleset",
        keywords=("ufw", "firewalld", "iptables", "nft"),
    ),
    PatternRule(
        SELINUX_OFF,
        r"\bsetenforce\s+(?:0|permissive)\b|SELINUX\s*=\s*(?:disabled|permissive)",
        keywords=("setenforce", "selinux"),
    ),
    PatternRule(
        APPARMOR_OFF,
        r"(?:systemctl|service)\s+(?:stop|disable|mask)\s+(?:--now\s+)?apparmor\b|service\s+apparmor\s+(?:stop|teardown)\b|\baa-teardown\b|apparmor=0",
        keywords=("apparmor", "aa-teardown"),
    ),
    PatternRule(
        SECURITY_AGENT_REMOVAL,
        r"(?:uninstall|remove|purge|erase)[^\n]{0,60}\b(?:mdatp|aegis|aliyun-service|yunjing|qcloud|stargate|falcon-sensor|omsagent|azuremonitoragent|cbagentd)\b"
        r"|(?:pkill|killall|kill\s+-9)[^\n]{0,60}\b(?:aliyundun|aegis_client|aliyun-service|wdavdaemon|mdatp|falcon-sensor|omsagent|cbagentd|YDService)\b"
        r"|(?:systemctl|service)\s+(?:stop|disable|mask)\s+(?:--now\s+)?(?:mdatp|aegis|falcon-sensor|cbagentd|omsagent)\b"
        r"|/usr/local/(?:aegis|qcloud)/[^\n]{0,80}uninstall|uninstall\.sh[^\n]{0,40}aegis",
        keywords=("mdatp", "aegis", "aliyun", "yunjing", "qcloud", "stargate", "falcon", "omsagent", "azuremonitoragent", "cbagentd", "ydservice", "wdavdaemon"),
    ),
    PatternRule(
        UAC_OFF,
        r"\b(?:enablelua|consentpromptbehavioradmin)\b[^\n]{0,80}(?:-value\s+|/d\s+|=\s*)[\"']?0\b",
        keywords=("enablelua", "consentpromptbehavioradmin"),
    ),
)

FAMILY = Family(name="defence_tampering", rules=RULES)
HEURISTICS = FAMILY.heuristics
