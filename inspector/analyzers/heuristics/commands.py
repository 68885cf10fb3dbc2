"""Heuristics over extracted commands (inspector.commands), not raw lines.

A regex over text sees one spelling at a time and one line at a time; these read the commands
a script would run, with aliases resolved, parameters bound to their full names and variables
folded. So `-w h`, `-win hidden` and `-wINdowsTYLe 1` are one hidden window, a download in
one statement and the start of the same file in the next are one chain, and a Run key held in
`$RunKey` is still a Run key.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

import regex

from inspector.analyzers.heuristics.patterns import CommandHits, Family, TextView
from inspector.commands import commands_of, extract_commands
from inspector.commands.model import ExtractedCommand, Shell, base_name
from inspector.commands.powershell import bind_parameters
from inspector.model import Finding
from inspector.stage import Heuristic

HIDDEN_POWERSHELL = Heuristic(
    id="heur.commands.hidden_powershell",
    title="PowerShell started with a hidden window",
    description="A command starts powershell.exe/pwsh with WindowStyle Hidden, in any spelling the host accepts "
    "(-w h, -win hidden, -WindowStyle 1), or Start-Process runs a program hidden (dual-use: scheduled jobs).",
    score=60,
    attack=("T1564.003", "T1059.001"),
)
DOWNLOAD_THEN_RUN = Heuristic(
    id="heur.commands.download_then_run",
    title="Downloaded file started by a later command",
    description="One command saves a URL to a file (Invoke-WebRequest -OutFile, WebClient.DownloadFile, "
    "Start-BitsTransfer, certutil, bitsadmin, curl -o, wget -O) and a later command starts that same file "
    "(dual-use: installers are downloaded and run).",
    score=100,
    attack=("T1105", "T1204.002"),
)
DOWNLOAD_THEN_RUN_IP = Heuristic(
    id="heur.commands.download_then_run_ip_host",
    title="File downloaded from a bare IP address and started",
    description="The downloaded-then-started file comes from a URL whose host is a public IP address, not a "
    "domain: software vendors publish under names, staging servers often have none.",
    score=250,
    attack=("T1105", "T1204.002"),
)
RUN_KEY_COMMAND = Heuristic(
    id="heur.commands.run_key_script_host",
    title="Run key value starts a script host or a user-writable program",
    description="Set-ItemProperty/New-ItemProperty/reg add writes a value under ...\\CurrentVersion\\Run(Once) "
    "(the key possibly held in a variable) whose command line starts PowerShell, mshta, a script host or "
    "a program in Public, AppData, ProgramData or Temp.",
    score=350,
    attack=("T1547.001",),
)

RTLO_NAME = Heuristic(
    id="heur.commands.rtlo_file_name",
    title="File name with a right-to-left override character",
    description="A command names a file whose name holds U+202E (RIGHT-TO-LEFT OVERRIDE), written or spelled "
    "from [char]0x202E / $'\\u202e': `invoice<U+202E>fdp.exe` shows as `invoiceexe.pdf`. No tool or document needs it "
    "in a file name; it exists to disguise an executable's extension.",
    score=300,
    attack=("T1036.002",),
)

HEURISTICS: tuple[Heuristic, ...] = (HIDDEN_POWERSHELL, DOWNLOAD_THEN_RUN, DOWNLOAD_THEN_RUN_IP, RUN_KEY_COMMAND,
                                     RTLO_NAME)
_RTLO = "\u202e"

_HOSTS = frozenset({"powershell", "pwsh", "powershell_ise"})
_SCRIPT_HOSTS = _HOSTS | {"mshta", "wscript", "cscript", "rundll32", "regsvr32", "cmd"}
_USER_WRITABLE = ("\\users\\public\\", "\\appdata\\", "\\programdata\\", "\\temp\\", "\\tmp\\", "$env:temp",
                  "$env:tmp", "$env:appdata", "$env:localappdata", "$env:public", "$env:programdata", "/tmp/",
                  "/dev/shm/", "/var/tmp/")
_RUN_KEY = regex.compile(r"(?i)\\currentversion\\run(?:once)?(?:\\|$)")
_WINDOWS_ENV = regex.compile(r"(?i)%(\w{1,40})%|\$\{env:(\w{1,40})\}")
# Addresses a script reaches without a public host: loopback, private networks, link-local
# (the instance metadata service) and the Azure platform address.
_PLATFORM_ADDRESSES = frozenset({ipaddress.ip_address("168.63.129.16")})
_NON_PUBLIC_NETWORKS = tuple(ipaddress.ip_network(n) for n in (
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16", "100.64.0.0/10", "0.0.0.0/8",
))


def normalised_path(path: str) -> str:
    """One spelling of a file path for comparing two commands: case, separators, `.exe`, env syntax."""
    path = path.strip().strip("'\"").lower().replace("/", "\\")
    try:
        path = _WINDOWS_ENV.sub(lambda m: "$env:" + (m.group(1) or m.group(2)).lower(), path, timeout=0.05)
    except TimeoutError:
        pass  # compared as written
    path = path.removeprefix(".\\")
    return path.removesuffix(".exe")


def _option_value(arguments: tuple[str, ...], names: Iterable[str]) -> str | None:
    wanted = tuple(names)
    for index, argument in enumerate(arguments[:-1]):
        if argument in wanted:
            return arguments[index + 1]
    for argument in arguments:
        for name in wanted:
            if name.startswith("--") and argument.startswith(name + "="):
                return argument[len(name) + 1:]
    return None


def _url_in(arguments: Iterable[str]) -> str:
    return next((a for a in arguments if a.lower().startswith(("http://", "https://", "ftp://"))), "")


def downloaded_file(command: ExtractedCommand) -> tuple[str, str] | None:
    """(url, file) when `command` saves a download to a file."""
    name = command.name
    arguments = command.arguments
    if name in ("invoke-webrequest", "invoke-restmethod") and command.shell is Shell.POWERSHELL:
        bound = bind_parameters(command)
        target = bound.named.get("outfile")
        url = bound.named.get("uri") or (bound.positional[0] if bound.positional else "")
        return (url, target) if target else None
    if name == "start-bitstransfer":
        bound = bind_parameters(command)
        source = bound.named.get("source") or (bound.positional[0] if bound.positional else "")
        target = bound.named.get("destination") or (bound.positional[1] if len(bound.positional) > 1 else "")
        return (source, target) if target else None
    if name in (".downloadfile", ".downloadfileasync") and len(arguments) >= 2:
        return arguments[0], arguments[1]
    if name == "certutil" and any(a.lower().lstrip("-/\u2013").startswith("urlcache") for a in arguments):
        plain = [a for a in arguments if a[:1] not in ("-", "/", "\u2013") or "://" in a]
        url = _url_in(plain)
        rest = [a for a in plain if a != url]
        return (url, rest[-1]) if url and rest else None
    if name == "bitsadmin" and any(a.lower() == "/transfer" for a in arguments):
        url = _url_in(arguments)
        return (url, arguments[-1]) if url and arguments[-1] != url else None
    if name == "curl":
        target = _option_value(arguments, ("-o", "--output"))
        url = _url_in(arguments)
        if not target and url and any(a == "--remote-name" or (a[:1] == "-" and a[1:2] != "-" and "O" in a)
                                      for a in arguments):
            target = urlsplit(url).path.rsplit("/", 1)[-1]  # -O keeps the URL's file name
        return (url, target) if target else None
    if name == "wget":
        target = _option_value(arguments, ("-O", "--output-document"))
        return (_url_in(arguments), target) if target and target != "-" else None
    return None


def started_file(command: ExtractedCommand) -> str | None:
    """The file `command` starts: the program itself, or what Start-Process / start / sh run."""
    name = command.name
    if name == "start-process" and command.shell is Shell.POWERSHELL:
        bound = bind_parameters(command)
        return bound.named.get("filepath") or (bound.positional[0] if bound.positional else None)
    if name in ("invoke-item",) and command.arguments:
        return command.arguments[0]
    if name == "start" and command.shell is Shell.CMD:
        return next((a for a in command.arguments if a and not a.startswith("/")), None)
    if command.shell is Shell.SHELL and name in ("sh", "bash", "dash", "zsh", "ksh") and command.arguments \
            and not command.arguments[0].startswith("-"):
        return command.arguments[0]
    return command.program


def _public_ip_host(url: str) -> bool:
    try:
        host = urlsplit(url).hostname or ""
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if address in _PLATFORM_ADDRESSES or address.is_multicast or address.is_unspecified:
        return False
    return not any(address in network for network in _NON_PUBLIC_NETWORKS if network.version == address.version)


def hidden_launch(command: ExtractedCommand) -> bool:
    """A PowerShell host started hidden, or Start-Process -WindowStyle Hidden, in any spelling."""
    if command.name in _HOSTS or command.name == "start-process":
        return bind_parameters(command).named.get("windowstyle") == "hidden"
    return False


def run_key_value(command: ExtractedCommand) -> str | None:
    """The command line a Run/RunOnce value written by `command` holds, if it writes one."""
    name = command.name
    if name in ("set-itemproperty", "new-itemproperty") and command.shell is Shell.POWERSHELL:
        bound = bind_parameters(command)
        key = bound.named.get("path") or bound.named.get("literalpath") or (
            bound.positional[0] if bound.positional else "")
        value = bound.named.get("value") or (bound.positional[2] if len(bound.positional) > 2 else "")
    elif name == "reg" and command.arguments and command.arguments[0].lower() == "add":
        key = command.arguments[1] if len(command.arguments) > 1 else ""
        value = _option_value(command.arguments, ("/d", "-d", "/D")) or ""
    else:
        return None
    try:
        is_run_key = bool(key) and _RUN_KEY.search(key, timeout=0.05) is not None
    except TimeoutError:
        return None
    return value if is_run_key and value else None


def starts_script_host(command_line: str) -> bool:
    """Whether a stored command line starts a script host or a program from a user-writable folder."""
    lowered = command_line.lower().replace("/", "\\")
    if any(place.replace("/", "\\") in lowered for place in _USER_WRITABLE):
        return True
    started = extract_commands(command_line, Shell.CMD, max_commands=4)
    return bool(started) and base_name(started[0].program) in _SCRIPT_HOSTS


def command_findings(view: TextView) -> list[Finding]:
    commands = commands_of(view.payload, view.ctx)
    if not commands:
        return []
    found = CommandHits()
    note = found.note

    downloads: dict[str, str] = {}  # normalised file -> url it came from
    for command in commands:
        if hidden_launch(command):
            note(HIDDEN_POWERSHELL, command)
        if _RTLO in command.program or any(_RTLO in argument for argument in command.arguments):
            note(RTLO_NAME, command)
        stored = run_key_value(command)
        if stored is not None and starts_script_host(stored):
            note(RUN_KEY_COMMAND, command)
        target = started_file(command)
        if target and downloads:
            url = downloads.get(normalised_path(target))
            if url is not None:
                note(DOWNLOAD_THEN_RUN, command)
                if _public_ip_host(url):
                    note(DOWNLOAD_THEN_RUN_IP, command)
        download = downloaded_file(command)
        if download is not None and len(downloads) < 10_000 and not generic_download(*download):
            downloads[normalised_path(download[1])] = download[0]
    return found.findings(view)


_BARE_VARIABLE = regex.compile(r"^\$\{?[\w:]{1,80}\}?$")


def generic_download(url: str, target: str) -> bool:
    """A download of which neither the source nor the file is known: both are variables the
    script never sets (a helper function's parameters, `Get-File -Uri $Uri -Path $Path`). That
    a later command starts a file held in a variable of the same name says nothing about what
    was downloaded, so it does not make a download-and-run chain."""
    url, target = url.strip().strip("'\""), target.strip().strip("'\"")
    try:
        return bool(_BARE_VARIABLE.match(url, timeout=0.05)) and bool(_BARE_VARIABLE.match(target, timeout=0.05))
    except TimeoutError:
        return False


FAMILY = Family(name="commands", checks=(command_findings,))

__all__ = ["FAMILY", "HEURISTICS", "command_findings", "downloaded_file", "generic_download", "hidden_launch", "normalised_path",
           "run_key_value", "started_file", "starts_script_host"]
