"""Windows behaviours read from extracted commands: what a program is asked to do with which
arguments, whatever the spelling, the quoting or the variable the argument came from.

Each rule names the programs that perform the behaviour (a writer for a startup-folder
drop, an uploader for a webhook exfiltration, ...) and what their arguments must show. A
program named in an argument that is only read, listed or tested is not the behaviour.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from urllib.parse import urlsplit

import regex

from inspector.analyzers.heuristics.commands import downloaded_file, normalised_path, started_file
from inspector.analyzers.heuristics.intel import builtin_intel
from inspector.analyzers.heuristics.patterns import CommandHits, Family, ProgramIndex, TextView
from inspector.analyzers.heuristics.registry_writes import PROFILER
from inspector.commands import commands_of
from inspector.commands.model import ExtractedCommand, Shell, base_name
from inspector.commands.powershell import bind_parameters
from inspector.model import ErrorKind, Finding
from inspector.stage import Heuristic


def _heuristic(suffix: str, title: str, description: str, score: int, attack: tuple[str, ...]) -> Heuristic:
    return Heuristic(id="heur.windows." + suffix, title=title, description=description, score=score, attack=attack)


CRADLE = _heuristic(
    "download_cradle_executed", "Downloaded text executed in memory",
    "A download whose result is never saved (WebClient.DownloadString/DownloadData, Invoke-WebRequest or "
    "Invoke-RestMethod without -OutFile) is passed to Invoke-Expression or [scriptblock]::Create, or piped into "
    "iex: remote code run without touching the disk.", 400, ("T1059.001", "T1105"))
DOWNLOAD_RUN_USER_DIR = _heuristic(
    "download_run_user_folder", "Program downloaded into a user-writable folder and started",
    "The downloaded-then-started file was saved in Temp, AppData, Public, ProgramData or Downloads: where "
    "droppers stage their payload (installers run from there too, so only with the start that follows, and "
    "never from a vendor's installer host).",
    200, ("T1105", "T1204.002"))
STARTUP_FOLDER = _heuristic(
    "startup_folder_write", "File written to a Startup folder",
    "A copy, shortcut or file write into Start Menu\\Programs\\Startup (per user or all users): it runs at the "
    "next logon.", 350, ("T1547.001",))
PROFILE_CODE = _heuristic(
    "powershell_profile_code", "Code that starts programs appended to a PowerShell profile",
    "Add-Content/Set-Content/Out-File into $PROFILE or a profile.ps1 with a command that starts a process, "
    "downloads or evaluates code: it runs in every new PowerShell session.", 300, ("T1546.013",))
BROWSER_SECRETS = _heuristic(
    "browser_secret_store", "Browser password or cookie store accessed",
    "A command copies or reads Chrome/Edge/Brave/Opera 'Login Data', 'Cookies', 'Local State' or Firefox "
    "logins.json/key4.db/cookies.sqlite: the files credential stealers take.", 350, ("T1555.003", "T1539"))
KERBEROAST = _heuristic(
    "kerberos_ticket_request", "Kerberos service tickets requested from PowerShell",
    "KerberosRequestorSecurityToken objects created for service principal names: the tickets kerberoasting "
    "cracks offline.", 400, ("T1558.003",))
LAPS_READ = _heuristic(
    "laps_password_read", "LAPS password attribute read",
    "A query names ms-Mcs-AdmPwd or msLAPS-Password: the local administrator passwords LAPS stores in the "
    "directory.", 300, ("T1552", "T1087.002"))
REMOTE_ACCESS_TOOL = _heuristic(
    "remote_access_tool", "Remote access software downloaded or started",
    "A command downloads or starts AnyDesk, TeamViewer, RustDesk, ScreenConnect, NetSupport, Ammyy, "
    "UltraViewer, VNC, Splashtop, RemotePC, Atera, MeshAgent or similar: an interactive backdoor with a "
    "legitimate signature.", 300, ("T1219",))
WEBHOOK_EXFIL = _heuristic(
    "webhook_upload", "Data posted to a chat webhook or paste service",
    "An upload (POST/PUT body, -InFile, curl -F/-d/-T, WebClient.Upload*) to a Discord, Slack, Teams or "
    "Telegram webhook or a paste/transfer service.", 350, ("T1567.004", "T1567"))
RCLONE = _heuristic(
    "rclone_transfer", "rclone copies data to a remote",
    "rclone copy/sync/move to a configured remote: bulk exfiltration to cloud storage.", 300, ("T1567.002",))
DCOM_LATERAL = _heuristic(
    "dcom_execution", "Command run through a DCOM object",
    "MMC20.Application ExecuteShellCommand, ShellWindows/ShellBrowserWindow ShellExecute, Excel DDE or a COM "
    "type created for another host: lateral movement through DCOM.", 400, ("T1021.003",))
ADMIN_SHARE = _heuristic(
    "admin_share_mapped", "Administrative share of a host mapped",
    "New-PSDrive or net use mounts \\\\host\\C$ or \\\\host\\ADMIN$: the share tools use to copy a payload "
    "to another machine.", 300, ("T1021.002",))
ALTERNATE_STREAM = _heuristic(
    "alternate_data_stream_write", "Data written to an NTFS alternate data stream",
    "Set-Content/Add-Content/Out-File -Stream or a `file:stream` path written: content hidden from directory "
    "listings (dual-use, Zone.Identifier excluded).", 100, ("T1564.004",))
INBOX_RULE = _heuristic(
    "mailbox_hiding_rule", "Inbox rule that deletes or moves mail",
    "New-InboxRule/Set-InboxRule with DeleteMessage, MoveToFolder or MarkAsRead: mail hidden from its "
    "owner.", 300, ("T1564.008",))
ROOT_CA = _heuristic(
    "root_certificate_added", "Certificate added to the trusted root store",
    "Import-Certificate into Cert:\\...\\Root or certutil -addstore root: traffic or code signed by that "
    "authority is trusted (dual-use: enterprise CAs are installed this way).", 100, ("T1553.004",))
CAPTURE = _heuristic(
    "packet_capture", "Network traffic captured",
    "pktmon start, netsh trace with capture=yes, New-NetEventSession or a capture tool: sniffing on the host.",
    250, ("T1040",))
DISCOVERY_BURST = _heuristic(
    "discovery_burst", "Many discovery commands in one script",
    "Six or more different discovery commands (accounts, groups, domain controllers, sessions, network, "
    "security products) in one script: the reconnaissance that follows a foothold.", 300,
    ("T1087", "T1082", "T1016", "T1069"))
AD_RECON_FILTER = _heuristic(
    "ad_recon_filter", "Directory searched for attack paths",
    "An LDAP filter or AD query for unconstrained delegation, service principal names or admincount: the "
    "accounts an attacker targets next.", 300, ("T1087.002", "T1069.002"))

FIREWALL_ALLOW_USER_PROGRAM = _heuristic(
    "firewall_allows_user_program", "Firewall rule lets a program from a user folder through",
    "netsh advfirewall / New-NetFirewallRule allows a program under Users, Temp, AppData or ProgramData: "
    "installed software lives in Program Files.", 300, ("T1562.004",))
WMI_PROCESS = _heuristic(
    "wmi_process_create", "Process started through WMI",
    "Win32_Process Create through Invoke-CimMethod, Invoke-WmiMethod or wmic: a process whose parent is the "
    "WMI provider host, locally or on another machine.", 300, ("T1047", "T1546"))
SYSTEM_NAME_ELSEWHERE = _heuristic(
    "system_binary_name_elsewhere", "Program with a Windows system name started outside System32",
    "A program named like svchost, lsass, csrss, cmd or rundll32 is copied, built or started from a "
    "user-writable folder (Temp, AppData, ProgramData, Public, a profile): masquerading as the real one.", 300, ("T1036.005", "T1036.003"))

OFFENSIVE_TOOL = _heuristic(
    "offensive_tool_run", "Publicly known offensive tool run or loaded",
    "A command starts, imports or evaluates a program or script named like a public attack tool (credential "
    "dumpers and browser password viewers, Kerberos and AD attack tools, coercion tools, Evil-WinRM, "
    "impacket scripts, privilege-escalation scanners).", 350, ("T1588.002", "T1003", "T1087.002", "T1187"))

AUTOSTART_FILE = _heuristic(
    "autostart_file_write", "File written where Windows or an interpreter runs it by itself",
    "A write into C:\\Windows\\Setup\\Scripts (ErrorHandler.cmd, SetupComplete.cmd), AppPatch\\Custom shim "
    "databases, Python .pth/usercustomize/sitecustomize files, or Windows Terminal's settings.json; or sdbinst "
    "installing a shim database.", 350, ("T1546.011", "T1546.018", "T1546"))

HEURISTICS: tuple[Heuristic, ...] = (
    AUTOSTART_FILE, OFFENSIVE_TOOL, FIREWALL_ALLOW_USER_PROGRAM, WMI_PROCESS, SYSTEM_NAME_ELSEWHERE,
    CRADLE, DOWNLOAD_RUN_USER_DIR, STARTUP_FOLDER, PROFILE_CODE, BROWSER_SECRETS, KERBEROAST, LAPS_READ,
    REMOTE_ACCESS_TOOL, WEBHOOK_EXFIL, RCLONE, DCOM_LATERAL, ADMIN_SHARE, ALTERNATE_STREAM, INBOX_RULE,
    ROOT_CA, CAPTURE, DISCOVERY_BURST, AD_RECON_FILTER, PROFILER,
)

_WRITERS = frozenset({
    "copy-item", "move-item", "new-item", "set-content", "add-content", "out-file", "tee-object", ".createshortcut",
    "copy", "move", "xcopy", "robocopy", "mklink", "cp", "mv", ".copy", ".move", ".writealltext", ".writeallbytes",
    ".appendalltext", ".writealllines", "invoke-webrequest", ".downloadfile", "echo", "write-output", "type",
    "set-variable",
})


# Commands that print or raise their arguments: a behaviour named in a message is not performed.
_PRINTERS = frozenset({"write-host", "write-output", "write-verbose", "write-warning", "write-error", "write-debug",
                       "write-information", "write-progress", "echo", "throw", "out-host"})


@dataclass(frozen=True)
class ArgumentRule:
    """`heuristic` when one of `programs` (None: any) is called with arguments matching `pattern`."""

    heuristic: Heuristic
    programs: frozenset[str] | None
    pattern: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "_compiled", regex.compile(self.pattern, regex.IGNORECASE))

    def matches(self, command: ExtractedCommand, joined: str, timeout: float) -> bool:
        if self.programs is None and command.name in _PRINTERS:
            return False
        if self.programs is not None and command.name not in self.programs:
            return False
        return self._compiled.search(joined, timeout=timeout) is not None  # type: ignore[attr-defined]


_USER_PATH = r"(?:[a-z]:)?[^\s\"']*(?:\\users\\|\$env:(?:temp|tmp|appdata|localappdata|public|userprofile|username)|" \
    r"%(?:temp|tmp|appdata|localappdata|public|userprofile|username)%|\\programdata\\|\\windows\\temp\\)"
_STARTS = r"start-process|invoke-expression|\biex\b|downloadstring|downloadfile|invoke-webrequest|\biwr\b|\birm\b" \
    r"|-e(?:nc(?:odedcommand)?)?\s+[a-z0-9+/]{20}|-w(?:indowstyle)?\s+h|\.exe\b|https?://|frombase64string|\bcalc\b"

ARGUMENT_RULES: tuple[ArgumentRule, ...] = (
    ArgumentRule(STARTUP_FOLDER, _WRITERS, r"\\start menu\\programs\\startup(?:\\|$|\s)|shell:(?:common )?startup"),
    ArgumentRule(AUTOSTART_FILE, _WRITERS,
                 r"\\windows\\setup\\scripts\\|\\apppatch\\custom\\|\\site-packages\\[^\s\\]{1,80}\.pth\b"
                 r"|(?:user|site)customize\.py\b|microsoft\.windowsterminal_[^\\]{1,40}\\localstate\\settings\.json"),
    ArgumentRule(AUTOSTART_FILE, frozenset({"sdbinst"}), r"\.sdb\b"),
    ArgumentRule(PROFILE_CODE, frozenset({"add-content", "set-content", "out-file", ".appendalltext", ".writealltext"}),
                 r"(?:\$profile\b|\\profile\.ps1\b|_profile\.ps1\b)[^\n]*(?:" + _STARTS + r")"),
    ArgumentRule(BROWSER_SECRETS, None,
                 r"\\(?:chrome|edge|brave-browser|chromium|vivaldi)\\user data\\[^\n]{0,80}(?:login data|cookies|"
                 r"local state|web data)|\\opera software\\[^\n]{0,80}(?:login data|cookies)"
                 r"|\\firefox\\profiles\\[^\n]{0,120}(?:logins\.json|key[34]\.db|cookies\.sqlite|signons\.sqlite)"),
    ArgumentRule(BROWSER_SECRETS, frozenset({"copy-item", "compress-archive", "copy", "xcopy", "robocopy", "move-item",
                                             "cp", "tar", "7z", "rar"}),
                 r"\\(?:mozilla\\firefox\\profiles|(?:google\\chrome|microsoft\\edge|bravesoftware\\brave-browser)"
                 r"\\user data(?:\\default)?)\\?(?:\s|$)"),
    ArgumentRule(KERBEROAST, None, r"kerberosrequestorsecuritytoken"),
    ArgumentRule(LAPS_READ, None, r"ms-mcs-admpwd|mslaps-(?:encrypted)?password"),
    ArgumentRule(RCLONE, frozenset({"rclone"}), r"^(?:copy|sync|move|copyto|moveto)\b.*\s[\w.-]{2,40}:(?![\\/])\S*(?:\s|$)"),
    ArgumentRule(DCOM_LATERAL, frozenset({".executeshellcommand", ".ddeinitiate", ".registerxll"}), r""),
    ArgumentRule(DCOM_LATERAL, frozenset({".gettypefromprogid", ".gettypefromclsid"}),
                 r"mmc20\.application|shellwindows|shellbrowserwindow|excel\.application|outlook\.application"
                 r"|9ba05972-f6a8-11cf-a442-00a0c90a8f39|c08afd90-f2a1-11d1-8455-00a0c91f3880|49b2791a-b1ae-4c90-9b8e-e860ba07f889"),
    # `net use` is windows_programs.py's (admin_share, weighed with its credentials and output).
    ArgumentRule(ADMIN_SHARE, frozenset({"new-psdrive", "new-smbmapping"}),
                 r"\\\\(?!localhost\\|127\.0\.0\.1\\)[^\\\s]{1,255}\\(?:[a-z]\$|admin\$)"),
    ArgumentRule(ALTERNATE_STREAM, frozenset({"set-content", "add-content", "out-file"}),
                 r"-stream\s+(?!zone\.identifier\b)\S"),
    ArgumentRule(INBOX_RULE, frozenset({"new-inboxrule", "set-inboxrule", "new-transportrule"}),
                 r"-(?:deletemessage|movetofolder|markasread|softdeletemessage|redirectto|forwardto)\b"),
    ArgumentRule(ROOT_CA, frozenset({"import-certificate", "certutil", "import-pfxcertificate", "move-item", "copy-item"}),
                 r"cert:\\(?:localmachine|currentuser)\\(?:authroot|root)\b|-addstore\s+(?:-f\s+)?[\"']?(?:auth)?root\b"),
    ArgumentRule(FIREWALL_ALLOW_USER_PROGRAM, frozenset({"netsh"}),
                 r"firewall\s+add\s+(?:allowedprogram|rule)\b.*\bprogram\s*=\s*[\"']?" + _USER_PATH),
    ArgumentRule(FIREWALL_ALLOW_USER_PROGRAM, frozenset({"new-netfirewallrule", "set-netfirewallrule"}),
                 r"-program\s+[\"']?" + _USER_PATH),
    ArgumentRule(WMI_PROCESS, frozenset({"invoke-cimmethod", "invoke-wmimethod"}), r"win32_process\b.*\bcreate\b|"
                 r"\bcreate\b.*win32_process\b"),
    ArgumentRule(WMI_PROCESS, frozenset({"wmic"}), r"\bprocess\s+call\s+create\b"),
    # Native capture programs (netsh trace, pktmon, tshark...) are windows_programs.py's.
    ArgumentRule(CAPTURE, frozenset({"new-neteventsession", "add-neteventpacketcaptureprovider"}), r""),
    ArgumentRule(AD_RECON_FILTER, None,
                 r"1\.2\.840\.113556\.1\.4\.803:=524288|trustedfordelegation|msds-allowedtodelegateto"
                 r"|\(admincount=1\)|\(serviceprincipalname=\*\)|doesnotrequirepreauth|4194304\)"),
    ArgumentRule(PROFILER, frozenset({".setenvironmentvariable"}), r"^(?:cor_|coreclr_)(?:profiler|enable_profiling)"),
)

_REMOTE_ACCESS = regex.compile(
    r"(?i)(?:^|[\\/_.-])(?:anydesk|teamviewer(?:_setup|qs)?|rustdesk|screenconnect[\w.-]*|connectwisecontrol[\w.-]*"
    r"|logmein[\w.-]*|gotoassist[\w.-]*|ammyy[\w.-]*|aa_v3|netsupport[\w.-]*|client32|ultraviewer[\w.-]*|winvnc"
    r"|ultravnc[\w.-]*|tightvnc[\w.-]*|tvnserver|remotepc[\w.-]*|splashtop[\w.-]*|srserver|strwinclt|msp360[\w.-]*"
    r"|quickassist(?:_\w+!app)?|atera[\w.-]*|meshagent[\w.-]*|tacticalrmm[\w.-]*|simplehelp[\w.-]*|radmin[\w.-]*|dwagent[\w.-]*"
    r"|supremo[\w.-]*|remoteutilities[\w.-]*|rutserv|zohoassist[\w.-]*|level(?:-remote)?-?agent|vncviewer|vncserver"
    r"|rustdesk[\w.-]*)(?:\.exe|\.msi)?$")
_WEBHOOK = regex.compile(
    r"(?i)^https?://(?:[\w-]+\.)*(?:discord(?:app)?\.com/api/webhooks/|hooks\.slack\.com/|[\w-]+\.webhook\.office\.com/"
    r"|api\.telegram\.org/bot|webhook\.site/|[\w-]+\.pipedream\.net|[\w-]+\.requestcatcher\.com|transfer\.sh/"
    r"|pastebin\.com/api|file\.io|paste\.ee/)")
_UPLOAD_PARAMETERS = ("infile", "body", "form")
_USER_FOLDERS = ("$env:temp", "$env:tmp", "$env:appdata", "$env:localappdata", "$env:public", "$env:programdata",
                 "\\appdata\\", "\\temp\\", "\\users\\public\\", "\\programdata\\", "\\downloads\\", "%temp%",
                 "%appdata%", "%localappdata%", "%public%", "%programdata%", "$env:allusersprofile", "%allusersprofile%",
                 "$env:userprofile", "%userprofile%", "$home\\")
_EXECUTORS = frozenset({"invoke-expression", ".create", "invoke-command"})
_IN_MEMORY_DOWNLOADS = frozenset({".downloadstring", ".downloaddata", ".openread", ".downloadstringtaskasync",
                                  ".downloaddatataskasync"})

# Discovery programs, by what each asks; `net` counts once per sub-command.
_DISCOVERY = frozenset({
    "whoami", "nltest", "dsquery", "systeminfo", "ipconfig", "netstat", "arp", "route", "tasklist", "quser",
    "qwinsta", "query", "get-aduser", "get-adcomputer", "get-adgroup", "get-adgroupmember", "get-addomain",
    "get-adtrust", "get-addomaincontroller", "get-localuser", "get-localgroup", "get-localgroupmember",
    "get-netneighbor", "get-nettcpconnection", "get-netipconfiguration", "get-smbshare", "get-hotfix",
    "setspn", "cmdkey", "klist", "get-mpcomputerstatus", "get-netfirewallprofile", "nbtstat", "get-domain",
    "get-netuser", "get-netcomputer", "get-netgroup", "get-domaincontroller", "get-netsession",
})
_NET_DISCOVERY = frozenset({"user", "group", "localgroup", "view", "accounts", "share", "session", "use", "config"})
_WMI_DISCOVERY = regex.compile(r"(?i)\b(?:win32_(?:useraccount|group|groupuser|computersystem|operatingsystem|"
                               r"networkadapterconfiguration|share|loggedonuser|process|service|product|quickfixengineering)"
                               r"|antivirusproduct|firewallproduct)\b")
DISCOVERY_BURST_MIN = 6


def _joined(command: ExtractedCommand) -> str:
    return " ".join(command.arguments)[:4096]


def _discovery_kind(command: ExtractedCommand, timeout: float) -> str | None:
    name = command.name
    if name in _DISCOVERY:
        return name
    if name in ("net", "net1") and command.arguments and command.arguments[0].lower() in _NET_DISCOVERY:
        return "net " + command.arguments[0].lower()
    if name in ("get-wmiobject", "get-ciminstance", "wmic") and command.arguments:
        found = _WMI_DISCOVERY.search(_joined(command), timeout=timeout)
        return "wmi " + found.group(0).lower() if found is not None else None
    return None


def _is_upload(command: ExtractedCommand) -> bool:
    name = command.name
    if name in ("invoke-restmethod", "invoke-webrequest"):
        named = bind_parameters(command).named
        return any(p in named for p in _UPLOAD_PARAMETERS) or named.get("method", "").lower() in ("post", "put")
    if name == "curl":
        return any(a in ("-F", "-d", "-T", "--data", "--data-binary", "--form", "--upload-file") for a in command.arguments)
    return name in (".uploadfile", ".uploadstring", ".uploaddata", ".uploadvalues")


def _in_memory_download(command: ExtractedCommand) -> bool:
    """A download kept in memory, from anywhere but a vendor's documented installer host."""
    if command.name in _IN_MEMORY_DOWNLOADS:
        url = command.arguments[0] if command.arguments else ""
    elif command.name in ("invoke-webrequest", "invoke-restmethod"):
        bound = bind_parameters(command)
        if "outfile" in bound.named:
            return False
        url = bound.named.get("uri") or (bound.positional[0] if bound.positional else "")
    else:
        return False
    try:
        host = urlsplit(url.strip().strip("'\"")).hostname if "://" in url else None
    except ValueError:
        host = None
    return not (host and builtin_intel().is_vendor_installer(host))


def _executes(executor: ExtractedCommand, download: ExtractedCommand, text: str) -> bool:
    """Whether `executor` runs what `download` returns: the download sits in its arguments, or is piped into it."""
    if executor.name not in _EXECUTORS:
        return False
    if executor.offset <= download.offset and download.offset + download.length <= executor.offset + executor.length:
        return executor is not download
    between = text[download.offset + download.length:executor.offset] if download.offset < executor.offset else ""
    return 0 < len(between) <= 400 and between.replace(")", "").strip() == "|"


_FETCH_IN_ARGUMENT = regex.compile(
    r"(?i)\.(?:downloadstring|downloaddata|openread)\b|(?<![\w-])(?:iwr|irm|invoke-webrequest|invoke-restmethod)(?![\w-])")
_URL_IN_ARGUMENT = regex.compile(r"(?i)https?://([\w.-]{1,253})")


def _vendor_url(url: str | None) -> bool:
    """None (not downloaded here) counts as vendor: nothing to flag; else whether a vendor installer host serves it."""
    if url is None:
        return True
    try:
        host = urlsplit(url.strip().strip("'\"")).hostname if "://" in url else None
    except ValueError:
        return False
    return bool(host) and builtin_intel().is_vendor_installer(host or "")


def _fetches_in_arguments(joined: str, timeout: float) -> bool:
    """An executor whose argument, as the parser kept it whole, downloads (`iex (New-Object
    Net.WebClient).DownloadString(...)`), from anywhere but a vendor installer host."""
    if _FETCH_IN_ARGUMENT.search(joined, timeout=timeout) is None:
        return False
    hosts = [m.group(1).lower() for m in _URL_IN_ARGUMENT.finditer(joined, timeout=timeout)]
    return not (hosts and all(builtin_intel().is_vendor_installer(h) for h in hosts))


_SYSTEM_NAMES = frozenset({
    "svchost", "lsass", "csrss", "smss", "services", "winlogon", "wininit", "lsm", "spoolsv", "taskhost",
    "taskhostw", "dllhost", "conhost", "rundll32", "regsvr32", "cmd", "powershell", "explorer", "mshta",
    "wscript", "cscript", "msiexec", "searchindexer", "sihost", "ctfmon", "dwm", "wmiprvse", "notepad", "calc",
})
_SYSTEM_DIRS = ("\\system32\\", "\\syswow64\\", "\\sysnative\\", "\\windowspowershell\\", "\\winsxs\\")


_OFFENSIVE_TOOLS = frozenset({
    "mimikatz", "invoke-mimikatz", "safetykatz", "pypykatz", "nanodump", "lazagne", "rubeus", "kerbrute", "sharphound",
    "bloodhound", "adrecon", "adfind", "powerview", "sharpview", "petitpotam", "coercer", "dfscoerce", "spoolsample",
    "printerbug", "evil-winrm", "webbrowserpassview", "mailpassview", "netpass", "wirelesskeyview", "firepwd",
    "get-azurepasswords", "microburst", "aadinternals", "sharpup", "winpeas", "winpeasany", "winpeasx64", "seatbelt",
    "certify", "whisker", "crackmapexec", "netexec", "nxc", "psexec.py", "wmiexec.py", "smbexec.py", "atexec.py",
    "dcomexec.py", "secretsdump.py", "getuserspns.py", "getnpusers.py", "sharpchrome", "sharpdpapi", "browserstealer",
    "hackbrowserdata", "invoke-kerberoast", "powerup", "privesccheck", "inveigh", "responder", "sharpwmi",
})
_TOOL_SUFFIXES = (".exe", ".ps1", ".psm1", ".psd1", ".dll")


def _offensive_tool(command: ExtractedCommand, started: str | None) -> bool:
    candidates = [command.program]
    if started:
        candidates.append(started)
    if command.name in ("import-module", "invoke-expression", "ipmo") or command.name == ".":
        candidates.extend(command.arguments[:4])
    for candidate in candidates:
        name = base_name(_plain(candidate).lower())
        for suffix in _TOOL_SUFFIXES:
            name = name.removesuffix(suffix)
        if name in _OFFENSIVE_TOOLS:
            return True
    return False


def _system_name_elsewhere(command: ExtractedCommand, started: str | None) -> bool:
    """A Windows system program's name on a file written or started outside the system folders."""
    paths: list[str] = []
    if started and command.program != started.strip().lower().removesuffix(".exe"):
        paths.append(started)  # Start-Process / start of a path
    elif "\\" in command.program and command.image:
        paths.append(command.program)  # a program run by its path
    if command.name in ("copy-item", "move-item", "copy", "move") and len(command.arguments) >= 2:
        paths.append(command.arguments[-1])
    if command.name == "add-type":
        output = bind_parameters(command).named.get("outputassembly")
        if output:
            paths.append(output)
    for path in paths:
        lowered = normalised_path(path)
        name = base_name(lowered)
        if name not in _SYSTEM_NAMES or "\\" not in lowered:
            continue
        # a user-writable folder: where a dropper puts its look-alike (a test drive is not one)
        if _user_folder(lowered) and not any(d in lowered for d in _SYSTEM_DIRS):
            return True
    return False


def _user_folder(path: str) -> bool:
    lowered = normalised_path(path)
    return any(place in lowered for place in _USER_FOLDERS)


# The argument rules that may match each program, in `ARGUMENT_RULES` order.
_ARGUMENT_RULES_BY_PROGRAM = ProgramIndex(ARGUMENT_RULES)


def argument_rules_for(name: str) -> tuple[ArgumentRule, ...]:
    """The rules of `ARGUMENT_RULES`, in order, whose programs include `name` or who take any program."""
    return _ARGUMENT_RULES_BY_PROGRAM.rules_for(name)


def windows_command_findings(view: TextView) -> list[Finding]:
    # Windows behaviour only: sh/bash commands are read by the shell family, whose rules for the
    # same tools (tcpdump, tshark) would otherwise count twice.
    commands = [c for c in commands_of(view.payload, view.ctx) if c.shell is not Shell.SHELL]
    if not commands:
        return []
    timeout = view.ctx.regex_timeout()
    found = CommandHits()
    note = found.note

    downloads: dict[str, str] = {}
    discovery: set[str] = set()
    in_memory: list[ExtractedCommand] = []
    try:
        for command in commands:
            joined = _joined(command)
            for rule in argument_rules_for(command.name):
                if rule.matches(command, joined, timeout):
                    note(rule.heuristic, command)
            kind = _discovery_kind(command, timeout)
            if kind is not None and len(discovery) < 64:
                discovery.add(kind)
            _remote_access_and_uploads(command, note)
            if _in_memory_download(command) and len(in_memory) < 256:
                in_memory.append(command)
            elif in_memory and any(_executes(command, d, view.text) for d in in_memory):
                note(CRADLE, command)
            elif command.name in _EXECUTORS and _fetches_in_arguments(joined, timeout):
                note(CRADLE, command)
            target = started_file(command)
            if target and downloads and _user_folder(target) and not _vendor_url(downloads.get(normalised_path(target))):
                note(DOWNLOAD_RUN_USER_DIR, command)
            if _offensive_tool(command, target):
                note(OFFENSIVE_TOOL, command)
            if _system_name_elsewhere(command, target):
                note(SYSTEM_NAME_ELSEWHERE, command)
            download = downloaded_file(command)
            if download is not None and len(downloads) < 10_000:
                downloads[normalised_path(download[1])] = download[0]
    except TimeoutError:
        view.errors.append((ErrorKind.LIMIT_REGEX_TIMEOUT, "heur.windows: pattern timed out"))
    # An executor written before the download it runs (`iex (iwr ...)`): the download is nested in it.
    for download in in_memory:
        if CRADLE.id in found:
            break
        executor = next((c for c in commands if c is not download and _executes(c, download, view.text)), None)
        if executor is not None:
            note(CRADLE, executor)
    if len(discovery) >= DISCOVERY_BURST_MIN:
        first = next(c for c in commands if _discovery_kind(c, timeout) is not None)
        note(DISCOVERY_BURST, first)
    return found.findings(view, counted=False)


def _remote_access_and_uploads(command: ExtractedCommand,
                                note: Callable[[Heuristic, ExtractedCommand], None]) -> None:
    candidates: list[str] = []
    started = started_file(command)
    if started:
        candidates.append(started)
    download = downloaded_file(command)
    if download is not None:
        candidates.extend(download)
    if any(_REMOTE_ACCESS.search(base_name(_plain(c)), timeout=0.05) for c in candidates if c):
        note(REMOTE_ACCESS_TOOL, command)
    if _is_upload(command) and any(_WEBHOOK.search(a, timeout=0.05) for a in command.arguments):
        note(WEBHOOK_EXFIL, command)


def _plain(path: str) -> str:
    return path.strip().strip("'\"").replace("\\", "/").rstrip("/").split("?")[0]


FAMILY = Family(name="windows_commands", checks=(windows_command_findings,))

__all__ = ["ARGUMENT_RULES", "FAMILY", "HEURISTICS", "windows_command_findings"]
