"""Heuristics over sh/bash commands: privilege and capability changes, secrets looked for,
tunnels and relays, data sent out, container escapes, scheduling with `at`.

Same reading as `shell_commands.py` (programs and folded arguments, not lines); what is
dual-use for an administrator (a port forward, a network scan, `sudo -l`) scores low alone.
"""

from __future__ import annotations

import regex

from inspector.analyzers.heuristics.patterns import CommandHits, Family, TextView
from inspector.analyzers.heuristics.shell_commands import plain_arguments
from inspector.commands import commands_of
from inspector.commands.model import ExtractedCommand, Shell, base_name
from inspector.commands.shell import SHELL_NAMES
from inspector.model import Finding
from inspector.stage import Heuristic


def _h(name: str, title: str, description: str, score: int, attack: tuple[str, ...]) -> Heuristic:
    return Heuristic(id=f"heur.shell.{name}", title=title, description=description, score=score, attack=attack)


SETUID = _h(
    "setuid_interpreter", "Set-uid bit or setuid capability given to a shell or interpreter",
    "chmod u+s / 4xxx, or setcap cap_setuid, on a shell, an interpreter or a program that runs commands "
    "(find, vim, less, cp...): any user becomes root through it.", 400, ("T1548.001",))
PRIVATE_KEYS = _h(
    "private_key_hunt", "SSH private keys or passwords looked for",
    "Private keys searched for or read (find -name id_rsa, cat ~/.ssh/id_*), or a recursive grep for "
    "passwords through history, home or configuration files.", 300, ("T1552.004", "T1552.003", "T1552.001"))
PROCESS_MEMORY = _h(
    "process_memory_dump", "Process memory read or dumped",
    "dd/cat of /proc/<pid>/mem or gcore of a running process copies its memory, credentials included.",
    400, ("T1003.007",))
TUNNEL = _h(
    "ssh_socks_or_relay", "SSH SOCKS proxy, reverse tunnel or socat relay",
    "ssh -D/-R started in the background without a command (-N/-f), or socat listening and forwarding to "
    "another host: traffic relayed through the machine (dual-use: admins reach private hosts this way).",
    150, ("T1572", "T1090"))
PROTECTED_ARCHIVE = _h(
    "password_archive", "Archive protected by a password",
    "zip -P / -e, 7z -p or rar -hp packs files under a password (dual-use: backups).", 150, ("T1560.001",))
PTY_UPGRADE = _h(
    "pty_spawn", "Interactive shell spawned through a pseudo-terminal",
    "python -c 'import pty; pty.spawn(\"/bin/bash\")' or script -qc /bin/bash upgrades a raw connection "
    "to a full shell.", 300, ("T1059.006", "T1059.004"))
CONTAINER_ESCAPE = _h(
    "container_escape", "Host file system or namespaces entered from a container",
    "docker/podman run with the host root mounted or --privileged then chroot, or nsenter into PID 1's "
    "namespaces.", 400, ("T1611",))
AT_JOB = _h(
    "at_job", "Command scheduled with at",
    "A command is queued with at/batch; stronger when it runs something from a temporary folder or a URL.",
    150, ("T1053.002",))
AT_PAYLOAD = _h(
    "at_job_payload", "at job runs a temporary-folder program or a download",
    "The command queued with at runs a file from /tmp, /dev/shm or /var/tmp, or fetches a URL.",
    250, ("T1053.002",))
FILE_EXFIL = _h(
    "file_upload", "Local file sent to a remote host",
    "curl -T/--upload-file, curl -d @file or --data-binary @file, or nc/ncat fed a file, to another host.",
    300, ("T1048", "T1041"))
NETWORK_SCAN = _h(
    "network_scan", "Network scanned",
    "nmap/masscan/zmap sweep addresses or ports (dual-use: inventory).", 200, ("T1046",))
SUID_SEARCH = _h(
    "suid_search", "Set-uid programs or sudo rights enumerated",
    "find -perm -4000/-u=s or sudo -l: the first step of privilege escalation (dual-use: audits).",
    100, ("T1083", "T1548"))
HIDDEN_BINARY_INSTALL = _h(
    "hidden_binary_install", "Program from a hidden or shared-memory folder installed as a system binary",
    "cp/mv/install of a file from /dev/shm or a dot-directory into /usr/bin, /usr/sbin, /bin or /sbin, where "
    "it passes for a system program.", 300, ("T1036.005",))

HEURISTICS: tuple[Heuristic, ...] = (
    SETUID, PRIVATE_KEYS, PROCESS_MEMORY, TUNNEL, PROTECTED_ARCHIVE, PTY_UPGRADE, CONTAINER_ESCAPE, AT_JOB,
    AT_PAYLOAD, FILE_EXFIL, NETWORK_SCAN, SUID_SEARCH, HIDDEN_BINARY_INSTALL,
)

# Programs that give a shell or write files for whoever runs them (GTFOBins-style).
_ESCALATORS = frozenset(SHELL_NAMES | {
    "python", "python2", "python3", "perl", "ruby", "php", "node", "lua", "find", "vim", "vi", "nano", "less",
    "more", "awk", "gawk", "nmap", "cp", "mv", "tar", "zip", "env", "tee", "dd", "cat", "xxd", "base64", "sed",
    "gdb", "strace", "docker", "socat", "nc", "busybox", "expect", "make", "git", "rsync", "openssl", "chmod",
    "chown"})
_SETUID_MODE = regex.compile(r"^(?:[ugoa]*\+[rwxX]*s[rwxX]*|[0-7]?[4-7][0-7]{3})$")
_KEY_NAMES = regex.compile(r"(?i)id_(?:rsa|dsa|ecdsa|ed25519)\b|\.pem$|\.ppk$|\*\.key$")
_PASSWORD_WORDS = regex.compile(r"(?i)pass(?:word|wd)?|secret|token|api[_-]?key|credential")
_PASSWORD_PLACES = ("~/", "/home", "/root", "/etc", "/var/www", "/opt", ".bash_history", "/", "$HOME")
_UPLOAD_OPTIONS = ("-T", "--upload-file", "--data-binary", "-d", "--data", "--data-raw", "-F", "--form")
_TEMP = ("/tmp/", "/var/tmp/", "/dev/shm/")
_REGEX_TIMEOUT = 0.05
_PROC_MEM = regex.compile(r"/proc/(?:\d{1,10}|\$\w{1,64}|\*)/mem\b")
_DOT_DIRECTORY = regex.compile(r"/\.[^./][^/]{0,255}/")


def _matches(pattern: regex.Pattern[str], text: str) -> bool:
    try:
        return pattern.search(text, timeout=_REGEX_TIMEOUT) is not None
    except TimeoutError:
        return False


def _remote_url(arguments: list[str]) -> bool:
    return any(a.lower().startswith(("http://", "https://", "ftp://", "ftps://", "scp://", "sftp://")) and
               "://localhost" not in a and "://127." not in a for a in arguments)


def _check(found: CommandHits, command: ExtractedCommand, previous: ExtractedCommand | None, text: str) -> None:
    def note(heuristic: Heuristic) -> None:
        found.note(heuristic, command)

    name = command.name
    plain = plain_arguments(command.arguments)
    line = " ".join(plain)
    if name == "chmod" and len(plain) >= 2 and _matches(_SETUID_MODE, plain[0]) and \
            any(base_name(p) in _ESCALATORS for p in plain[1:]):
        note(SETUID)
    if name == "setcap" and "cap_setuid" in line.lower() and any(base_name(p) in _ESCALATORS for p in plain):
        note(SETUID)
    if name in ("find", "locate") and _matches(_KEY_NAMES, line):
        note(PRIVATE_KEYS)
    if name in ("cat", "cp", "scp", "base64", "tar", "zip") and any(
            "/.ssh/" in p and _matches(_KEY_NAMES, base_name(p)) for p in plain):
        note(PRIVATE_KEYS)
    if name in ("grep", "egrep", "rgrep") and any(a.startswith("-") and ("r" in a or "R" in a) for a in plain) \
            or name in ("grep", "egrep") and any(".bash_history" in p for p in plain):
        operands = [p for p in plain if not p.startswith("-")]
        if operands and _matches(_PASSWORD_WORDS, operands[0]) and any(
                p.startswith(_PASSWORD_PLACES) or ".bash_history" in p for p in operands[1:]):
            note(PRIVATE_KEYS)
    if (name in ("dd", "cat", "strings", "xxd") and any(
            _matches(_PROC_MEM, p) for p in plain)) or name in ("gcore",):
        note(PROCESS_MEMORY)
    if name in ("ssh", "autossh") and any(a.startswith("-") and not a.startswith("--") and ("D" in a or "R" in a)
                                          for a in plain) and any(a.startswith("-") and ("N" in a or "f" in a)
                                                                  for a in plain):
        note(TUNNEL)
    if name == "socat" and any(p.upper().startswith(("TCP-LISTEN", "TCP4-LISTEN", "UDP-LISTEN")) for p in plain) \
            and any(p.upper().startswith(("TCP:", "TCP4:", "UDP:", "SOCKS")) for p in plain):
        note(TUNNEL)
    if (name == "zip" and any(a in ("-P", "-e", "--password", "--encrypt") for a in plain)) or (
            name in ("7z", "7za") and any(a.startswith("-p") for a in plain)) or (
            name == "rar" and any(a.startswith("-hp") for a in plain)):
        note(PROTECTED_ARCHIVE)
    if name.startswith("python") and "pty" in line and "spawn" in line:
        note(PTY_UPGRADE)
    if name == "script" and "-c" in " ".join(plain) and any(base_name(p) in SHELL_NAMES for p in plain):
        note(PTY_UPGRADE)
    if name in ("docker", "podman", "nerdctl") and plain[:1] in (["run"], ["exec"]) and (
            any(p.startswith("/:/") or p == "/:/host" for p in plain) or
            ("--privileged" in plain and any(p in ("chroot", "nsenter") for p in plain))):
        note(CONTAINER_ESCAPE)
    if name == "nsenter" and any(a in ("-t", "--target") for a in plain) and ("1" in plain or "--target=1" in plain):
        note(CONTAINER_ESCAPE)
    if name in ("at", "batch") and previous is not None:
        between = text[previous.offset + previous.length:command.offset]
        if "|" in between and "||" not in between:
            note(AT_JOB)
            if any(t in previous.command_line for t in _TEMP) or "://" in previous.command_line:
                note(AT_PAYLOAD)
    if name == "curl" and _remote_url(plain) and any(
            (a in ("-T", "--upload-file")) or (a in _UPLOAD_OPTIONS and i + 1 < len(plain) and
                                               plain[i + 1].startswith("@") and plain[i + 1] != "@-")
            or (a in _UPLOAD_OPTIONS and i + 1 < len(plain) and plain[i + 1] == "@-" and previous is not None
                and _reads_secret(previous))
            for i, a in enumerate(plain)):
        note(FILE_EXFIL)
    arguments = command.arguments
    if name in ("nc", "ncat", "netcat") and not any(a.startswith("-") and "z" in a for a in plain) and any(
            a == "<" and i + 1 < len(arguments) and arguments[i + 1].startswith(("/", "~", "$"))
            for i, a in enumerate(arguments)):
        note(FILE_EXFIL)
    if name in ("nmap", "masscan", "zmap"):
        note(NETWORK_SCAN)
    if (name == "find" and any(p in ("-4000", "-u=s", "/4000", "-2000", "-g=s") for p in plain)) or (
            name == "sudo" and plain[:1] == ["-l"]):
        note(SUID_SEARCH)
    if name in ("cp", "mv", "install") and len([p for p in plain if not p.startswith("-")]) >= 2:
        operands = [p for p in plain if not p.startswith("-")]
        source, target = operands[0], operands[-1]
        if (source.startswith("/dev/shm/") or _matches(_DOT_DIRECTORY, source)) and \
                target.startswith(("/usr/bin/", "/usr/sbin/", "/bin/", "/sbin/", "/usr/local/bin/", "/usr/local/sbin/")):
            note(HIDDEN_BINARY_INSTALL)


def _reads_secret(command: ExtractedCommand) -> bool:
    return any(p.startswith(("/etc/passwd", "/etc/shadow", "/root/", "~/.ssh", "/home/")) or "/.ssh/" in p
               for p in command.arguments)


def shell_access_findings(view: TextView) -> list[Finding]:
    commands = [c for c in commands_of(view.payload, view.ctx) if c.shell is Shell.SHELL]
    if not commands:
        return []
    found = CommandHits()
    previous: ExtractedCommand | None = None
    for command in commands:
        _check(found, command, previous, view.text)
        previous = command
    return found.findings(view)


FAMILY = Family(name="shell_access", checks=(shell_access_findings,))

__all__ = ["FAMILY", "HEURISTICS", "shell_access_findings"]
