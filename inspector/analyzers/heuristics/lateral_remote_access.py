"""Lateral movement and remote-access tools.

Remote administration is normal (PowerShell remoting inside a domain); remote-access tools
installed silently by an extension, tunnels to the internet (ngrok, chisel, frp) and remote
process creation on other hosts are how intruders keep hands-on access.
"""

from __future__ import annotations

from inspector.stage import Heuristic
from inspector.analyzers.heuristics.patterns import Family, PatternRule

PSEXEC = Heuristic(
    id="heur.lateral.psexec",
    title="PsExec-style remote execution",
    description="psexec \\\\host, PAExec, or impacket psexec/wmiexec/smbexec against other machines.",
    score=300,
    attack=("T1569.002", "T1021.002"),
)
WMI_REMOTE = Heuristic(
    id="heur.lateral.wmi_remote_process",
    title="Remote process creation via WMI",
    description="wmic /node:... process call create or Invoke-WmiMethod/Invoke-CimMethod Win32_Process Create "
    "on another computer.",
    score=350,
    attack=("T1047",),
)
PS_REMOTING = Heuristic(
    id="heur.lateral.ps_remoting",
    title="PowerShell remoting to other computers",
    description="Invoke-Command -ComputerName / Enter-PSSession / New-PSSession (dual-use: domain admin).",
    score=40,
    attack=("T1021.006",),
)
RAT_INSTALL = Heuristic(
    id="heur.lateral.remote_access_tool",
    title="Remote-access tool installed",
    description="Silent install or unattended-password setup of AnyDesk, TeamViewer, ScreenConnect/ConnectWise, "
    "Atera, RustDesk, Splashtop, MeshAgent, NetSupport, Tactical RMM or similar.",
    score=300,
    attack=("T1219",),
)
TUNNEL = Heuristic(
    id="heur.lateral.tunnel",
    title="Reverse tunnel to the internet",
    description="ngrok, chisel, frp (frpc/frps), gsocket, cloudflared quick tunnels, plink/ssh -R: expose the VM "
    "behind any firewall.",
    score=400,
    attack=("T1572", "T1090"),
)
SSH_REVERSE = Heuristic(
    id="heur.lateral.ssh_reverse_forward",
    title="SSH remote port forward",
    description="ssh -R opens a listening port on another host back into this VM (dual-use: support).",
    score=100,
    attack=("T1572",),
)
RDP_ENABLE = Heuristic(
    id="heur.lateral.rdp_enabled",
    title="RDP enabled",
    description="fDenyTSConnections = 0 or the Remote Desktop firewall group enabled (dual-use: admin access).",
    score=60,
    attack=("T1021.001",),
)
RDP_WEAKEN = Heuristic(
    id="heur.lateral.rdp_weakened",
    title="RDP security weakened",
    description="Network Level Authentication turned off, or RDP shadowing without consent / restricted admin enabled.",
    score=200,
    attack=("T1021.001", "T1112"),
)
AD_RECON = Heuristic(
    id="heur.lateral.ad_recon",
    title="Active Directory reconnaissance tool",
    description="SharpHound/BloodHound, AdFind, PowerView, or nltest trust discovery.",
    score=350,
    attack=("T1087.002", "T1482"),
)
OFFENSIVE_FRAMEWORK = Heuristic(
    id="heur.lateral.offensive_framework",
    title="Offensive framework",
    description="PowerSploit, Empire, Nishang, Cobalt Strike beacon, Sliver or Metasploit modules referenced.",
    score=500,
    attack=("T1059.001",),
)

RULES = (
    PatternRule(
        PSEXEC,
        r"\b(?:psexec|psexec64|paexec)(?:\.exe)?\b[^\n]{0,120}\\\\[A-Za-z0-9.\-*]+|\b(?:psexec|wmiexec|smbexec|atexec|dcomexec)\.py\b"
        r"|\b(?:psexec|psexec64)(?:\.exe)?\b[^\n]{0,80}-accepteula[^\n]{0,80}\s-s\b|invoke-psexec|invoke-smbexec|invoke-wmiexec",
        keywords=("psexec", "paexec", "wmiexec", "smbexec", "atexec", "dcomexec"),
    ),
    PatternRule(
        WMI_REMOTE,
        r"\bwmic(?:\.exe)?\s+[^\n]{0,40}/node:[^\n]{0,200}process\s+call\s+create"
        r"|invoke-(?:wmimethod|cimmethod)\b[^\n]{0,200}-computername\b[^\n]{0,200}(?:win32_process|create)"
        r"|invoke-(?:wmimethod|cimmethod)\b[^\n]{0,200}win32_process[^\n]{0,200}-computername\b",
        keywords=("wmic", "wmimethod", "cimmethod"),
    ),
    PatternRule(
        PS_REMOTING,
        r"invoke-command\b[^\n]{0,200}-computername\b|\benter-pssession\b|\bnew-pssession\b[^\n]{0,100}-computername",
        keywords=("invoke-command", "pssession"),
    ),
    PatternRule(
        RAT_INSTALL,
        r"\banydesk(?:\.exe)?[\"']?\s+[^\n]{0,80}--(?:install|silent|set-password|start-with-win)|--set-password[^\n]{0,80}anydesk|anydesk[^\n]{0,200}--set-password"
        r"|teamviewer[^\n]{0,40}(?:_setup|full|host)?[^\n]{0,40}\.(?:exe|msi)[\"']?\s+[^\n]{0,40}(?:/S\b|/qn\b)[^\n]{0,200}(?:apitoken|customconfigid|assignment)"
        r"|\b(?:screenconnect|connectwisecontrol)[^\n]{0,200}(?:\.msi|\.exe|/qn|install)|\bateraagent(?:setup)?\b|atera[^\n]{0,80}integratorlogin"
        r"|\brustdesk(?:\.exe)?[\"']?\s+[^\n]{0,40}--(?:silent-install|install-service|password|config)|\brustdesk\b[^\n]{0,120}(?:install|\.deb|\.rpm)"
        r"|\bmeshagent(?:64)?(?:\.exe)?\b[^\n]{0,80}-(?:fullinstall|install)|\bsplashtop[^\n]{0,80}(?:/s\b|deploy)|\bnetsupport\b[^\n]{0,80}client32|\bclient32\.exe\b"
        r"|tacticalrmm|\bsimplehelp\b|\bremoteutilities\b|\bdwagent\b",
        keywords=("anydesk", "teamviewer", "screenconnect", "connectwise", "atera", "rustdesk", "meshagent", "splashtop", "netsupport", "client32", "tacticalrmm", "simplehelp", "remoteutilities", "dwagent"),
    ),
    PatternRule(
        TUNNEL,
        r"\bngrok(?:\.exe)?\s+(?:tcp|http|tls|start|authtoken|config\s+add-authtoken)\b|\bchisel(?:\.exe)?\s+(?:client|server)\b|\bfrp[cs](?:\.exe)?\b[^\n]{0,60}(?:-c\b|\.ini|\.toml)"
        r"|\bgs-netcat\b|gsocket\.io|\bgs-sftp\b|\bcloudflared(?:\.exe)?\s+tunnel\s+--url\b|\bplink(?:\.exe)?\b[^\n]{0,200}\s-R\s|\b(?:bore|localtunnel|lt)\s+(?:local|--port)\s+\d+|\bsshx\b|\btmate\b",
        keywords=("ngrok", "chisel", "frpc", "frps", "gs-netcat", "gsocket", "gs-sftp", "cloudflared", "plink", "bore", "localtunnel", "sshx", "tmate"),
    ),
    PatternRule(SSH_REVERSE, r"\bssh\s+[^\n]{0,100}-[A-Za-z]*R\s*\d", keywords=("ssh",)),
    PatternRule(
        RDP_ENABLE,
        r"fdenytsconnections[^\n]{0,80}(?:-value\s+|/d\s+|=\s*)[\"']?0\b|enable-netfirewallrule\s+-displaygroup\s+[\"']?remote desktop|netsh\s+advfirewall\s+firewall\s+set\s+rule\s+group\s*=\s*[\"']?remote desktop[\"']?\s+new\s+enable\s*=\s*yes",
        keywords=("fdenytsconnections", "remote desktop"),
    ),
    PatternRule(
        RDP_WEAKEN,
        r"\buserauthentication\b[^\n]{0,80}(?:-value\s+|/d\s+|=\s*)[\"']?0\b|\bdisablerestrictedadmin\b[^\n]{0,80}(?:-value\s+|/d\s+|=\s*)[\"']?0\b"
        r"|\bshadow\b[^\n]{0,60}(?:-value\s+|/d\s+|=\s*)[\"']?2\b[^\n]{0,80}terminal services|terminal services[^\n]{0,120}\bshadow\b[^\n]{0,40}(?:-value\s+|/d\s+)[\"']?2\b",
        keywords=("userauthentication", "disablerestrictedadmin", "shadow"),
    ),
    PatternRule(
        AD_RECON,
        r"\bsharphound(?:\.exe|\.ps1)?\b|invoke-bloodhound|\badfind(?:\.exe)?\b|\bpowerview(?:\.ps1)?\b|get-netdomaintrust|get-domaincomputer|\bnltest(?:\.exe)?\s+/(?:domain_trusts|dclist)\b",
        keywords=("sharphound", "bloodhound", "adfind", "powerview", "netdomaintrust", "domaincomputer", "nltest"),
    ),
    PatternRule(
        OFFENSIVE_FRAMEWORK,
        r"\bpowersploit\b|\bnishang\b|empireproject|\bpowershell\s+empire\b|\binvoke-empire\b|\bcobaltstrike\b|\bbeacon\.(?:exe|dll|ps1)\b|\bsliver-(?:client|server)\b|\binvoke-shellcode\b|invoke-reflectivepeinjection",
        keywords=("powersploit", "nishang", "empire", "cobaltstrike", "beacon.", "sliver-", "invoke-shellcode", "reflectivepeinjection"),
    ),
)

FAMILY = Family(name="lateral_remote_access", rules=RULES)
HEURISTICS = FAMILY.heuristics
