"""Heuristics over the Windows programs a script runs (reg, sc, schtasks, netsh, wmic, ...).

They read extracted commands (inspector.commands), whatever shell started them: a batch line,
`cmd /c "..."` inside it, or a native program called from PowerShell. The program is matched by
its name (path, `.exe` and case dropped, `start` and `call` looked through) and the arguments
after cmd's own folding (carets, `%var%`), so `R^EG.EXE ADD` and `reg add` are one thing.

Dual-use commands (one discovery command, one firewall rule, one `net user /add`) score low on
their own; what a build or admin script never does (security tooling off, credential hives
saved, a system binary copied under another name) scores enough alone. Registry writes are
judged in windows_registry.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from inspector.analyzers.heuristics.patterns import Family, ProgramIndex, TextView
from inspector.analyzers.heuristics.registry_writes import write_score
from inspector.analyzers.heuristics.windows_registry import REGISTRY_HEURISTICS, registry_findings
from inspector.commands import commands_of
from inspector.commands.model import ExtractedCommand, Shell, base_name
from inspector.model import Finding
from inspector.stage import Heuristic

REGEX_TIMEOUT_S = 0.05
_FLAGS = regex.IGNORECASE | regex.VERSION0


@dataclass(frozen=True)
class Invocation:
    """One Windows program run: its bare name and its arguments, lower-cased and joined."""

    name: str
    arguments: tuple[str, ...]
    line: str
    command: ExtractedCommand

    @classmethod
    def of(cls, command: ExtractedCommand) -> Invocation | None:
        if command.shell is Shell.SHELL:
            return None
        name = base_name(command.program).lower().removesuffix(".exe")
        arguments = tuple(a.lower() for a in command.arguments)
        if name == "start":  # `start "title" /b program args`: the program is what runs
            rest = list(arguments)
            while rest and (rest[0] == "" or rest[0].startswith("/")):
                rest.pop(0)
            if rest:
                name = base_name(rest[0]).removesuffix(".exe")
                arguments = tuple(rest[1:])
        return cls(name=name, arguments=arguments, line=" ".join(arguments), command=command)


@dataclass(frozen=True)
class CommandRule:
    """A heuristic proved by one program run with arguments matching `pattern` (searched in the
    lower-cased arguments joined by spaces); `when` refines what a regex cannot say."""

    heuristic: Heuristic
    programs: frozenset[str] | None  # None: any program
    pattern: str | None = None
    when: Callable[[Invocation], bool] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "_compiled", regex.compile(self.pattern, _FLAGS) if self.pattern else None)

    def matches(self, invocation: Invocation) -> bool:
        if self.programs is not None and invocation.name not in self.programs:
            return False
        compiled: regex.Pattern[str] | None = self._compiled  # type: ignore[attr-defined]
        if compiled is not None:
            try:
                if compiled.search(invocation.line, timeout=REGEX_TIMEOUT_S) is None:
                    return False
            except TimeoutError:
                return False
        return self.when is None or self.when(invocation)


def _h(name: str, title: str, score: int, attack: tuple[str, ...], description: str) -> Heuristic:
    return Heuristic(id=f"heur.wincmd.{name}", title=title, description=description, score=score, attack=attack)


# --- defence impairment -------------------------------------------------------------------------
SECURITY_SERVICE_STOPPED = _h(
    "security_service_stopped", "Security service stopped or disabled", 350, ("T1562.001",),
    "sc stop/config/delete or net stop on Microsoft Defender, the firewall, Security Center, Sense, "
    "the event log or Sysmon: what an intruder does before acting; no build script does.")
FIREWALL_OPENED = _h(
    "firewall_opened", "Inbound firewall rule allowed with netsh", 60, ("T1562.004",),
    "netsh adds an inbound allow rule or port opening (dual-use: server installs open their port).")
FILTER_UNLOADED = _h(
    "filter_driver_unloaded", "File-system filter driver unloaded", 350, ("T1562.001",),
    "fltmc unload/detach removes the minifilter of a security product (Sysmon, antivirus).")
BOOT_WEAKENED = _h(
    "boot_config_weakened", "Boot configuration weakened with bcdedit", 350, ("T1490", "T1553.006"),
    "bcdedit turns recovery off, ignores boot failures, enables test signing / no integrity checks, "
    "or forces safe boot (ransomware boots into safe mode to bypass security tools).")
JOURNAL_DELETED = _h(
    "usn_journal_deleted", "NTFS change journal deleted", 300, ("T1070",),
    "fsutil usn deletejournal erases the record of file changes.")
SYMLINK_REMOTE = _h(
    "remote_symlinks_enabled", "Remote symbolic link evaluation enabled", 150, ("T1222",),
    "fsutil behavior set SymlinkEvaluation R2L/R2R:1 lets remote links resolve (ransomware reach).")
PERMISSIONS_OPENED = _h(
    "permissions_opened", "Ownership taken or full control granted to everyone", 100, ("T1222.001",),
    "takeown, or icacls/cacls granting Everyone/Users full control (dual-use alone; ransomware and "
    "system-binary replacement do it first).")
SERVICE_ACL_CHANGED = _h(
    "service_acl_changed", "Service security descriptor rewritten", 250, ("T1564", "T1543.003"),
    "sc sdset sets a service's or the service manager's security descriptor: used to hide a service "
    "or let anyone create services.")
SHIM_INSTALLED = _h(
    "shim_or_helper_installed", "Application shim or netsh helper DLL installed", 300, ("T1546.011", "T1546.007"),
    "sdbinst installs an application-compatibility shim database; netsh add helper registers a DLL "
    "netsh loads on every start.")
# --- credential access ---------------------------------------------------------------------------
CREDENTIAL_FILES = _h(
    "credential_store_copied", "Browser or system credential store copied", 350, ("T1555.003", "T1003"),
    "esentutl/copy of a browser's Login Data / Cookies / Web Data, or of ntds.dit / SAM out of a "
    "shadow copy.")
PASSWORD_SEARCH = _h(
    "password_search", "Files or registry searched for passwords", 250, ("T1552.001", "T1552.002"),
    "findstr /si password, dir /s *pass*, reg query /f password /s: a hunt for stored credentials.")
WIFI_KEYS = _h(
    "wifi_keys", "Wi-Fi keys shown in clear", 250, ("T1555",),
    "netsh wlan show profile ... key=clear prints stored wireless passwords.")
PACKET_CAPTURE = _h(
    "packet_capture", "Network traffic captured", 100, ("T1040",),
    "netsh trace start capture=yes, pktmon start/filter or a command-line sniffer (dual-use: "
    "troubleshooting).")
SSH_PASSWORD_INLINE = _h(
    "ssh_password_inline", "Remote shell or copy with the password on its command line", 150, ("T1021.004", "T1552.001"),
    "plink, pscp or psftp given -pw: a non-interactive login to another host (an ESXi or Linux server) with a "
    "password written into the command, as lateral-movement scripts do; administrators use keys or a prompt.")
KERBEROAST_SPN = _h(
    "spn_enumeration", "Service principal names enumerated", 150, ("T1558.003", "T1087.002"),
    "setspn -Q */* / -T lists every SPN of the domain, the first step of Kerberoasting.")
# --- lateral movement -----------------------------------------------------------------------------
ADMIN_SHARE = _h(
    "admin_share", "Administrative share mounted or written", 200, ("T1021.002",),
    "net use/pushd/copy to \\\\host\\C$ or \\\\host\\ADMIN$, or output redirected there.")
REMOTE_EXECUTION = _h(
    "remote_execution", "Command run on another host", 350, ("T1021.006", "T1053.005", "T1569.002"),
    "winrs -r:, at \\\\host, schtasks /create /s host, sc \\\\host create, or a PsExec-like tool "
    "given a \\\\host and credentials.")
SHARE_CREDENTIALS = _h(
    "admin_share_credentials", "Administrative share mounted with credentials on the command line", 150,
    ("T1021.002", "T1078"),
    "net use \\\\host\\C$ or ADMIN$ with a password and /user: written in the script (adds to admin_share).")
OUTPUT_TO_SHARE = _h(
    "output_to_admin_share", "Command output redirected to an administrative share", 300, ("T1021.002", "T1047"),
    "A command's output written to \\\\host\\ADMIN$ or C$ with a redirection: how remote-execution tools "
    "(WMI/SMB exec) read back what they ran.")
SYSTEM_FILE_OWNERSHIP = _h(
    "system_file_ownership", "Ownership of a Windows system file taken", 250, ("T1222.001", "T1546.008"),
    "takeown /f on a file or folder under the Windows folder: the first step of replacing a system binary.")
EXECUTABLE_DOWNLOADED = _h(
    "executable_downloaded_user_folder", "Executable content downloaded into a user-writable folder", 150, ("T1105",),
    "curl/wget/certutil/bitsadmin/MpCmdRun saves an .exe, .dll, script or HTA into Temp, AppData, Public, "
    "ProgramData or Downloads (dual-use: installers).")
ARCHIVE_ENCRYPTED = _h(
    "archive_with_password", "Archive created with a password", 150, ("T1560.001",),
    "rar/winrar -hp, 7z a -p: collected files packed and encrypted before they leave (dual-use: backups).")
ACCOUNT_ACCESS_REMOVED = _h(
    "account_access_removed", "Account password changed, disabled or deleted with net user", 120, ("T1531",),
    "net user NAME NEWPASSWORD, /active:no or /delete: owners locked out (dual-use: account clean-up).")
TRACES_UNMAPPED = _h(
    "share_connections_removed", "Network share connections removed", 60, ("T1070.005",),
    "net use ... /delete or net share ... /delete: traces of lateral movement removed (dual-use).")
CREDENTIAL_VAULT = _h(
    "credential_vault_listed", "Windows Credential Manager vaults listed", 150, ("T1555.004",),
    "vaultcmd /list or /listcreds enumerates stored web and Windows credentials.")
DOMAIN_ACCOUNT = _h(
    "domain_account_created", "Domain account created with net user /domain", 150, ("T1136.002",),
    "net user NAME PASSWORD /add /domain creates an account in Active Directory.")
SECURE_DELETE = _h(
    "secure_delete_tool", "Files or free space overwritten with a secure-delete tool", 150, ("T1485", "T1070.004"),
    "sdelete overwrites files or free space so they cannot be recovered (dual-use).")
# --- execution through signed binaries -----------------------------------------------------------
PROXY_EXECUTION = _h(
    "signed_binary_proxy", "Signed Windows binary used to run or fetch code", 300,
    ("T1218", "T1220", "T1216", "T1105"),
    "A Windows binary abused to run or download code: wmic /format:<xsl>, pubprn.vbs script:, "
    "SyncAppvPublishingServer, MpCmdRun -DownloadFile, desktopimgdownldr /lockscreenurl, certreq -Post, "
    "forfiles /c, pcalua -a, msiexec /i http, cmstp /s, odbcconf, installutil, regasm/regsvcs, "
    "mavinject, finger, replace/expand/PrintBrm from a share.")
BUILD_TOOL_EXECUTION = _h(
    "build_tool_execution", "Compiler or build engine run on a loose source file", 150, ("T1127",),
    "msbuild on an .xml file or a project in a user-writable folder, jsc/csc compiling a script from a temporary "
    "folder (dual-use: builds).")
USER_DLL_LOADED = _h(
    "user_writable_dll_loaded", "DLL from a user-writable folder loaded by rundll32/regsvr32", 200, ("T1218.011", "T1218.010"),
    "rundll32 or regsvr32 loads a DLL from Temp, AppData, Public, ProgramData or a download folder.")
REMOTE_FORMAT = _h(
    "remote_script_host", "Script host runs a script from a URL or share", 300, ("T1059.005", "T1105"),
    "cscript/wscript/mshta given an http(s) URL or \\\\host path as the script.")
WMI_PROCESS = _h(
    "wmi_process_create", "Process started through WMI", 200, ("T1047",),
    "wmic process call create: the new process's parent is the WMI provider host, not the script.")
EVIDENCE_DELETED = _h(
    "evidence_files_deleted", "Event log, prefetch or history files deleted", 300, ("T1070.001", "T1070.004"),
    "del/rd of .evtx files, winevt\\Logs, Prefetch, Recent items or the PowerShell history file.")
SHADOW_STORAGE = _h(
    "shadow_storage_resized", "Shadow copy storage resized", 300, ("T1490",),
    "vssadmin resize shadowstorage: shrinking the storage deletes existing shadow copies (ransomware).")
# --- persistence -----------------------------------------------------------------------------------
TASK_PAYLOAD = _h(
    "scheduled_task_payload", "Scheduled task runs a script host, a shell or a user-writable program", 300,
    ("T1053.005",),
    "schtasks /create whose /tr starts cmd, PowerShell, mshta, a script host, rundll32/regsvr32, or a program "
    "in Temp/AppData/Public/ProgramData, or that runs as SYSTEM at logon/start-up.")
SERVICE_PAYLOAD = _h(
    "service_payload", "Service created to run a shell, a script host or a user-writable program", 300,
    ("T1543.003",),
    "sc create/config binPath= starting cmd, PowerShell, a script host, or a program in a user-writable "
    "folder or the Windows Temp folder.")
WMI_SUBSCRIPTION = _h(
    "wmi_subscription", "WMI event subscription created", 500, ("T1546.003",),
    "wmic /namespace:\\\\root\\subscription creates an __EventFilter or a CommandLineEventConsumer.")
BITS_NOTIFY = _h(
    "bits_notify_command", "BITS job set to run a command", 400, ("T1197",),
    "bitsadmin /SetNotifyCmdLine: the job runs a program when it completes (persistence through BITS).")
STARTUP_FOLDER = _h(
    "startup_folder_write", "File written to a Startup folder", 300, ("T1547.001",),
    "copy/move/echo into ...\\Start Menu\\Programs\\Startup: it runs at every logon.")
ACCESSIBILITY_REPLACED = _h(
    "accessibility_binary_replaced", "Accessibility or logon-screen binary replaced", 500, ("T1546.008",),
    "A file copied over sethc, utilman, osk, magnify, narrator, displayswitch or atbroker: a SYSTEM shell "
    "at the logon screen.")
FILE_ASSOCIATION = _h(
    "file_association_changed", "File association changed with assoc/ftype", 100, ("T1546.001",),
    "assoc .ext=type / ftype type=command changes what opens a file type (dual-use: installers).")
# --- accounts ----------------------------------------------------------------------------------------
ADMIN_ACCOUNT = _h(
    "account_privileged", "Account added to a privileged group or enabled", 150, ("T1098", "T1136.001"),
    "net localgroup administrators/remote desktop users ... /add, net group \"domain admins\" /add, or "
    "net user administrator /active:yes.")
HIDDEN_ACCOUNT = _h(
    "hidden_account", "Account created with a name ending in $", 300, ("T1564.002", "T1136.001"),
    "net user name$ ... /add: a name ending in $ hides it from net user listings.")
# --- stealth ---------------------------------------------------------------------------------------------
MASQUERADE_COPY = _h(
    "system_binary_copied", "Windows binary copied under another name or place", 300, ("T1036.003",),
    "copy of a program from System32/SysWOW64/the Windows folder to a new name or outside the Windows "
    "folder: a renamed cmd/PowerShell/certutil escapes rules written for the real name.")
MASQUERADE_RUN = _h(
    "system_name_outside_windows", "Program with a Windows process name run from elsewhere", 250, ("T1036.005",),
    "svchost, lsass, csrss, explorer, taskhostw and other Windows process names started from a folder "
    "that is not the Windows folder.")
ALTERNATE_STREAM = _h(
    "alternate_data_stream", "NTFS alternate data stream written or run", 300, ("T1564.004",),
    "A file name with a :stream suffix (file.txt:hidden.exe) or $index_allocation: content hidden from "
    "directory listings.")
SYSTEM_HIDDEN = _h(
    "system_hidden_attribute", "File marked system or hidden with attrib", 100, ("T1564.001",),
    "attrib +s or +h (dual-use alone; droppers hide what they leave).")
# --- discovery -----------------------------------------------------------------------------------------------
DISCOVERY_BURST = _h(
    "discovery_burst", "Several kinds of host and domain discovery in one script", 150, ("T1082", "T1087", "T1016"),
    "At least three different discovery commands (whoami, systeminfo, tasklist, netstat, ipconfig, net "
    "user/group/view/share, nltest, query user, arp, route print, wmic ... get, ...): each is dual-use, "
    "together they are reconnaissance.")
DISCOVERY_SWEEP = _h(
    "discovery_sweep", "Broad reconnaissance: four or more kinds of discovery", 150, ("T1082", "T1087", "T1016"),
    "At least four different discovery commands in one script (adds to discovery_burst).")
DOMAIN_DISCOVERY = _h(
    "domain_discovery", "Domain accounts, admins or trusts enumerated", 120, ("T1087.002", "T1482"),
    "net user/group /domain, net group \"domain admins\", nltest /domain_trusts|/dclist, dsquery.")

_SECURITY_SERVICES = (r"(?:windefend|wdnissvc|wdnisdrv|wdfilter|wdboot|sense|mpssvc|wscsvc|securityhealthservice|"
                      r"eventlog|sysmon64|sysmon|sharedaccess|wuauserv|bfe|msmpsvc|mbamservice|sepmasterservice)")
_USER_WRITABLE = r"(?:%temp%|%tmp%|%appdata%|%localappdata%|%public%|%programdata%|\\temp\\|\\tmp\\|\\appdata\\|" \
                 r"\\users\\public\\|\\programdata\\|\\downloads\\|\$env:(?:temp|tmp|appdata|public|programdata))"
_SHELLS_AND_HOSTS = r"(?:^|[\\/\s\"'])(?:cmd|powershell|pwsh|mshta|wscript|cscript|rundll32|regsvr32|bitsadmin|certutil)" \
                    r"(?:\.exe)?(?:\s|$|\")"
_SYSTEM_DIR = regex.compile(r"(?i)^(?:(?:c:|%systemdrive%)?\\windows|%(?:systemroot|windir)%)\\(?:[^\\]+\\){0,4}[^\\]+\.(?:exe|dll)$")
_WINDOWS_DIR = regex.compile(r"(?i)^(?:(?:c:|%systemdrive%)\\windows|%(?:systemroot|windir)%)\\")
_FILE_PROGRAMS = frozenset({"net", "net1", "copy", "xcopy", "robocopy", "move", "pushd", "type", "dir"})
_PROCESS_NAMES = frozenset({
    "svchost", "lsass", "csrss", "smss", "winlogon", "wininit", "services", "explorer", "taskhostw", "taskhost",
    "lsm", "spoolsv", "conhost", "dllhost", "sihost", "runtimebroker", "searchindexer", "wmiprvse", "ctfmon",
})
_ACCESSIBILITY = regex.compile(
    r"(?i)\\(?:sethc|utilman|osk|magnify|narrator|displayswitch|atbroker)(?:\.exe)?$")
_STREAM = regex.compile(r"(?i)(?:[\\/%][^\\/:*?\"<>|]*\.\w{1,8}|\.\.\.?[^\\/:]*):(?!\d+$)[\w$][\w.$-]{0,60}$"
                        r"|::\$(?:index_allocation|data)")


def _expected_or_user_path(line: str) -> bool:
    try:
        return regex.search(_USER_WRITABLE, line, _FLAGS, timeout=REGEX_TIMEOUT_S) is not None
    except TimeoutError:
        return False


def _copy_paths(invocation: Invocation) -> tuple[str, str] | None:
    paths = [a for a in invocation.arguments if a and not a.startswith("/") and a not in (">", ">>", "2>&1", "<")]
    return (paths[0], paths[1]) if len(paths) >= 2 else None


_REDIRECTS = (">", ">>", "1>", "1>>", "2>")
_SHARE = regex.compile(r"^\\\\[^\\\s]+\\(?:[a-z]\$|admin\$)", _FLAGS)
_EXECUTABLE_TARGET = regex.compile(r"\.(?:exe|dll|scr|ps1|bat|cmd|vbs|js|hta|msi|sys)\b", _FLAGS)


def _output_to_share(invocation: Invocation) -> bool:
    arguments = invocation.arguments
    return any(a in _REDIRECTS and bool(_SHARE.match(arguments[i + 1])) for i, a in enumerate(arguments[:-1]))


def _executable_download(invocation: Invocation) -> bool:
    line = invocation.line
    if "http://" not in line and "https://" not in line and "ftp://" not in line:
        return False
    targets = [a for a in invocation.arguments if "://" not in a and _EXECUTABLE_TARGET.search(a)]
    return any(_expected_or_user_path(t) for t in targets)


def _masquerade_copy(invocation: Invocation) -> bool:
    paths = _copy_paths(invocation)
    if paths is None:
        return False
    source, target = paths
    if not _SYSTEM_DIR.match(source):
        return False
    target_name = base_name(target)
    if target.endswith("\\") or target in (".", "") or "." not in target_name:
        return not _WINDOWS_DIR.match(target)  # copied into a folder under the same name
    return target_name != base_name(source) or not _WINDOWS_DIR.match(target)


def _accessibility_replaced(invocation: Invocation) -> bool:
    paths = _copy_paths(invocation)
    return paths is not None and bool(_ACCESSIBILITY.search(paths[1])) and not paths[1].endswith("_backup.exe")


def _runs_system_name_elsewhere(invocation: Invocation) -> bool:
    program = invocation.command.program.lower()
    if invocation.name not in _PROCESS_NAMES or ("\\" not in program and "/" not in program):
        return False
    return not _WINDOWS_DIR.match(program) and not program.startswith(("c:\\windows\\", "\\windows\\"))


def _writes_stream(invocation: Invocation) -> bool:
    return any(":" in a and "://" not in a and _STREAM.search(a, timeout=REGEX_TIMEOUT_S)
               for a in (*invocation.arguments, invocation.command.program.lower()))


def _writes_startup(invocation: Invocation) -> bool:
    return "\\start menu\\programs\\startup" in invocation.line and (
        invocation.name in ("copy", "move", "xcopy", "robocopy", "mklink") or ">" in invocation.arguments
        or ">>" in invocation.arguments)


def _task_payload(invocation: Invocation) -> bool:
    arguments = invocation.arguments
    action = next((arguments[i + 1] for i, a in enumerate(arguments[:-1]) if a in ("/tr", "-tr")), "")
    if action and (_expected_or_user_path(action)
                   or regex.search(_SHELLS_AND_HOSTS, " " + action, _FLAGS, timeout=REGEX_TIMEOUT_S)):
        return True
    return "system" in arguments and any(a in ("onlogon", "onstart") for a in arguments)


def _service_payload(invocation: Invocation) -> bool:
    line = invocation.line
    at = line.find("binpath=")
    if at < 0:
        return False
    value = line[at + len("binpath="):].strip()
    return _expected_or_user_path(value) or bool(
        regex.search(_SHELLS_AND_HOSTS, " " + value, _FLAGS, timeout=REGEX_TIMEOUT_S)) or "\\windows\\temp\\" in value


RULES: tuple[CommandRule, ...] = (
    CommandRule(SECURITY_SERVICE_STOPPED, frozenset({"sc"}),
                rf"^(?:\\\\\S+\s+)?(?:stop|delete|config)\s+\"?{_SECURITY_SERVICES}\"?(?:\s|$)(?!.*start=\s*auto)"),
    CommandRule(SECURITY_SERVICE_STOPPED, frozenset({"net", "net1"}), rf"^stop\s+\"?{_SECURITY_SERVICES}\"?(?:\s|$)"),
    CommandRule(SECURITY_SERVICE_STOPPED, frozenset({"taskkill"}), r"/im\s+\"?(?:msmpeng|mpcmdrun|sysmon\d*|nissrv)"),
    CommandRule(FIREWALL_OPENED, frozenset({"netsh"}),
                r"firewall\s+add\s+(?:rule\b.*\baction=allow|portopening|allowedprogram)"
                r"|advfirewall\s+firewall\s+set\s+rule\b.*\benable=yes"),
    CommandRule(FILTER_UNLOADED, frozenset({"fltmc"}), r"^(?:unload|detach)\s"),
    CommandRule(BOOT_WEAKENED, frozenset({"bcdedit"}),
                r"recoveryenabled\s+(?:no|off|0)|bootstatuspolicy\s+ignoreallfailures|testsigning\s+(?:on|yes)"
                r"|nointegritychecks\s+(?:on|yes)|safeboot\s+(?:minimal|network)|/deletevalue\s+\S*\s*safeboot"),
    CommandRule(JOURNAL_DELETED, frozenset({"fsutil"}), r"usn\s+deletejournal"),
    CommandRule(SYMLINK_REMOTE, frozenset({"fsutil"}), r"symlinkevaluation\s+r2[lr]:1"),
    CommandRule(PERMISSIONS_OPENED, frozenset({"takeown"}), r"/f\s"),
    CommandRule(PERMISSIONS_OPENED, frozenset({"icacls", "cacls", "xcacls"}),
                r"/(?:grant|g)(?::r)?\s+\"?(?:everyone|\*s-1-1-0|users|\*s-1-5-32-545):\(?(?:f|\(oi\)\(ci\)f)"),
    CommandRule(SERVICE_ACL_CHANGED, frozenset({"sc"}), r"^(?:\\\\\S+\s+)?sdset\s"),
    CommandRule(SHIM_INSTALLED, frozenset({"sdbinst"}), r"\.sdb"),
    CommandRule(SHIM_INSTALLED, frozenset({"netsh"}), r"^add\s+helper\s"),
    CommandRule(CREDENTIAL_FILES, frozenset({"esentutl", "copy", "xcopy", "robocopy"}),
                r"\\(?:login data|cookies|web data|key[34]\.db|logins\.json)\b|harddiskvolumeshadowcopy\d*\\"
                r"(?:windows\\ntds\\ntds\.dit|windows\\system32\\config\\(?:sam|security|system))"),
    CommandRule(PASSWORD_SEARCH, frozenset({"findstr"}), r"(?:^|\s)/[a-z]*s[a-z]*\s.*pass(?:word|wd)?"),
    CommandRule(PASSWORD_SEARCH, frozenset({"dir"}), r"/s.*\*pass|\*pass.*/s|\*cred"),
    CommandRule(PASSWORD_SEARCH, frozenset({"reg"}), r"^query\s.*/f\s+\"?pass(?:word)?\"?.*/s|^query\s.*/s.*/f\s+pass"),
    CommandRule(WIFI_KEYS, frozenset({"netsh"}), r"wlan\s+show\s+profiles?\b.*key=clear"),
    CommandRule(PACKET_CAPTURE, frozenset({"netsh"}), r"trace\s+start\b.*capture=yes"),
    CommandRule(PACKET_CAPTURE, frozenset({"pktmon"}), r"^(?:start|filter\s+add)\b"),
    CommandRule(PACKET_CAPTURE, frozenset({"tshark", "windump", "tcpdump", "dumpcap"}), None),
    CommandRule(KERBEROAST_SPN, frozenset({"setspn"}), r"-(?:q|t)\s"),
    CommandRule(SSH_PASSWORD_INLINE, frozenset({"plink", "pscp", "psftp"}), r"(?:^|\s)-pw\s+\S"),
    CommandRule(ADMIN_SHARE, None, r"\\\\[^\\\s]+\\(?:[a-z]\$|admin\$|ipc\$)",
                when=lambda i: i.command.shell is Shell.CMD or i.name in _FILE_PROGRAMS),
    CommandRule(SHARE_CREDENTIALS, frozenset({"net", "net1"}),
                r"^use\s+\S*\\\\[^\\\s]+\\(?:[a-z]\$|admin\$|ipc\$)\s+\S.*\s/u(?:ser)?:\S"),
    CommandRule(OUTPUT_TO_SHARE, None, r"\\\\[^\\\s]+\\(?:[a-z]\$|admin\$)", when=_output_to_share),
    CommandRule(SYSTEM_FILE_OWNERSHIP, frozenset({"takeown"}),
                r"/f\s+\"?(?:(?:c:|%systemdrive%)?\\windows\\|%(?:systemroot|windir)%\\)"),
    CommandRule(EXECUTABLE_DOWNLOADED, frozenset({"curl", "wget", "certutil", "bitsadmin", "mpcmdrun", "certreq"}), None,
                when=_executable_download),
    CommandRule(ARCHIVE_ENCRYPTED, frozenset({"rar", "winrar"}), r"(?:^|\s)a\b.*\s-hp\S*"),
    CommandRule(ARCHIVE_ENCRYPTED, frozenset({"7z", "7za", "7zr"}), r"(?:^|\s)a\b.*\s-p\S+"),
    CommandRule(ACCOUNT_ACCESS_REMOVED, frozenset({"net", "net1"}),
                r"^user\s+\"?[^/\s\"]+\"?\s+(?:/active:no|/delete\b|(?!/)\S+\s*$)"),
    CommandRule(TRACES_UNMAPPED, frozenset({"net", "net1"}), r"^(?:use|share)\s+\S+.*\s/del(?:ete)?\b"),
    CommandRule(CREDENTIAL_VAULT, frozenset({"vaultcmd"}), r"/list"),
    CommandRule(DOMAIN_ACCOUNT, frozenset({"net", "net1"}), r"^user\s+\S+.*\s/add\b.*\s/domain\b|^user\s+\S+.*\s/domain\b.*\s/add\b"),
    CommandRule(SECURE_DELETE, frozenset({"sdelete", "sdelete64"}), None),
    CommandRule(TASK_PAYLOAD, frozenset({"at"}), r"^\d{1,2}:\d{2}\b.*\S"),
    CommandRule(SECURITY_SERVICE_STOPPED, frozenset({"mpcmdrun"}), r"-removedefinitions\b"),
    CommandRule(SECURITY_SERVICE_STOPPED, frozenset({"sysmon", "sysmon64"}), r"(?:^|\s)-u\b"),
    CommandRule(SECURITY_SERVICE_STOPPED, frozenset({"wmic"}),
                r"product\s+where\b.*(?:antivirus|defender|security|endpoint|sentinel|crowdstrike|carbon black|sophos"
                r"|symantec|mcafee|eset|kaspersky|trend micro|cylance|sysmon|malwarebytes).*\bcall\s+uninstall"),
    CommandRule(PROXY_EXECUTION, frozenset({"wuauclt"}), r"/updatedeploymentprovider\b"),
    CommandRule(PROXY_EXECUTION, frozenset({"dnscmd"}), r"/serverlevelplugindll\b"),
    CommandRule(PROXY_EXECUTION, frozenset({"ieexec"}), r"https?://"),
    CommandRule(PROXY_EXECUTION, frozenset({"infdefaultinstall", "setupapi"}), r"\.inf\b"),
    CommandRule(PROXY_EXECUTION, frozenset({"diskshadow"}), r"/s\s"),
    CommandRule(PROXY_EXECUTION, frozenset({"msdt"}), r"/path\b|-path\b|pcwdiagnostic"),
    CommandRule(PROXY_EXECUTION, frozenset({"verclsid"}), r"/s\b.*/c\b"),
    CommandRule(PROXY_EXECUTION, frozenset({"xwizard"}), r"runwizard"),
    CommandRule(PROXY_EXECUTION, frozenset({"register-cimprovider"}), r"-path\b"),
    CommandRule(PROXY_EXECUTION, frozenset({"scriptrunner"}), r"-appvscript\b"),
    CommandRule(PROXY_EXECUTION, frozenset({"conhost"}), r"(?:^|\s)(?:--headless\s+)?\"?(?:cmd|powershell|pwsh|mshta|"
                                                         r"rundll32|[a-z]:\\|%)"),
    CommandRule(PROXY_EXECUTION, frozenset({"control"}), r"\.cpl\b", when=lambda i: _expected_or_user_path(i.line)),
    CommandRule(CREDENTIAL_FILES, frozenset({"esentutl", "copy", "xcopy", "robocopy", "type", "ntdsutil"}),
                r"\\ntds\\ntds\.dit\b|\\system32\\config\\(?:sam|security)\b"),
    CommandRule(PASSWORD_SEARCH, frozenset({"type", "copy", "findstr", "more"}),
                r"\b(?:unattend(?:ed)?\.xml|sysprep\.(?:inf|xml)|groups\.xml|credentials\.xml)\b"),
    CommandRule(REMOTE_EXECUTION, frozenset({"winrs"}), r"(?:^|\s)[-/]r(?:emote)?:"),
    CommandRule(REMOTE_EXECUTION, frozenset({"at"}), r"^\\\\\S+\s"),
    CommandRule(REMOTE_EXECUTION, frozenset({"schtasks"}), r"/create\b.*\s/s\s+\S"),
    CommandRule(REMOTE_EXECUTION, frozenset({"sc"}), r"^\\\\\S+\s+(?:create|config|start)\s"),
    CommandRule(REMOTE_EXECUTION, frozenset({"wmic"}), r"/node:\S+.*process\s+call\s+create"),
    CommandRule(REMOTE_EXECUTION, frozenset({"remcom", "paexec", "csexec", "psexec", "psexec64"}),
                r"\\\\\S+"),
    CommandRule(PROXY_EXECUTION, frozenset({"wmic"}), r"/format:\s*\"?(?!(?:list|table|csv|htable|hform|value|"
                                                     r"rawxml|xml|textvaluelist|mof)\b)\S"),
    CommandRule(PROXY_EXECUTION, frozenset({"cscript", "wscript"}), r"pubprn\.vbs\b.*script:|syncappvpublishingserver"
                                                                   r"|manage-bde\.wsf"),
    CommandRule(PROXY_EXECUTION, frozenset({"syncappvpublishingserver", "syncappvpublishingserver.vbs"}), None),
    CommandRule(PROXY_EXECUTION, frozenset({"msxsl"}), r"\.xsl\b|https?://"),
    CommandRule(PROXY_EXECUTION, frozenset({"mpcmdrun"}), r"-downloadfile\b"),
    CommandRule(PROXY_EXECUTION, frozenset({"desktopimgdownldr"}), r"/lockscreenurl:"),
    CommandRule(PROXY_EXECUTION, frozenset({"certreq"}), r"-post\b.*-config\s+https?://"),
    # forfiles' everyday use is housekeeping through cmd's own file commands on each match
    # (`/c "cmd /c del @path"`); what else it starts is the proxy.
    CommandRule(PROXY_EXECUTION, frozenset({"forfiles"}),
                r"/c\s+\"?(?:cmd(?:\.exe)?\b(?!\s+/c\s+(?:del|erase|echo|copy|move|ren|rename|rd|rmdir|type|attrib)\b[^&|\"\n]*+(?:\"|$))"
                r"|powershell|pwsh|mshta|rundll32|regsvr32|[a-z]:\\|%)"),
    CommandRule(PROXY_EXECUTION, frozenset({"pcalua"}), r"-a\s"),
    CommandRule(PROXY_EXECUTION, frozenset({"msiexec"}), r"(?:/i|/package|/y|/z)\s*\"?https?://"),
    CommandRule(PROXY_EXECUTION, frozenset({"cmstp"}), r"/s\b.*\.inf|\.inf.*/s\b"),
    CommandRule(PROXY_EXECUTION, frozenset({"odbcconf"}), r"regsvr|/a\s*\{"),
    CommandRule(PROXY_EXECUTION, frozenset({"installutil", "regasm", "regsvcs"}), r"/logtoconsole=false|\.dll",
                when=lambda i: "/logtoconsole=false" in i.line or _expected_or_user_path(i.line)),
    CommandRule(PROXY_EXECUTION, frozenset({"mavinject"}), r"/injectrunning"),
    CommandRule(PROXY_EXECUTION, frozenset({"finger"}), r"\S+@\S+"),
    CommandRule(PROXY_EXECUTION, frozenset({"replace", "expand", "printbrm", "extrac32", "esentutl"}),
                r"\\\\[^\\\s]+\\"),
    CommandRule(PROXY_EXECUTION, frozenset({"rundll32"}), r"shimflushcache|advpack\.dll\S*\s*,\s*(?:registerocx|"
                                                         r"launchinfsection)|ieadvpack|zipfldr\.dll\S*,\s*routethecall"
                                                         r"|url\.dll\S*,\s*(?:openurl|filEprotocolhandler)"
                                                         r"|pcwutl\.dll|shell32\.dll\S*,\s*shellexec_rundll"),
    CommandRule(BUILD_TOOL_EXECUTION, frozenset({"msbuild"}), r"\.xml\b|\.(?:csproj|proj|vbproj)\b",
                when=lambda i: ".xml" in i.line or _expected_or_user_path(i.line)),
    CommandRule(BUILD_TOOL_EXECUTION, frozenset({"jsc", "csc", "vbc"}), r"\.(?:js|cs|vb)\b",
                when=lambda i: _expected_or_user_path(i.line)),
    CommandRule(USER_DLL_LOADED, frozenset({"rundll32", "regsvr32"}), r"\.(?:dll|ocx|cpl|tmp|dat)\b|,",
                when=lambda i: _expected_or_user_path(i.line)),
    CommandRule(REMOTE_FORMAT, frozenset({"cscript", "wscript", "mshta"}), r"(?:^|\s)\"?(?:https?://|\\\\[^\\\s]+\\)"),
    CommandRule(TASK_PAYLOAD, frozenset({"schtasks"}), r"/(?:create|change)\b", when=_task_payload),
    CommandRule(SERVICE_PAYLOAD, frozenset({"sc"}), r"(?:^|\s)(?:create|config)\s", when=_service_payload),
    CommandRule(SERVICE_PAYLOAD, frozenset({"sc"}), r"(?:^|\s)failure\s.*\scommand=\s*\S"),
    CommandRule(WMI_PROCESS, frozenset({"wmic"}), r"^(?!.*/node:)(?:.*\s)?process\s+call\s+create\b"),
    CommandRule(EVIDENCE_DELETED, frozenset({"del", "erase", "rd", "rmdir"}),
                r"\\winevt\\logs\\|\.evtx\b|\\prefetch\\|\\microsoft\\windows\\recent\\|consolehost_history"),
    CommandRule(SHADOW_STORAGE, frozenset({"vssadmin"}), r"resize\s+shadowstorage\b"),
    CommandRule(CREDENTIAL_FILES, frozenset({"mklink", "copy", "xcopy", "robocopy", "esentutl", "type"}),
                r"globalroot\\device\\harddiskvolumeshadowcopy"),
    CommandRule(WMI_SUBSCRIPTION, frozenset({"wmic"}), r"root\\subscription\b.*(?:__eventfilter|consumer|"
                                                      r"__filtertoconsumerbinding)"),
    CommandRule(BITS_NOTIFY, frozenset({"bitsadmin"}), r"/setnotifycmdline\s+\S+\s+\S"),
    CommandRule(STARTUP_FOLDER, frozenset({"copy", "move", "xcopy", "robocopy", "echo", "type", "mklink"}), None,
                when=_writes_startup),
    CommandRule(ACCESSIBILITY_REPLACED, frozenset({"copy", "move", "xcopy", "mklink", "replace"}), None,
                when=_accessibility_replaced),
    CommandRule(FILE_ASSOCIATION, frozenset({"assoc"}), r"^\.\w+=\S"),
    CommandRule(FILE_ASSOCIATION, frozenset({"ftype"}), r"^\w[\w.]*=\S"),
    CommandRule(ADMIN_ACCOUNT, frozenset({"net", "net1"}),
                r"^(?:localgroup\s+\"?(?:administrators|remote desktop users|administrateurs|administradores)\"?"
                r"|group\s+\"?(?:domain admins|enterprise admins)\"?)\s+\S.*\s/add\b|^user\s+administrator\s+/active:yes"),
    CommandRule(HIDDEN_ACCOUNT, frozenset({"net", "net1"}), r"^user\s+\"?[^\s\"]*\$\"?\s.*/add\b"),
    CommandRule(MASQUERADE_COPY, frozenset({"copy", "xcopy", "move"}), None, when=_masquerade_copy),
    CommandRule(MASQUERADE_RUN, _PROCESS_NAMES, None, when=_runs_system_name_elsewhere),
    CommandRule(ALTERNATE_STREAM, frozenset({"echo", "type", "more", "copy", "md", "mkdir", "makecab", "expand",
                                             "esentutl", "findstr", "certutil", "wmic", "for", "start", "rundll32",
                                             "wscript", "cscript", "mshta", "regsvr32", "print", "extrac32"}),
                None, when=_writes_stream),
    CommandRule(SYSTEM_HIDDEN, frozenset({"attrib"}), r"(?:^|\s)\+[sh]\b"),
    CommandRule(DOMAIN_DISCOVERY, frozenset({"net", "net1"}),
                r"^(?:user|group|accounts)\b.*\s/domain\b|^group\s+\"?(?:domain admins|enterprise admins|domain "
                r"controllers|domain computers)"),
    CommandRule(DOMAIN_DISCOVERY, frozenset({"nltest"}), r"/(?:domain_trusts|dclist|dsgetdc|trusted_domains)"),
    CommandRule(DOMAIN_DISCOVERY, frozenset({"dsquery", "adfind"}), None),
)

# Discovery commands by kind: each kind counts once towards a burst.
_DISCOVERY: tuple[tuple[str, frozenset[str], str | None], ...] = (
    ("whoami", frozenset({"whoami"}), None),
    ("systeminfo", frozenset({"systeminfo"}), None),
    ("tasklist", frozenset({"tasklist"}), None),
    ("netstat", frozenset({"netstat"}), None),
    ("ipconfig", frozenset({"ipconfig"}), r"/all|^$"),
    ("accounts", frozenset({"net", "net1"}), r"^(?:user|localgroup|group|accounts)\b(?!.*/(?:add|delete)\b)"),
    ("shares", frozenset({"net", "net1"}), r"^(?:view|share|session|use)\s*$|^view\b"),
    ("net services", frozenset({"net", "net1"}), r"^start\s*$"),
    ("password policy", frozenset({"net", "net1"}), r"^accounts\b(?!.*/(?:add|delete)\b)"),
    ("files", frozenset({"tree"}), None),
    ("files", frozenset({"dir"}), r"/s\b.*(?:\\users|c:\\\s*$|%userprofile%)|(?:\\users|%userprofile%).*/s\b"),
    ("domain", frozenset({"nltest", "dsquery", "setspn", "klist"}), None),
    ("sessions", frozenset({"query", "quser", "qwinsta"}), r"^(?:user|session)|^$|/server"),
    ("arp", frozenset({"arp"}), r"-a"),
    ("route", frozenset({"route"}), r"print"),
    ("nbtstat", frozenset({"nbtstat"}), None),
    ("security products", frozenset({"wmic"}), r"antivirusproduct|firewallproduct|antispywareproduct"),
    ("wmic", frozenset({"wmic"}), r"\b(?:get|list)\b(?!.*call)"),
    ("registry", frozenset({"reg"}), r"^query\b"),
    ("services", frozenset({"sc"}), r"^query(?:ex)?\b"),
    ("policy", frozenset({"gpresult"}), None),
    ("credentials", frozenset({"cmdkey"}), r"/l(?:ist)?\b"),
    ("drivers", frozenset({"driverquery"}), None),
    ("network", frozenset({"getmac", "nslookup"}), None),
    ("firewall", frozenset({"netsh"}), r"\bshow\b"),
    ("shadows", frozenset({"vssadmin"}), r"^list\b"),
)
_DISCOVERY_COMPILED = tuple((kind, names, regex.compile(p, _FLAGS) if p else None) for kind, names, p in _DISCOVERY)

HEURISTICS: tuple[Heuristic, ...] = tuple(dict.fromkeys(
    [rule.heuristic for rule in RULES] + [DISCOVERY_BURST, DISCOVERY_SWEEP, *REGISTRY_HEURISTICS]))


def discovery_kind(invocation: Invocation) -> str | None:
    for kind, names, pattern in _DISCOVERY_COMPILED:
        if invocation.name in names:
            try:
                if pattern is None or pattern.search(invocation.line, timeout=REGEX_TIMEOUT_S):
                    return kind
            except TimeoutError:
                return None
    return None


def _account_change(invocation: Invocation) -> tuple[str, str] | None:
    """(account, "add" | "delete") for `net user NAME ... /add|/delete`."""
    arguments = invocation.arguments
    if invocation.name not in ("net", "net1") or len(arguments) < 3 or arguments[0] != "user":
        return None
    words = invocation.line.split()  # an argument the extractor left joined still has its words
    if "/add" in words:
        return arguments[1], "add"
    if "/delete" in words or "/del" in words:
        return arguments[1], "delete"
    return None


# The rules that may match each program, in `RULES` order (most rules name one or two programs).
_RULES_BY_PROGRAM = ProgramIndex(RULES)


def rules_for(name: str) -> tuple[CommandRule, ...]:
    """The rules of `RULES`, in order, whose programs include `name` or who take any program."""
    return _RULES_BY_PROGRAM.rules_for(name)


def invocations(commands: list[ExtractedCommand]) -> list[Invocation]:
    return [i for i in (Invocation.of(c) for c in commands) if i is not None]


def windows_command_findings(view: TextView) -> list[Finding]:
    commands = commands_of(view.payload, view.ctx)
    if not commands:
        return []
    runs = invocations(commands)
    found: dict[str, tuple[Heuristic, ExtractedCommand, int]] = {}

    def note(heuristic: Heuristic, command: ExtractedCommand) -> None:
        _, first, count = found.get(heuristic.id, (heuristic, command, 0))
        found[heuristic.id] = (heuristic, first, count + 1)

    discovered: dict[str, ExtractedCommand] = {}
    # Accounts the script itself added (names may be variables the extractor could not fold):
    # deleting accounts in a script that creates them is clean-up.
    created: set[str] = set()
    for invocation in runs:
        if view.ctx.expired():
            break
        account = _account_change(invocation)
        if account is not None and account[1] == "add" and len(created) < 1000:
            created.add(account[0])
        for rule in rules_for(invocation.name):
            if rule.heuristic.id not in found or found[rule.heuristic.id][2] < 3:
                if rule.matches(invocation) and not (
                        rule.heuristic is ACCOUNT_ACCESS_REMOVED and account is not None and bool(created)):
                    note(rule.heuristic, invocation.command)
        kind = discovery_kind(invocation)
        if kind is not None:
            discovered.setdefault(kind, invocation.command)
    timeout = view.ctx.regex_timeout()
    for heuristic, command in registry_findings(runs):
        # A `reg add` heur.registry.* also judges counts once, with the stronger finding (theirs on a tie).
        if heuristic.score > write_score(command, timeout):
            note(heuristic, command)
    if len(discovered) >= 3:
        first = next(iter(discovered.values()))
        found[DISCOVERY_BURST.id] = (DISCOVERY_BURST, first, 1)
        if len(discovered) >= 4:
            found[DISCOVERY_SWEEP.id] = (DISCOVERY_SWEEP, first, 1)
    return [
        heuristic.finding(view.payload, offset=command.offset, length=command.length, snippet=command.command_line,
                          count=count, snippet_chars=view.ctx.limits.snippet_chars)
        for heuristic, command, count in found.values()
    ]


FAMILY = Family(name="windows_programs", checks=(windows_command_findings,))

__all__ = ["FAMILY", "HEURISTICS", "RULES", "CommandRule", "Invocation", "discovery_kind", "invocations",
           "windows_command_findings"]
