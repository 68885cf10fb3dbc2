"""Defence evasion: erasing traces, hiding windows and files, and Azure-specific cover-ups.

The Azure rules come from publicly documented Run Command abuse: scripts dropped under
C:\\WindowsAzure, the Run Command download folder deleted afterwards, and `netsh interface
portproxy` forwarding a local port to the instance metadata service to hand out tokens.
"""

from __future__ import annotations

import regex

from inspector.stage import Heuristic
from inspector.analyzers.heuristics.patterns import HIDDEN_DIR, HIDDEN_DIR_NAME, Family, PatternRule, TextView
from inspector.commands import commands_of
from inspector.commands.model import ExtractedCommand
from inspector.model import ErrorKind, Finding

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
EVENT_LOG_DISABLED = Heuristic(
    id="heur.evasion.event_log_disabled",
    title="A Windows event log disabled",
    description="wevtutil sl <log> /e:false turns one log off (dual-use: test suites toggle their own logs).",
    score=200,
    attack=("T1562.002",),
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
        r"\bhistory\s+-[cw]\b|\bunset\s+HISTFILE\b|HISTFILE\s*=\s*[\"']?/dev/null|HISTSIZE\s*=\s*[\"']?0\b"
        r"|HISTFILESIZE\s*=\s*[\"']?0\b"
        r"|(?:rm|shred|truncate)\s+[^\n]{0,40}\.(?:bash|zsh|sh)_history|>\s*~?/?[^\s]{0,30}\.bash_history|set\s+\+o\s+history"
        r"|ln\s+-sf?\s+/dev/null\s+[^\n]{0,30}\.bash_history|(?<![\"'])\bclear-history\b(?![\"'])",
        keywords=("history", "histfile", "histsize", "histfilesize"),
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
        r"|mkdir\s+(?:-p\s+)?[\"']?(?:/tmp|/var/tmp|/dev/shm|/usr/share|/var/lib|/root|/etc|/opt)" + HIDDEN_DIR_NAME
        + r"|(?:nohup|setsid)\s+[\"']?/dev/shm/\S+",
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

# The logs whose clearing erases evidence: the system's own. A log a test suite created under its own
# name is not evidence; a name held in a variable (a loop over every log) is.
_SYSTEM_LOG = regex.compile(
    r"(?i)^(?:security|system|application|setup|windows powershell|powershellcore[/\\\w-]*|microsoft-windows-[\w/ -]+"
    r"|sysmon[\w/ -]*|forwardedevents|hardwareevents|directory service|dns server|\*|all)$|[$%(]")


_CONFIRM = regex.compile(r"(?i)\s-confirm(?!:\s*\$?false)\b")


def _cleared_logs(command: ExtractedCommand, written: str) -> list[str] | None:
    """The logs `command` (`written` in the script) clears (`["*"]` for every log), or None."""
    name = command.name
    arguments = list(command.arguments)
    lowered = [a.lower() for a in arguments]
    if "-confirm" in lowered or _CONFIRM.search(written[:4096], timeout=0.05) is not None:
        return None  # asks a person at the console: not what runs unattended through an extension
    if name in ("clear-eventlog", "remove-eventlog", "limit-eventlog") or name == ".clearlog":
        logs = [a for a, low in zip(arguments, lowered) if not low.startswith("-")]
        if name == "remove-eventlog" and "-source" in lowered:
            return None
        return [part.strip() for log in logs for part in log.split(",")] or ["*"]
    if name == "wevtutil" and lowered[:1] and lowered[0] in ("cl", "clear-log"):
        return arguments[1:2] or ["*"]
    if name == "auditpol" and ("/clear" in lowered or any("/success:disable" in a for a in lowered)):
        return ["*"]
    return None


def event_log_findings(view: TextView) -> list[Finding]:
    """Event logs cleared or disabled, read from commands so a cmdlet named in a string is not a clearing."""
    cleared: ExtractedCommand | None = None
    disabled: ExtractedCommand | None = None
    try:
        for command in commands_of(view.payload, view.ctx):
            # the rest of the line as written: the parser may end an array argument early
            line_end = view.text.find("\n", command.offset, command.offset + 4096)
            logs = _cleared_logs(command, view.text[command.offset:line_end if line_end != -1 else command.offset + 4096])
            if logs and cleared is None and any(
                    _SYSTEM_LOG.search(log.strip().strip("'\""), timeout=view.ctx.regex_timeout()) for log in logs):
                cleared = command
            if command.name == "wevtutil" and command.arguments[:1] and command.arguments[0].lower() in (
                    "sl", "set-log") and any(a.lower() in ("/e:false", "/enabled:false") for a in command.arguments):
                disabled = disabled or command
    except TimeoutError:
        view.errors.append((ErrorKind.LIMIT_REGEX_TIMEOUT, f"{EVENT_LOG_CLEAR.id}: pattern timed out"))
    snippet_chars = view.ctx.limits.snippet_chars
    return [heuristic.finding(view.payload, offset=command.offset, length=command.length,
                              snippet=command.command_line, snippet_chars=snippet_chars)
            for heuristic, command in ((EVENT_LOG_CLEAR, cleared), (EVENT_LOG_DISABLED, disabled))
            if command is not None]


FAMILY = Family(name="evasion", rules=RULES, checks=(event_log_findings,))
HEURISTICS = FAMILY.heuristics + (EVENT_LOG_CLEAR, EVENT_LOG_DISABLED)
