"""Heuristics over the commands of sh/bash layers (inspector.commands), by ATT&CK tactic.

These read programs and their folded arguments, not lines: `sudo tee -a /etc/rc.local`,
`echo ... >> /etc/rc.local` and `cp x /etc/rc.local` are one write to a boot script, and a
variable holding the path is followed. Dual-use commands (a firewall service stopped, a CA
certificate trusted, a file copied to another host) score low alone, so a benign admin script
is never flagged for one such line; they add up with the rest of a script's evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import regex

from inspector.analyzers.heuristics.patterns import CommandHits, Family, TextView
from inspector.commands import commands_of
from inspector.commands.model import ExtractedCommand, Shell, base_name
from inspector.commands.shell import SHELL_NAMES
from inspector.model import Finding
from inspector.stage import Heuristic


def _h(name: str, title: str, description: str, score: int, attack: tuple[str, ...]) -> Heuristic:
    return Heuristic(id=f"heur.shell.{name}", title=title, description=description, score=score, attack=attack)


KERNEL_MODULE = _h(
    "kernel_module_load", "Kernel module or extension loaded from a file",
    "insmod, kextload or kmutil load puts code into the kernel from a file path (rootkits, T1547.006); "
    "modprobe of a known rootkit module name counts too.", 300, ("T1547.006", "T1014"))
SHELL_COPY = _h(
    "shell_binary_copy", "Shell or interpreter binary copied under another name",
    "A copy of sh/bash/python/perl is made under a new name or in a temporary or hidden folder, so the "
    "process it runs looks like something else.", 300, ("T1036.003", "T1036.005"))
PROC_BIND_MOUNT = _h(
    "proc_bind_mount", "Bind mount over /proc hides a process",
    "mount --bind/-B onto /proc/<pid> replaces what tools see of a process.", 400, ("T1564", "T1036.004"))
SPACE_NAME = _h(
    "trailing_space_program", "Program name ending with a space",
    "A program whose file name ends with whitespace looks like a standard one in listings.", 300, ("T1036.006",))
MISLEADING_EXTENSION = _h(
    "misleading_extension_run", "Script with a document or image extension run",
    "A file named like a document or image (report.pdf.sh, image.png) is run as a program or by a shell.",
    300, ("T1036.007", "T1036.008"))
BOOT_SCRIPT = _h(
    "boot_script_write", "Boot script written (rc.local, rc.common, init.d)",
    "The script writes to /etc/rc.local, /etc/rc.common or an init.d/rc.d script, which runs at every boot.",
    300, ("T1037.004",))
MAC_STARTUP = _h(
    "macos_startup_item", "macOS startup item, login hook or emond rule installed",
    "A file is put under /Library/StartupItems or /etc/emond.d, a loginwindow LoginHook/LogoutHook is set, "
    "or launchctl submit starts a program as a job.", 300, ("T1037.005", "T1037.002", "T1546.014", "T1569.001"))
MAC_LAUNCHD = _h(
    "macos_launchd_write", "launchd job file written",
    "A plist is written under a LaunchDaemons/LaunchAgents folder (dual-use: installers register daemons).",
    150, ("T1543.001", "T1543.004"))
PYTHON_HOOK = _h(
    "python_startup_hook", "Python startup hook written (.pth, sitecustomize, usercustomize)",
    "A line written to a .pth file or to sitecustomize.py/usercustomize.py runs in every Python process.",
    300, ("T1546.018",))
SYSTEMD_SHELL = _h(
    "systemd_shell_service", "systemd service runs a shell command or a file from a temporary folder",
    "A unit written by the script has ExecStart= running sh -c / bash -c or a program in /tmp, /dev/shm or "
    "/var/tmp; or systemctl link registers a unit kept in such a folder; or systemd-run starts a shell.",
    300, ("T1543.002", "T1569.003"))
TRAP_HOOK = _h(
    "trap_hook", "Signal trap runs a program or records every command",
    "trap makes the shell start a program (nohup, a shell, a downloader, an interpreter) on EXIT/INT or "
    "another signal, or a DEBUG trap writes $BASH_COMMAND away.", 300, ("T1546.005",))
PACKET_CAPTURE = _h(
    "packet_capture", "Network traffic captured",
    "tcpdump, tshark, dumpcap or tcpflow listen on an interface (dual-use: troubleshooting).",
    200, ("T1040",))
ACCOUNT_DUMP = _h(
    "account_file_dump", "Account or sudo database copied to a file",
    "/etc/passwd, /etc/shadow, /etc/group, /etc/sudoers (or a UID 0 search) read and written to a file.",
    300, ("T1087.001", "T1003.008"))
DISCOVERY_BURST = _h(
    "discovery_burst", "Many discovery commands in one script",
    "Five or more different user, host, process and network discovery commands (id, whoami, uname, ps, "
    "netstat, ifconfig, lastlog, ...): what a first look around a compromised host does.",
    150, ("T1082", "T1033", "T1087.001", "T1057"))
VM_CHECK = _h(
    "virtualisation_check", "Hypervisor vendor looked for in hardware information",
    "dmidecode, system_profiler, ioreg, lscpu or sysctl output searched for VirtualBox/VMware/QEMU and the "
    "like, the check malware makes before it runs.", 300, ("T1497.001",))
REMOTE_COPY = _h(
    "remote_copy", "File copied to or from another host",
    "scp, rsync, sftp with a user@host: operand (dual-use: deployment).", 80, ("T1105", "T1570"))
BROWSER_SECRETS = _h(
    "browser_keychain_secrets", "Browser credential store or keychain read",
    "A command touches browser password/cookie stores (Login Data, Cookies, key4.db, logins.json, "
    "binarycookies), dumps the macOS keychain, or starts a browser with a remote debugging port.",
    400, ("T1555.001", "T1555.003", "T1539"))
HIDDEN_USER = _h(
    "hidden_user", "Hidden or system-range user account created",
    "dscl creates a user with IsHidden 1 or a UniqueID under 500, or useradd makes a second UID 0 / a "
    "system account with a login shell.", 400, ("T1564.002", "T1136.001"))
WEBHOOK_EXFIL = _h(
    "webhook_exfiltration", "Data posted to a chat webhook or paste/file-drop service",
    "curl/wget sends a file or data to a Discord/Slack webhook, a Telegram bot, a paste site or a file drop.",
    400, ("T1567.004", "T1567.002", "T1041"))
DEV_TUNNEL = _h(
    "dev_tunnel", "Developer tunnel opened to the internet",
    "devtunnel host or code tunnel exposes the machine through a relay service.", 300, ("T1572", "T1219"))
PRELOAD_VARIABLE = _h(
    "preload_variable", "Library injected with LD_PRELOAD / DYLD_INSERT_LIBRARIES",
    "A program is started with a preload variable naming a library in a temporary or user folder.",
    300, ("T1574.006",))
FIREWALL_OFF = _h(
    "firewall_disabled", "Host firewall disabled or flushed",
    "ufw disable, iptables/ip6tables -F, nft flush ruleset, pfctl -d, ufw logging off, or a write to the "
    "firewall's configuration files (dual-use: image builders open the host firewall; adds up with the rest).",
    100, ("T1562.004",))
FIREWALL_SERVICE = _h(
    "firewall_service_stopped", "Firewall service stopped or a rule removed",
    "systemctl/service stop or disable of ufw, firewalld, iptables or pf, or a firewall rule deleted "
    "(dual-use: image builders do it).", 100, ("T1562.004",))
IMMUTABLE_REMOVED = _h(
    "immutable_removed", "Immutable attribute removed from a file",
    "chattr -i / chflags noschg makes a protected system, cron or ssh file writable again (miners do it to "
    "replace them).", 300, ("T1222.002",))
HISTORY_OFF = _h(
    "history_disabled_session", "History recording turned off before other commands",
    "HISTFILE unset or /dev/null, HISTSIZE/HISTFILESIZE 0, HISTIGNORE='*', HISTCONTROL ignorespace or "
    "set +o history, followed by further commands, so what follows is not recorded.", 300, ("T1690", "T1070.003"))
CA_TRUST = _h(
    "root_ca_trusted", "Certificate added to the system trust store",
    "A certificate is put into the system anchors (update-ca-trust, update-ca-certificates, certctl, "
    "security add-trusted-cert) (dual-use: corporate CAs).", 150, ("T1553.004",))
SELF_SIGNED_CA = _h(
    "self_made_ca_trusted", "Self-made CA generated and trusted",
    "The same script creates a CA with openssl req -x509 and installs a certificate as trusted.",
    250, ("T1553.004",))
GATEKEEPER = _h(
    "gatekeeper_bypass", "macOS quarantine attribute removed or Gatekeeper disabled",
    "xattr -d com.apple.quarantine or spctl --master-disable (dual-use: installers).", 150, ("T1553.001",))
INLINE_DECODE_EXEC = _h(
    "inline_decode_exec", "Interpreter one-liner decodes and runs code",
    "python -c / perl -e decodes base64 (or XORs) and passes the result to exec, eval, os.system or "
    "subprocess.", 300, ("T1140", "T1059.006"))
DECODE_TO_SHELL = _h(
    "decode_to_shell", "Data the scan could not read decoded into a shell",
    "A decoder (base64 -d, xxd -r, rev, b64decode, basenc, uudecode, openssl base64 -d) feeds sh/bash/eval "
    "with data that is not a literal the deobfuscation layer decoded: read from a file, an image, a download "
    "or another command, or decoded by a tool the layer does not implement. Code that runs without ever "
    "being readable is suspicious, never clean (a literal `echo B64 | base64 -d | sh` is decoded and judged "
    "on what it holds instead).", 300, ("T1140", "T1059.004"))
PROFILE_COMMAND = _h(
    "profile_command", "Shell startup file made to run a command",
    "A line written to .bashrc/.profile/.shrc/.zshrc/.bash_logout or /etc/profile(.d) runs a program that "
    "writes files, goes to the network, starts an interpreter or runs in the background at every login "
    "(plain export/alias/source lines are configuration, not counted).", 300, ("T1546.004",))
OFFENSIVE_TOOL = _h(
    "offensive_tool", "Offensive security tool run",
    "A command runs a tool made for attacking directories and networks (ldapdomaindump, bloodhound-python, "
    "enum4linux, crackmapexec/netexec, kerbrute, impacket scripts, linpeas, pspy).", 300, ("T1087.002", "T1003"))
REMOTE_DESKTOP = _h(
    "remote_desktop_enabled", "Remote desktop access enabled for all users",
    "The macOS Remote Management agent is activated and opened to users from a script.", 300, ("T1021.005",))
HIDE_FLAG = _h(
    "hidden_flag_set", "File hidden with a file-system flag",
    "chflags hidden / SetFile -a V hides a file from the Finder and listings.", 300, ("T1564.001",))
TEMP_SUDO = _h(
    "temp_program_sudo", "Program in a temporary folder run as root",
    "sudo runs a program kept in /tmp, /var/tmp or /dev/shm (dual-use: installers unpacked there).",
    150, ("T1059.004", "T1548.003"))

HEURISTICS: tuple[Heuristic, ...] = (
    KERNEL_MODULE, SHELL_COPY, PROC_BIND_MOUNT, SPACE_NAME, MISLEADING_EXTENSION, BOOT_SCRIPT, MAC_STARTUP,
    MAC_LAUNCHD, PYTHON_HOOK, SYSTEMD_SHELL, TRAP_HOOK, PACKET_CAPTURE, ACCOUNT_DUMP, DISCOVERY_BURST, VM_CHECK,
    REMOTE_COPY, BROWSER_SECRETS, HIDDEN_USER, WEBHOOK_EXFIL, DEV_TUNNEL, PRELOAD_VARIABLE, FIREWALL_OFF,
    FIREWALL_SERVICE, IMMUTABLE_REMOVED, HISTORY_OFF, CA_TRUST, SELF_SIGNED_CA, GATEKEEPER, INLINE_DECODE_EXEC,
    DECODE_TO_SHELL, TEMP_SUDO, PROFILE_COMMAND, OFFENSIVE_TOOL, REMOTE_DESKTOP, HIDE_FLAG,
)

_TEMP_DIRS = ("/tmp/", "/var/tmp/", "/dev/shm/")
_SYSTEM_PATHS = ("/etc/", "/var/spool/cron", "/root", "/usr/", "/bin/", "/sbin/", "/lib", "~/.ssh", "/home/",
                 "/boot/", "/var/log/")
_INTERPRETERS = frozenset({"sh", "bash", "dash", "zsh", "ksh", "ash", "python", "python2", "python3", "perl",
                           "ruby", "php", "node", "busybox"})
_SHELLS = SHELL_NAMES | {"eval", "source", "."}
_PROFILES = regex.compile(
    r"(?i)(?:^|/)\.(?:bashrc|bash_profile|bash_login|bash_logout|profile|shrc|zshrc|zprofile|zlogin|zshenv|kshrc|"
    r"cshrc|tcshrc|mkshrc)$|^/etc/(?:profile(?:\.d/.*)?|bash\.bashrc|bashrc|zshrc|zprofile|zshenv|csh\.cshrc)$")
_PROFILE_SUSPECT = regex.compile(
    r"(?i)(?:^|[\s;&|(])(?:curl|wget|nc|ncat|socat|nohup|setsid|python[\d.]*|perl|ruby|php|bash|sh|busybox)\s|"
    r"https?://|/tmp/|/dev/shm/|/var/tmp/|/dev/tcp/|[^>&\d]>>?\s*[~/$\w]|&\s*$|base64")
_OFFENSIVE_TOOLS = frozenset({
    "ldapdomaindump", "bloodhound-python", "bloodhound.py", "enum4linux", "enum4linux-ng", "crackmapexec", "cme",
    "netexec", "nxc", "kerbrute", "windapsearch", "getuserspns.py", "secretsdump.py", "getnpusers.py",
    "wmiexec.py", "smbexec.py", "atexec.py", "dcomexec.py", "ntlmrelayx.py", "linpeas.sh", "linpeas", "pspy",
    "pspy64", "les.sh", "linux-exploit-suggester.sh", "lse.sh", "responder", "hydra", "medusa", "john",
    "hashcat", "masscan", "zmap", "sqlmap", "mimipenguin", "mimipenguin.sh", "laZagne.py", "lazagne"})
_REDIRECTS = frozenset({">", ">>", ">|", "&>", "&>>", "1>", "1>>", "2>", "2>>"})
# Known Linux kernel-mode rootkits, by the module names their sources build.
_ROOTKIT_MODULES = frozenset({"diamorphine", "reptile", "suterusu", "adore-ng", "adore", "kovid", "rkduck",
                              "nurupo", "khook", "puszek", "sutekh", "enyelkm", "vlany", "bdvl"})
_DISCOVERY = frozenset({"id", "whoami", "groups", "hostname", "uname", "ps", "netstat", "ss", "ifconfig", "ip",
                        "lsof", "last", "lastlog", "lastlogin", "w", "who", "users", "dscl", "dscacheutil", "arp",
                        "route", "getent", "lscpu", "lsmod", "dmidecode", "systemctl", "sysctl", "ioreg",
                        "system_profiler", "sw_vers", "env", "printenv", "df", "mount", "crontab", "nmap",
                        "hostnamectl", "lsblk", "uptime", "ufw", "iptables", "find", "sudo"})
_ACCOUNT_FILES = ("/etc/passwd", "/etc/shadow", "/etc/gshadow", "/etc/group", "/etc/sudoers", "/etc/master.passwd",
                  "/etc/security/opasswd")
_BROWSER_STORES = regex.compile(
    r"(?i)login data|cookies\.binarycookies|/cookies(?:\.sqlite)?\b|key[34]\.db|logins\.json|signons\.sqlite|"
    r"local state|login\.keychain|keychains/|web data")
_HYPERVISORS = regex.compile(r"(?i)virtualbox|vmware|qemu|parallels|xen|kvm|hyper-?v|bochs|innotek|oracle")
_HW_TOOLS = frozenset({"dmidecode", "system_profiler", "ioreg", "lscpu", "sysctl", "lspci", "lshw", "hostnamectl"})
_WEBHOOKS = regex.compile(
    r"(?i)discord(?:app)?\.com/api/webhooks|hooks\.slack\.com|api\.telegram\.org/bot|pastebin\.com|"
    r"transfer\.sh|file\.io|webhook\.site|0x0\.st|paste\.ee|hastebin|ghostbin|anonfiles|temp\.sh")
_DECODERS = regex.compile(r"(?i)b64decode|decode_base64|base64\.decode|frombase64|unhexlify|\^\s*ord\(|chr\(")
_EXECUTORS = regex.compile(r"(?i)\bexec\s*\(|\beval\s*\(|os\.system|os\.popen|subprocess|\bsystem\s*\(|\bqx[/{(]|`")
_EXEC_START = regex.compile(r"(?i)^\s*ExecStart(?:Pre|Post)?\s*=\s*-?(.*)$")
_DOC_EXTENSIONS = regex.compile(
    r"(?i)\.(?:pdf|docx?|xlsx?|pptx?|txt|jpe?g|png|gif|bmp|mp[34]|zip|csv|rtf|odt|html?)$")
_DOUBLE_EXTENSION = regex.compile(
    r"(?i)\.(?:pdf|docx?|xlsx?|pptx?|txt|jpe?g|png|gif|mp[34]|csv|rtf)\.(?:sh|bash|py|pl|elf|bin|run|command)$")
_MAC_STARTUP_PATHS = ("/library/startupitems/", "/etc/emond.d/", "com.apple.loginwindow")
_BOOT_SCRIPTS = regex.compile(r"^/etc/(?:rc\.local|rc\.common|rc\.d/|init\.d/|rc[0-6s]\.d/)")
_PTH = regex.compile(r"(?i)(?:\.pth|/(?:site|user)customize\.py)$")
_HISTORY_VARIABLES = regex.compile(
    r"^(?:HISTFILE=(?:/dev/null)?|HISTSIZE=0|HISTFILESIZE=0|HISTIGNORE=\*|HISTCONTROL=\S*ignore(?:space|both))$")
_HISTORY_HARMLESS = frozenset({"history", "sync", "exit", "echo", "true", ":", "rm", "cat", "export", "unset",
                               "set", "shutdown", "poweroff", "logout"})
_PRELOAD = regex.compile(
    r"(?m)(?:^|[\s;&|(])(?:export\s+)?(?:LD_PRELOAD|DYLD_INSERT_LIBRARIES)=[\"']?"
    r"(?:/tmp/|/var/tmp/|/dev/shm/|\./|~/|\$HOME/|/home/|\.\.?/|[^\s/\"']+\.(?:so|dylib)\b)")
_REGEX_TIMEOUT = 0.05
_ACTION_WORDS = regex.compile(r"[\s;&|()]+")
_REMOTE_OPERAND = regex.compile(r"^[\w.-]{1,64}@[\w.-]{1,253}:")
_MAX_CONTENT_CHARS = 64 * 1024


def _search(pattern: regex.Pattern[str], text: str) -> bool:
    try:
        return pattern.search(text, timeout=_REGEX_TIMEOUT) is not None
    except TimeoutError:
        return False


def plain_arguments(arguments: Iterable[str]) -> list[str]:
    """Arguments without redirections and their targets."""
    out: list[str] = []
    skip = False
    for argument in arguments:
        if skip:
            skip = False
            continue
        if argument in _REDIRECTS or argument in ("<", "<<", "<<<", "<<-", "2>&1", ">&2", "1>&2"):
            skip = argument not in ("2>&1", ">&2", "1>&2")
            continue
        out.append(argument)
    return out


def redirect_targets(command: ExtractedCommand) -> list[str]:
    """Files a command's output goes to (`> f`, `>> f`, `&> f`)."""
    arguments = command.arguments
    return [arguments[i + 1] for i, a in enumerate(arguments[:-1]) if a in _REDIRECTS and arguments[i + 1]
            and arguments[i + 1] != "/dev/null"]


def written_files(command: ExtractedCommand) -> list[str]:
    """Files a command writes: redirections, tee's files, the destination of cp/mv/install/ln, sed -i's."""
    files = redirect_targets(command)
    name = command.name
    plain = plain_arguments(command.arguments)
    operands = [a for a in plain if not a.startswith("-")]
    if name == "tee":
        files.extend(operands)
    elif name in ("cp", "mv", "install", "ln", "rsync") and len(operands) >= 2:
        files.append(operands[-1])
    elif name == "sed" and any(a.startswith("-i") or a == "--in-place" for a in plain) and operands:
        files.extend(operands[1:])
    elif name == "touch":
        files.extend(operands)
    elif name == "dd":
        files.extend(a[3:] for a in plain if a.startswith("of="))
    return files


def _home(path: str) -> str:
    return path.replace("$HOME", "~").replace("${HOME}", "~")


@dataclass
class _Scan:
    """What the walk over one layer's commands found."""

    found: CommandHits = field(default_factory=CommandHits)

    def note(self, heuristic: Heuristic, command: ExtractedCommand) -> None:
        self.found.note(heuristic, command)


def _piped(text: str, previous: ExtractedCommand | None, command: ExtractedCommand) -> bool:
    """Whether `command` reads the output of `previous` through a pipe in the layer text."""
    if previous is None:
        return False
    start = previous.offset + previous.length
    between = text[start:command.offset] if 0 <= start <= command.offset else ""
    return "|" in between and "||" not in between and len(between) < 64


def _content(command: ExtractedCommand) -> str:
    """What an echo/printf prints (its plain arguments joined)."""
    if command.name not in ("echo", "printf"):
        return ""
    return " ".join(a for a in plain_arguments(command.arguments) if not (a.startswith("-") and len(a) <= 3))


def _check_command(scan: _Scan, command: ExtractedCommand, previous: ExtractedCommand | None, text: str,
                   written: list[str], content: str) -> None:
    name = command.name
    arguments = command.arguments
    plain = plain_arguments(arguments)
    lowered = " ".join(plain).lower()
    program = command.program
    if name in ("insmod", "kextload") or (name == "kmutil" and "load" in plain) or (
            name == "modprobe" and any(base_name(a).removesuffix(".ko").lower() in _ROOTKIT_MODULES for a in plain)):
        scan.note(KERNEL_MODULE, command)
    if name in ("cp", "ln", "install") and len([a for a in plain if not a.startswith("-")]) >= 2:
        operands = [a for a in plain if not a.startswith("-")]
        source = operands[0]
        source_name = base_name(source.split(" ")[-1].rstrip(")"))
        target = operands[-1]
        if (source.startswith(("/bin/", "/usr/bin/", "$(which", "`which")) and source_name in _INTERPRETERS
                and (base_name(target) not in ("", source_name) or target.startswith(_TEMP_DIRS) or "/." in target)):
            scan.note(SHELL_COPY, command)
    if name == "mount" and any(a in ("-B", "--bind", "--rbind") or (a.startswith("-o") and "bind" in a)
                               for a in plain) and "/proc/" in lowered:
        scan.note(PROC_BIND_MOUNT, command)
    if _space_named(program) or (name in SHELL_NAMES and plain and _space_named(plain[0])):
        scan.note(SPACE_NAME, command)
    started = program if "/" in program else ""
    if name in SHELL_NAMES and plain and not plain[0].startswith("-"):
        started = plain[0]
        if _search(_DOC_EXTENSIONS, started.strip()):
            scan.note(MISLEADING_EXTENSION, command)
    if started and _search(_DOUBLE_EXTENSION, started.strip()):
        scan.note(MISLEADING_EXTENSION, command)
    for path in written:
        path = _home(path)
        low = path.lower()
        if content and _search(_PROFILES, path) and _search(_PROFILE_SUSPECT, content):
            scan.note(PROFILE_COMMAND, command)
        if _search(_BOOT_SCRIPTS, path):
            scan.note(BOOT_SCRIPT, command)
        if any(p in low for p in _MAC_STARTUP_PATHS):
            scan.note(MAC_STARTUP, command)
        if "/launchdaemons/" in low or "/launchagents/" in low:
            scan.note(MAC_LAUNCHD, command)
        if _search(_PTH, path):
            scan.note(PYTHON_HOOK, command)
        if low.startswith(("/etc/ufw/", "/etc/default/ufw", "/etc/pf.conf", "/etc/sysconfig/iptables")):
            scan.note(FIREWALL_OFF, command)
        if low.startswith(("/etc/pki/ca-trust/source/anchors", "/usr/local/share/ca-certificates",
                           "/usr/local/share/certs", "/usr/share/ca-certificates")):
            scan.note(CA_TRUST, command)
    if name == "defaults" and "com.apple.loginwindow" in lowered and ("loginhook" in lowered or "logouthook" in lowered):
        scan.note(MAC_STARTUP, command)
    if name == "launchctl" and plain[:1] == ["submit"]:
        scan.note(MAC_STARTUP, command)
    if name == "systemctl" and plain[:1] == ["link"] and any(a.startswith(_TEMP_DIRS) for a in plain[1:]):
        scan.note(SYSTEMD_SHELL, command)
    if name == "systemd-run" and any(base_name(a) in SHELL_NAMES for a in plain):
        scan.note(SYSTEMD_SHELL, command)
    if name == "trap" and plain:
        action = plain[0]
        signals = " ".join(plain[1:]).upper()
        try:
            words = {base_name(w) for w in _ACTION_WORDS.split(action[:_MAX_CONTENT_CHARS], timeout=_REGEX_TIMEOUT)
                     if w}
        except TimeoutError:
            words = set()
        if words & (_INTERPRETERS | {"nohup", "curl", "wget", "nc", "ncat", "socat", "setsid"}) and signals:
            scan.note(TRAP_HOOK, command)
        elif "DEBUG" in signals and "BASH_COMMAND" in action:
            scan.note(TRAP_HOOK, command)
    if name in ("tcpdump", "tshark", "dumpcap", "tcpflow"):
        scan.note(PACKET_CAPTURE, command)
    if name in ("cat", "grep", "egrep", "cut", "awk", "head", "tail", "sort", "getent") and redirect_targets(command) \
            and any(a.startswith(_ACCOUNT_FILES) for a in plain):
        scan.note(ACCOUNT_DUMP, command)
    if name in ("lastlog", "lastlogin", "last", "lastb") and redirect_targets(command) or (
            name == "dscl" and "list" in plain and "/users" in lowered and redirect_targets(command)):
        scan.note(ACCOUNT_DUMP, command)
    if name == "sysctl" and any(a.startswith(("hw.hv_vendor", "kern.hv_vm_present", "hw.model",
                                                 "machdep.cpu.features")) for a in plain):
        scan.note(VM_CHECK, command)
    if name in ("scp", "rsync", "sftp") and any(_search(_REMOTE_OPERAND, a) for a in plain):
        scan.note(REMOTE_COPY, command)
    if _search(_BROWSER_STORES, command.command_line) and name not in ("echo", "printf"):
        scan.note(BROWSER_SECRETS, command)
    if name == "security" and plain[:1] and plain[0] in ("dump-keychain", "find-generic-password",
                                                          "find-internet-password") or (
            name == "security" and plain[:1] == ["find-certificate"] and "-p" in plain):
        scan.note(BROWSER_SECRETS, command)
    if "--remote-debugging-port" in lowered:
        scan.note(BROWSER_SECRETS, command)
    if name == "dscl" and "-create" in plain and ("ishidden" in lowered or _low_unique_id(plain)):
        scan.note(HIDDEN_USER, command)
    if name in ("useradd", "adduser", "usermod") and ("-o" in plain or "--non-unique" in plain) and any(
            a in ("0", "-u0") for a in plain):
        scan.note(HIDDEN_USER, command)
    if name in ("curl", "wget") and _search(_WEBHOOKS, command.command_line) and any(
            a.startswith(("-F", "-d", "--data", "-T", "--upload-file", "--form", "--post-file", "--post-data", "-X"))
            for a in plain):
        scan.note(WEBHOOK_EXFIL, command)
    if (name == "devtunnel" and plain[:1] == ["host"]) or (name == "code" and plain[:1] == ["tunnel"]):
        scan.note(DEV_TUNNEL, command)
    if (name == "ufw" and (plain[:1] == ["disable"] or plain[:2] == ["logging", "off"])) or (
            name in ("iptables", "ip6tables") and any(a in ("-F", "--flush", "-X") for a in plain)) or (
            name == "nft" and plain[:2] == ["flush", "ruleset"]) or (name == "pfctl" and "-d" in plain):
        scan.note(FIREWALL_OFF, command)
    if (name in ("systemctl", "service") and any(a in ("stop", "disable", "mask") for a in plain)
            and any(a.removesuffix(".service") in ("ufw", "firewalld", "iptables", "ip6tables", "pf", "nftables")
                    for a in plain)) or (name in ("iptables", "ip6tables") and "-D" in plain) or (
            name == "ufw" and plain[:1] in (["delete"], ["prepend"], ["reset"])):
        scan.note(FIREWALL_SERVICE, command)
    if ((name == "chattr" and any(a.startswith("-") and "i" in a[1:] and not a.startswith("--") for a in plain)) or (
            name == "chflags" and any(a in ("noschg", "nosimmutable", "nouchg", "nouimmutable") for a in plain))) \
            and any(_home(a).startswith(_SYSTEM_PATHS) for a in plain):
        scan.note(IMMUTABLE_REMOVED, command)
    if name in ("update-ca-trust", "update-ca-certificates") or (name == "certctl" and "rehash" in plain) or (
            name == "security" and plain[:1] == ["add-trusted-cert"]):
        scan.note(CA_TRUST, command)
    if (name == "xattr" and "com.apple.quarantine" in lowered and any(a.startswith("-") and ("d" in a or "c" in a)
                                                                        for a in plain)) or (
            name == "spctl" and ("--master-disable" in plain or "--global-disable" in plain)):
        scan.note(GATEKEEPER, command)
    if name.startswith(("python", "perl", "ruby", "php")) and any(a in ("-c", "-e", "-le", "-ne", "-r") for a in plain):
        code = " ".join(plain)
        if _search(_DECODERS, code) and _search(_EXECUTORS, code):
            scan.note(INLINE_DECODE_EXEC, command)
    if name.lower() in _OFFENSIVE_TOOLS:
        scan.note(OFFENSIVE_TOOL, command)
    if name == "kickstart" and "-activate" in plain and "-allowaccessfor" in lowered:
        scan.note(REMOTE_DESKTOP, command)
    if (name == "chflags" and "hidden" in plain) or (name.lower() == "setfile" and "-a" in plain and "V" in plain):
        scan.note(HIDE_FLAG, command)
    if name == "sudo" and plain and plain[0].startswith(_TEMP_DIRS):
        scan.note(TEMP_SUDO, command)


def _space_named(path: str) -> bool:
    """A file name that ends with a space or tab after visible characters (`init `)."""
    return path.endswith((" ", "\t")) and bool(path.strip()) and not path.startswith("-")


def _low_unique_id(plain: list[str]) -> bool:
    for index, argument in enumerate(plain[:-1]):
        if argument.lower() == "uniqueid":
            value = plain[index + 1]
            return value.isdigit() and int(value) < 500
    return False


def _unread_decode(text: str, source: ExtractedCommand | None, decoder: ExtractedCommand) -> bool:
    """Whether `decoder` (piped into a shell) decodes something the deobfuscation layer did not read."""
    if _decodes(decoder):
        return True  # a decoder the layer does not implement
    if not _layer_decodes(decoder):
        return False
    arguments = decoder.arguments
    written = text[decoder.offset:decoder.offset + decoder.length]
    if "<<<" in written:  # a here-string: literal unless it expands something
        here = written.split("<<<", 1)[1]
        return "$" in here or "`" in here
    operands = [a for a in plain_arguments(arguments) if not a.startswith("-")]
    if operands:
        return True  # decodes a file
    if source is None or not _piped(text, source, decoder):
        return True
    if source.name in ("echo", "printf"):
        return any("$" in a or "`" in a for a in plain_arguments(source.arguments))
    return True  # the output of another program: a download, an image, a file


def _layer_decodes(command: ExtractedCommand) -> bool:
    """`base64 -d`, `xxd -r`, `rev`: decoders whose literal input the deobfuscation layer decodes."""
    name = command.name
    plain = plain_arguments(command.arguments)
    if name == "base64":
        return any(a in ("-d", "--decode", "-D") or (a.startswith("-") and not a.startswith("--") and "d" in a)
                   for a in plain)
    return (name == "xxd" and any(a.startswith("-r") for a in plain)) or name == "rev"


def _decodes(command: ExtractedCommand) -> bool:
    """A decoder the deobfuscation layer does not implement (`base64 -d`, `xxd -r`, `rev` it does)."""
    name = command.name
    plain = plain_arguments(command.arguments)
    if name in ("base32", "basenc") and any(a in ("-d", "--decode", "-D") or
                                            (a.startswith("-") and not a.startswith("--") and "d" in a)
                                            for a in plain):
        return True
    if name in ("b64decode", "uudecode"):
        return True
    return name == "openssl" and "-d" in plain and any(a in ("base64", "-base64", "-a", "enc") for a in plain)


def _systemd_units(scan: _Scan, unit_lines: dict[str, list[tuple[str, ExtractedCommand]]]) -> None:
    for path, lines in unit_lines.items():
        if not path.endswith((".service", ".timer", ".conf")):
            continue
        for line, command in lines:
            try:
                match = _EXEC_START.match(line, timeout=_REGEX_TIMEOUT)
            except TimeoutError:
                continue
            if match is None:
                continue
            run = match.group(1).strip().strip("\"'")
            first = run.split(" ", 1)[0]
            if first.startswith(_TEMP_DIRS) or (base_name(first) in SHELL_NAMES and " -c" in run):
                scan.note(SYSTEMD_SHELL, command)


def shell_command_findings(view: TextView) -> list[Finding]:
    commands = [c for c in commands_of(view.payload, view.ctx) if c.shell is Shell.SHELL]
    scan = _Scan()
    if "ld_preload" in view.lowered or "dyld_insert_libraries" in view.lowered:
        try:
            match = _PRELOAD.search(view.text, timeout=_REGEX_TIMEOUT)
        except TimeoutError:
            match = None
        if match is not None:
            offset = match.start()
            scan.note(PRELOAD_VARIABLE, ExtractedCommand(
                program="", arguments=(), command_line=match.group(0).strip(), shell=Shell.SHELL, image="",
                parent_image="", offset=offset, length=match.end() - offset))
    if not commands and not scan.found:
        return []
    unit_lines: dict[str, list[tuple[str, ExtractedCommand]]] = {}
    discovery: set[str] = set()
    history_off_at: int | None = None
    after_history: list[ExtractedCommand] = []
    made_ca = False
    previous: ExtractedCommand | None = None
    for index, command in enumerate(commands):
        written = written_files(command)
        name = command.name
        content = _content(command)
        if name == "tee" and previous is not None and _piped(view.text, previous, command):
            content = _content(previous)
        elif name == "sed" and written:
            content = " ".join(a for a in plain_arguments(command.arguments) if not a.startswith("-") and a not in written)
            content = content.split("|", 2)[2] if content.startswith("s|") and content.count("|") >= 2 else content
        _check_command(scan, command, previous, view.text, written, content)
        if name in _SHELLS and previous is not None and not any(a == "-c" for a in command.arguments) \
                and _piped(view.text, previous, command) and (_decodes(previous) or _layer_decodes(previous)):
            source = commands[index - 2] if index >= 2 else None
            if _unread_decode(view.text, source, previous):
                scan.note(DECODE_TO_SHELL, command)
        if name in _DISCOVERY:
            discovery.add(name)
        if name == "openssl" and "req" in command.arguments and "-x509" in command.arguments:
            made_ca = True
        if content and len(unit_lines) < 1000:
            for path in written:
                if path.endswith((".service", ".timer", ".conf")):
                    unit_lines.setdefault(path, []).extend((line, command) for line in content.splitlines()[:200])
        if _disables_history(command):
            history_off_at = index if history_off_at is None else history_off_at
        elif history_off_at is not None and name not in _HISTORY_HARMLESS and not name.startswith("$"):
            after_history.append(command)
        previous = command
    _systemd_units(scan, unit_lines)
    if len(discovery) >= 5:
        scan.note(DISCOVERY_BURST, next(c for c in commands if c.name in _DISCOVERY))
    if made_ca and CA_TRUST.id in scan.found:
        scan.note(SELF_SIGNED_CA, scan.found.first(CA_TRUST.id))
    if history_off_at is None:
        history_off_at = _history_off_in_text(view.text, commands)
        after_history = [c for c in commands[history_off_at:] if c.name not in _HISTORY_HARMLESS] \
            if history_off_at is not None else []
    if history_off_at is not None and after_history:
        scan.note(HISTORY_OFF, commands[history_off_at])
    if VM_CHECK.id not in scan.found:
        _vm_check(scan, commands)
    return scan.found.findings(view)


def _disables_history(command: ExtractedCommand) -> bool:
    name = command.name
    plain = plain_arguments(command.arguments)
    if name in ("export", "declare", "typeset", "local", "readonly"):
        return any(_search(_HISTORY_VARIABLES, a.replace('"', "").replace("'", "")) for a in plain)
    if name == "unset":
        return "HISTFILE" in plain
    return name == "set" and plain[:2] == ["+o", "history"]


_HISTORY_TEXT = regex.compile(
    r"(?m)(?:^|[;&|(]|\bthen|\bdo|\belse)\s*(?:export\s+|declare\s+(?:-x\s+)?)?(?:"
    r"HISTFILE=[\"']?(?:/dev/null)?[\"']?(?=[\s;&|)]|$)|HISTSIZE=[\"']?0\b|HISTFILESIZE=[\"']?0\b|"
    r"HISTIGNORE=[\"']?\*[\"']?(?=[\s;&|)]|$)|HISTCONTROL=[\"']?\w*ignore(?:space|both))|"
    r"(?:^|[;&|(])\s*(?:unset\s+HISTFILE\b|set\s+\+o\s+history\b|history\s+-c\b|"
    r"(?:echo\s+(?:\"\"|'')?|cat\s+/dev/null|:|true)?\s*>\s*(?:\$HISTFILE|\$\{HISTFILE\}|~/\.bash_history))")


def _history_off_in_text(text: str, commands: list[ExtractedCommand]) -> int | None:
    """The index of the first command that starts after the script turns history recording off or
    clears it (the `export`/`unset` itself is not an extracted command)."""
    try:
        match = _HISTORY_TEXT.search(text, timeout=_REGEX_TIMEOUT)
    except TimeoutError:
        return None
    if match is None:
        return None
    for index, command in enumerate(commands):
        if command.offset >= match.end():
            return index
    return None


def _vm_check(scan: _Scan, commands: list[ExtractedCommand]) -> None:
    """A hardware-information tool whose output is searched for a hypervisor's name."""
    for index, command in enumerate(commands):
        if command.name not in _HW_TOOLS:
            continue
        for follower in commands[index + 1:index + 4]:
            if follower.name in ("grep", "egrep", "fgrep", "awk") and _search(_HYPERVISORS, follower.command_line):
                scan.note(VM_CHECK, command)
                return


FAMILY = Family(name="shell", checks=(shell_command_findings,))

__all__ = ["FAMILY", "HEURISTICS", "plain_arguments", "redirect_targets", "shell_command_findings", "written_files"]
