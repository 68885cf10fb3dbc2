"""Defence evasion: erasing traces, hiding windows and files, and Azure-specific cover-ups.

The Azure rules come from publicly documented Run Command abuse: scripts dropped under
C:\\WindowsAzure, the Run Command download folder deleted afterwards, and `netsh interface
portproxy` forwarding a local port to the instance metadata service to hand out tokens.
"""

from __future__ import annotations

from inspector.stage import Heuristic
from inspector.analyzers.heuristics.patterns import HIDDEN_DIR, Family, PatternRule

HISTORY_CLEAR = Heuristic(
    id="heur.evasion.history_clear",
    title="Shell history erased or disabled",
    description="history -c, unset HISTFILE, HISTFILE=/dev/null, HISTSIZE=0 or deleting .bash_history.",
    score=200,
    attack=("T1070.003",),
)
EVENT_LOG_CLEAR = Heuristic(
    id="heur.evasion.event_log_clear",
    title="Windows event logs cleared",
    description="wevtutil cl, Clear-EventLog, Remove-EventLog or [Diagnostics.Eventing...]::ClearLog wipe the "
    "record of what happened.",
    score=450,
    attack=("T1070.001",),
)
LINUX_LOG_WIPE = Heuristic(
    id="heur.evasion.linux_log_wipe",
    title="Linux logs wiped",
    description="Truncating or deleting auth/secure/syslog/wtmp/lastlog or the audit log.",
    score=300,
    attack=("T1070.002",),
)
JOURNAL_VACUUM = Heuristic(
    id="heur.evasion.journal_vacuum",
    title="systemd journal vacuumed",
    description="journalctl --vacuum-* / --rotate (dual-use: log maintenance).",
    score=20,
    attack=("T1070.002",),
)
TIMESTOMP = Heuristic(
    id="heur.evasion.timestomp",
    title="File timestamps forged",
    description="touch -r/-t/-d or setting CreationTime/LastWriteTime makes a planted file look old.",
    score=150,
    attack=("T1070.006",),
)
HIDDEN_WINDOW = Heuristic(
    id="heur.evasion.hidden_window",
    title="Hidden PowerShell window",
    description="-WindowStyle Hidden (or -w hidden) keeps the console out of sight (dual-use: scheduled jobs).",
    score=50,
    attack=("T1564.003",),
)
HIDDEN_DIR_EXEC = Heuristic(
    id="heur.evasion.hidden_location",
    title="Program run from a hidden or volatile directory",
    description="Runs or backgrounds a binary under /tmp/.x, /dev/shm, /var/tmp/. or another dot-directory, "
    "often with nohup/disown.",
    score=200,
    attack=("T1564.001",),
)
HIDE_FILE = Heuristic(
    id="heur.evasion.hide_or_lock_file",
    title="File hidden or made immutable",
    description="attrib +h +s or chattr +i protect a dropped file from sight or removal.",
    score=100,
    attack=("T1564.001", "T1222"),
)
SELF_DELETE = Heuristic(
    id="heur.evasion.self_delete",
    title="Script deletes itself",
    description="rm $0 / Remove-Item $MyInvocation.MyCommand.Path / del %~f0.",
    score=120,
    attack=("T1070.004",),
)
RUNCOMMAND_CLEANUP = Heuristic(
    id="heur.evasion.azure_extension_cleanup",
    title="Azure extension traces deleted",
    description="Deletes the Run Command / Custom Script Extension download or log folders "
    "(C:\\Packages\\Plugins\\Microsoft.CPlat.Core.RunCommandWindows, /var/lib/waagent/...): the script "
    "erases the copy of itself Azure keeps.",
    score=450,
    attack=("T1070.004",),
)
WINDOWSAZURE_DROP = Heuristic(
    id="heur.evasion.windowsazure_drop",
    title="File dropped under C:\\WindowsAzure",
    description="Writing scripts or binaries into C:\\WindowsAzure hides them among the agent's files.",
    score=200,
    attack=("T1036.005",),
)
IMDS_PORTPROXY = Heuristic(
    id="heur.evasion.imds_portproxy",
    title="Port proxy to the instance metadata service",
    description="netsh interface portproxy forwarding to 169.254.169.254 exposes managed-identity tokens to "
    "anyone who can reach the VM.",
    score=600,
    attack=("T1090", "T1552.005"),
)
PORTPROXY = Heuristic(
    id="heur.evasion.portproxy",
    title="netsh port proxy",
    description="netsh interface portproxy add (dual-use: relays and lab setups).",
    score=100,
    attack=("T1090",),
)
USERDATA_COMMANDS = Heuristic(
    id="heur.evasion.userdata_read",
    title="VM userData read",
    description="Reads the VM's userData from IMDS; documented abuse takes commands from it "
    "(dual-use: bootstrap scripts read it too).",
    score=60,
    attack=("T1105",),
)
INMEMORY_SHELLCODE = Heuristic(
    id="heur.evasion.shellcode_runner",
    title="Shellcode runner",
    description="VirtualAlloc/AllocHGlobal + CreateThread/Marshal.Copy/GetDelegateForFunctionPointer via "
    "Add-Type or delegates: runs raw machine code from PowerShell.",
    score=600,
    attack=("T1055", "T1620"),
)
PROCESS_MASQUERADE = Heuristic(
    id="heur.evasion.masquerade",
    title="Binary disguised as a system process",
    description="Copies or renames a download to a kernel-thread or system service name "
    "([kworker], kthreadd, systemd-journald, svchost.exe outside System32).",
    score=250,
    attack=("T1036.004", "T1036.005"),
)

RULES = (
    PatternRule(
        HISTORY_CLEAR,
        r"\bhistory\s+-[cw]\b|\bunset\s+HISTFILE\b|HISTFILE\s*=\s*/dev/null|HISTSIZE\s*=\s*0\b|HISTFILESIZE\s*=\s*0\b"
        r"|(?:rm|shred|truncate)\s+[^\n]{0,40}\.(?:bash|zsh|sh)_history|>\s*~?/?[^\s]{0,30}\.bash_history|set\s+\+o\s+history"
        r"|ln\s+-sf?\s+/dev/null\s+[^\n]{0,30}\.bash_history|clear-history\b",
        keywords=("history", "histfile", "histsize", "histfilesize"),
    ),
    PatternRule(
        EVENT_LOG_CLEAR,
        r"\bwevtutil(?:\.exe)?\s+(?:cl|clear-log)\b|\bclear-eventlog\b|\bremove-eventlog\b|eventlogsession\]::globalsession\.clearlog"
        r"|\.clearlog\(|wevtutil(?:\.exe)?\s+sl\s+\S+\s+/e:false|auditpol(?:\.exe)?\s+/clear|auditpol(?:\.exe)?\s+/set[^\n]{0,80}/success:disable",
        keywords=("wevtutil", "eventlog", "clearlog", "auditpol"),
    ),
    PatternRule(
        LINUX_LOG_WIPE,
        r"(?:rm\s+-[rf]+|shred[^\n]{0,20}|truncate\s+-s\s*0|cat\s+/dev/null\s*>|echo\s*(?:-n\s*)?(?:[\"']{2})?\s*>|:\s*>|>\s*)\s*[\"']?/var/log/(?:auth\.log|secure|syslog|messages|wtmp|btmp|lastlog|utmp|audit/audit\.log|kern\.log|\*)"
        r"|rm\s+-[rf]+\s+/var/log/?\s*(?:$|;|&)|\bauditctl\s+-D\b|systemctl\s+(?:stop|disable)\s+(?:auditd|rsyslog)\b",
        keywords=("/var/log", "auditctl", "auditd", "rsyslog"),
    ),
    PatternRule(JOURNAL_VACUUM, r"journalctl\s+[^\n]{0,40}--vacuum-(?:time|size|files)|journalctl\s+--rotate", keywords=("journalctl",)),
    PatternRule(
        TIMESTOMP,
        r"\btouch\s+(?:-\w\s+)*-(?:r|t|d)\s+\S+\s+\S+|\btouch\s+--(?:reference|date)[= ]"
        r"|\.(?:creationtime|lastwritetime|lastaccesstime)(?:utc)?\s*=\s*[^=\n]",
        keywords=("touch", "creationtime", "lastwritetime", "lastaccesstime"),
    ),
    PatternRule(
        HIDDEN_WINDOW,
        r"-w(?:i(?:n(?:d(?:o(?:w(?:s(?:t(?:y(?:l(?:e)?)?)?)?)?)?)?)?)?)?\s+(?:hidden|1)\b|windowstyle\s*=\s*[\"']?hidden|createnowindow\s*=\s*\$true",
        keywords=("hidden", "-w", "createnowindow"),
    ),
    PatternRule(
        HIDDEN_DIR_EXEC,
        r"(?:nohup|setsid|disown|exec|\./|^|[;&|]\s*)\s*[\"']?(?:/tmp|/var/tmp|/dev/shm|/run/shm|/usr/share|/var/lib|~|\$HOME|/root|/etc)?" + HIDDEN_DIR + r"\S+"
        r"|mkdir\s+(?:-p\s+)?[\"']?(?:/tmp|/var/tmp|/dev/shm|/usr/share|/var/lib|/root|/etc|/opt)/\.[A-Za-z0-9_-]{1,40}"
        r"|(?:nohup|setsid)\s+[\"']?/dev/shm/\S+",
        keywords=("/.", "nohup", "setsid", "/dev/shm"),
    ),
    PatternRule(
        HIDE_FILE,
        r"\battrib(?:\.exe)?\s+(?:[+-][hsr]\s+){0,3}\+h\b|\battrib(?:\.exe)?\s+\+s\s+\+h\b|\bchattr\s+\+[ia]+\b|\.attributes\s*=\s*[^\n]{0,40}hidden",
        keywords=("attrib", "chattr", "attributes"),
    ),
    PatternRule(
        SELF_DELETE,
        r"\brm\s+(?:-f\s+|-rf\s+)?(?:--\s+)?[\"']?\$(?:0|\{0\}|BASH_SOURCE)\b|remove-item\b[^\n]{0,60}\$myinvocation\.mycommand\.(?:path|definition)|\bdel\s+(?:/f\s+)?(?:/q\s+)?[\"']?%~f?0\b|\bremove-item\b[^\n]{0,30}\$pscommandpath",
        keywords=("$0", "${0}", "bash_source", "myinvocation", "%~", "pscommandpath"),
    ),
    PatternRule(
        RUNCOMMAND_CLEANUP,
        r"(?:remove-item|\brd\b|\brmdir\b|\bdel\b|\berase\b|\brm\b)[^\n]{0,120}(?:\\packages\\plugins\\microsoft\.(?:cplat\.core\.runcommand|compute\.customscriptextension)|/var/lib/waagent/(?:run-command|custom-script|microsoft\.(?:cplat|azure\.extensions))|\\windowsazure\\logs|/var/log/azure/(?:run-command|custom-script))",
        keywords=("\\packages\\plugins", "/var/lib/waagent", "\\windowsazure\\logs", "/var/log/azure"),
    ),
    PatternRule(
        WINDOWSAZURE_DROP,
        r"(?:out-file|set-content|add-content|copy-item|move-item|-outfile|downloadfile\([^\n]{0,200}|\bcopy\b|\bmove\b|>\s*)\s*(?:-path\s+|-filepath\s+|-destination\s+)?[\"']?c:\\windowsazure\\[^\n\"']{0,200}\.(?:ps1|bat|cmd|exe|dll|vbs|js)",
        keywords=("windowsazure",),
    ),
    PatternRule(
        IMDS_PORTPROXY,
        r"portproxy[^\n]{0,200}connectaddress\s*=\s*169\.254\.169\.254|portproxy[^\n]{0,200}169\.254\.169\.254",
        keywords=("portproxy",),
    ),
    PatternRule(PORTPROXY, r"netsh(?:\.exe)?\s+interface\s+portproxy\s+add\b", keywords=("portproxy",)),
    PatternRule(USERDATA_COMMANDS, r"/metadata/instance/compute/userdata", keywords=("userdata",)),
    PatternRule(
        INMEMORY_SHELLCODE,
        r"getdelegateforfunctionpointer",
        keywords=("getdelegateforfunctionpointer",),
        requires=(r"allochglobal|virtualalloc|marshal\]::copy",),
    ),
    PatternRule(
        INMEMORY_SHELLCODE,
        r"virtualalloc",
        keywords=("virtualalloc",),
        requires=(r"createthread|marshal\]::copy|getdelegateforfunctionpointer|callwindowproc|enumdesktopsw?|\bwaitforsingleobject\b",),
    ),
    PatternRule(
        PROCESS_MASQUERADE,
        r"(?:\bcp|\bmv|copy-item|move-item|\bcopy|-o|-O|-outfile)\s+[^\n]{0,100}(?:/\[?kworker[^\s/]*\]?|/kthreadd|/\[kthreadd\]|/systemd-journald|/dbus-daemon|/kswapd0)\b"
        r"|(?:-outfile|-o|copy-item|\bcopy)\s+[^\n]{0,60}\\(?:programdata|users\\public|appdata\\[^\n]{0,40}|windows\\temp)\\(?:svchost|lsass|csrss|winlogon|services|smss)\.exe",
        keywords=("kworker", "kthreadd", "systemd-journald", "dbus-daemon", "kswapd0", "svchost", "lsass", "csrss", "winlogon", "services.exe", "smss"),
    ),
)

FAMILY = Family(name="evasion", rules=RULES)
HEURISTICS = FAMILY.heuristics
