"""Static folding of obfuscated sh/bash words: glob paths, printf/echo -e escapes, `$'...'`.

Shared by the command extractor (inspector/commands/shell.py) and the shell deobfuscation
layer. Nothing here runs a program or reads the file system: a glob such as `/???/??n/???n?f`
is resolved against a fixed list of the standard directories and program names every Linux
system has, and printf understands only `%s`, `%b`, `%c`, `%%` and escapes.
"""

from __future__ import annotations

import fnmatch
import functools

# Directories a glob path is resolved through, and the programs (by base name) it may name.
# Fixed on purpose: resolution must not depend on the scanning host.
STANDARD_DIRECTORIES = ("/bin", "/usr", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local", "/usr/local/bin",
                        "/usr/local/sbin", "/etc", "/tmp", "/dev", "/var", "/var/tmp", "/dev/shm", "/proc", "/root",
                        "/home", "/opt", "/lib", "/usr/lib", "/var/log", "/etc/cron.d", "/etc/init.d", "/etc/ssh",
                        "/root/.ssh", "/etc/systemd", "/etc/systemd/system", "/dev/tcp", "/dev/udp")
# Program names and well-known file names, most used first: an ambiguous glob resolves to the
# first name that fits.
STANDARD_NAMES = (
    "bash", "sh", "cat", "curl", "wget", "echo", "printf", "python3", "python", "perl", "nc", "ncat", "base64",
    "chmod", "chown", "rm", "cp", "mv", "ls", "id", "whoami", "uname", "ps", "kill", "sleep", "nohup", "crontab",
    "useradd", "usermod", "passwd", "sudo", "su", "ssh", "scp", "socat", "telnet", "openssl", "tar", "gzip",
    "gunzip", "xxd", "rev", "awk", "sed", "grep", "head", "tail", "tee", "touch", "mkdir", "find", "xargs", "dd",
    "mount", "iptables", "ufw", "systemctl", "service", "setenforce", "insmod", "modprobe", "history", "env",
    "hostname", "ifconfig", "ip", "netstat", "ss", "dash", "zsh", "ksh", "busybox", "php", "ruby", "node",
    "shred", "truncate", "unset", "export", "eval", "exec", "chattr", "lsattr", "pkill", "killall", "tr", "cut",
    "sort", "uniq", "wc", "date", "uptime", "w", "who", "last", "lastlog", "groups", "getent", "ping", "nmap",
    "dig", "nslookup", "host", "ftp", "tftp", "sftp", "rsync", "zip", "unzip", "xz", "bzip2", "gpg",
    "tcpdump", "tshark", "lsof", "strings", "split", "file", "stat", "ln", "install", "chgrp", "chpasswd",
    "groupadd", "userdel", "visudo", "at", "atq", "batch", "journalctl", "auditctl", "ausearch", "logger",
    "shutdown", "reboot", "halt", "poweroff", "systemd-run", "hostnamectl", "timedatectl", "lsmod", "rmmod",
    "dmidecode", "lscpu", "lspci", "lsblk", "df", "du", "free", "top", "pgrep", "pidof", "nohup", "setsid",
    "screen", "tmux", "script", "expect", "gcc", "cc", "make", "git", "docker", "kubectl", "nsenter", "chroot",
    "unshare", "capsh", "setcap", "getcap", "sysctl", "update-ca-certificates", "update-ca-trust", "yes",
    "timeout", "watch", "xdg-open", "sqlite3", "mysql", "psql", "ldapsearch", "smbclient", "mkfifo", "mknod",
    "launchctl", "security", "dscl", "dscacheutil", "defaults", "osascript", "kextload", "kextunload", "kmutil",
    "chflags", "xattr", "spctl", "csrutil", "ioreg", "system_profiler", "sw_vers", "pfctl", "plutil", "open",
    "codesign", "hdiutil", "diskutil", "networksetup", "scutil", "SetFile", "whois", "split",
)
# Well-known files a glob path may name, and the directories they live in.
STANDARD_FILES = ("passwd", "shadow", "hosts", "sudoers", "group", "gshadow", "crontab", "rc.local", "resolv.conf",
                  "authorized_keys", "bash_history", ".bash_history", "ld.so.preload", "profile", "bashrc")
_FILE_DIRECTORIES = frozenset({"/etc", "/root", "/root/.ssh", "/etc/ssh", "/home"})
_GLOB_CHARS = frozenset("?*[")
_MAX_GLOB_CHARS = 256
_MAX_PRINTF_OUTPUT = 64 * 1024
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "\\": "\\",
                   "'": "'", '"': '"', "e": "\x1b", "E": "\x1b", "?": "?"}


def has_glob(word: str) -> bool:
    return any(c in _GLOB_CHARS for c in word)


@functools.lru_cache(maxsize=4096)
def resolve_glob(path: str) -> str | None:
    """The standard path a glob path names (`/???/??n/???n?f` -> `/usr/bin/printf`), None when none fits.

    A bare glob (`c?rl`) resolves against the program names alone. Only `?`, `*` and `[...]` are
    understood; the first standard name that fits wins.
    """
    if not has_glob(path) or len(path) > _MAX_GLOB_CHARS:
        return None
    directory, _, name = path.rpartition("/")
    resolved_dir = ""
    if directory:
        if has_glob(directory):
            resolved_dir = next((d for d in STANDARD_DIRECTORIES if fnmatch.fnmatchcase(d, directory)), "")
            if not resolved_dir:
                return None
        else:
            resolved_dir = directory
    elif "/" in path:
        resolved_dir = ""
    if not has_glob(name):
        return f"{resolved_dir}/{name}" if "/" in path else name
    if "/" not in path:
        return next((p for p in STANDARD_NAMES if fnmatch.fnmatchcase(p, name)), None)
    directories = [d for d in STANDARD_DIRECTORIES if fnmatch.fnmatchcase(d, directory)] if has_glob(directory) \
        else [directory]
    for names, fits in ((STANDARD_FILES, lambda d: d in _FILE_DIRECTORIES),
                        (STANDARD_NAMES, lambda d: d not in _FILE_DIRECTORIES)):
        for candidate in names:
            if fnmatch.fnmatchcase(candidate, name):
                place = next((d for d in directories if fits(d)), None)
                if place is not None:
                    return f"{place}/{candidate}"
    fitting = next((p for p in STANDARD_NAMES + STANDARD_FILES if fnmatch.fnmatchcase(p, name)), None)
    return f"{resolved_dir}/{fitting}" if fitting is not None else None


def unescape_ansi_c(body: str) -> str:
    """The value of a `$'...'` string's body (bash's ANSI-C escapes)."""
    return _unescape(body, octal_digits=3, octal_needs_zero=False)


def unescape_echo_e(body: str) -> str:
    """What `echo -e` prints for an argument (`\\0nnn` octal, `\\xHH` hex, the usual letters)."""
    return _unescape(body, octal_digits=3, octal_needs_zero=True)


def _unescape(body: str, *, octal_digits: int, octal_needs_zero: bool) -> str:
    out: list[str] = []
    index = 0
    length = len(body)
    while index < length and len(out) < _MAX_PRINTF_OUTPUT:
        char = body[index]
        if char != "\\" or index + 1 >= length:
            out.append(char)
            index += 1
            continue
        nxt = body[index + 1]
        if nxt == "x":
            digits = _take(body, index + 2, 2, "0123456789abcdefABCDEF")
            if digits:
                out.append(chr(int(digits, 16)))
                index += 2 + len(digits)
                continue
        elif nxt == "u" or nxt == "U":
            digits = _take(body, index + 2, 4 if nxt == "u" else 8, "0123456789abcdefABCDEF")
            if digits and int(digits, 16) < 0x110000:
                out.append(chr(int(digits, 16)))
                index += 2 + len(digits)
                continue
        elif nxt in "01234567":
            start = index + 1
            if octal_needs_zero:
                if nxt != "0":
                    out.append("\\" + nxt)
                    index += 2
                    continue
                start += 1
            digits = _take(body, start, octal_digits, "01234567")
            if digits or octal_needs_zero:
                out.append(chr(int(digits or "0", 8) & 0xFF))
                index = start + len(digits)
                continue
        elif nxt in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[nxt])
            index += 2
            continue
        out.append("\\" + nxt)
        index += 2
    return "".join(out)


def _take(text: str, start: int, count: int, allowed: str) -> str:
    end = start
    while end < len(text) and end - start < count and text[end] in allowed:
        end += 1
    return text[start:end]


def printf_output(format_: str, arguments: list[str]) -> str | None:
    """What `printf FORMAT ARGS...` prints, for the directives `%s %b %c %d %%` (None: another one)."""
    out: list[str] = []
    values = list(arguments)
    rounds = 0
    while True:
        index = 0
        used = False
        while index < len(format_):
            char = format_[index]
            if char == "%" and index + 1 < len(format_):
                directive = format_[index + 1]
                if directive == "%":
                    out.append("%")
                elif directive in "sbcd":
                    value = values.pop(0) if values else ""
                    used = True
                    out.append(unescape_echo_e(value) if directive == "b" else value[:1] if directive == "c"
                               else value)
                else:
                    return None
                index += 2
                continue
            if char == "\\" and index + 1 < len(format_):
                end = index + 2
                if format_[index + 1] == "x":
                    end += len(_take(format_, end, 2, "0123456789abcdefABCDEF"))
                elif format_[index + 1] in "01234567":
                    end = index + 1 + len(_take(format_, index + 1, 3, "01234567"))
                out.append(_unescape(format_[index:end], octal_digits=3, octal_needs_zero=False))
                index = end
                continue
            out.append(char)
            index += 1
        rounds += 1
        # printf reuses its format while arguments remain
        if not values or not used or rounds > 1024 or sum(map(len, out)) > _MAX_PRINTF_OUTPUT:
            break
    return "".join(out)[:_MAX_PRINTF_OUTPUT]


__all__ = ["STANDARD_DIRECTORIES", "STANDARD_FILES", "STANDARD_NAMES", "has_glob", "printf_output", "resolve_glob",
           "unescape_ansi_c", "unescape_echo_e"]
