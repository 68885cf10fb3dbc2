"""Registry writes judged by what the key and value do: `reg add KEY /v NAME /d DATA` read as
(key, value, data), whatever the spelling of the hive (HKLM, HKEY_LOCAL_MACHINE, HKLM64).

An autostart location runs its data at boot or logon; a security value set to its off position
turns a protection off; a user-restriction policy locks the owner out of their own tools. Each
is a statement about Windows, not about a sample: any program path or value name an intruder
picks is caught the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from inspector.commands.model import ExtractedCommand
from inspector.stage import Heuristic

if TYPE_CHECKING:
    from inspector.analyzers.heuristics.windows_programs import Invocation

REGEX_TIMEOUT_S = 0.05
_FLAGS = regex.IGNORECASE | regex.VERSION0


def _h(name: str, title: str, score: int, attack: tuple[str, ...], description: str) -> Heuristic:
    return Heuristic(id=f"heur.wincmd.{name}", title=title, description=description, score=score, attack=attack)


AUTOSTART = _h(
    "registry_autostart", "Registry autostart location written", 300, ("T1547", "T1546"),
    "reg add to a key Windows reads to start programs or load DLLs: Run/RunOnce(Ex), Winlogon "
    "Userinit/Shell, IFEO Debugger, SilentProcessExit, AeDebug/WER debuggers, UserInitMprLogonScript, "
    "AppInit_DLLs, print monitors, LSA packages, RDP start-up programs, BootExecute, service ImagePath/"
    "ServiceDll, shell command handlers of executables, folders, ms-settings and CLSIDs, Command Processor AutoRun, accessibility ATs, RDP client "
    "add-ins, COM server paths, safe-boot services, screensaver, Startup shell folders.")
DEFENCE_OFF = _h(
    "registry_security_off", "Security protection turned off in the registry", 350, ("T1562.001", "T1562.004"),
    "reg add sets Microsoft Defender, the firewall, UAC, LSA protection, SmartScreen, command-line/"
    "script-block auditing or a security service's start type to its off position.")
CREDENTIAL_EXPOSED = _h(
    "registry_credentials_exposed", "Registry set to keep or expose credentials", 400, ("T1003.001", "T1112"),
    "WDigest UseLogonCredential=1 keeps clear-text passwords in LSASS; LocalAccountTokenFilterPolicy=1 gives "
    "local accounts full remote admin tokens; NoLMHash=0 stores LM hashes.")
USER_LOCKOUT = _h(
    "registry_user_lockout", "User's own tools locked by policy", 300, ("T1112", "T1489"),
    "A Policies\\System or Policies\\Explorer value that disables or hides something for the user "
    "(DisableTaskMgr, DisableRegistryTools, NoRun, NoControlPanel, DisallowRun, ...): what "
    "ransomware and lockers do, not admin scripts.")
POLICY_WEAKENED = _h(
    "registry_policy_weakened", "Windows policy turned off in the registry", 120, ("T1112",),
    "Another Policies value that disables a feature (updates, notifications, BitLocker, authentication "
    "devices) (dual-use alone: managed images set policies).")
RDP_WEAKENED = _h(
    "registry_rdp_weakened", "Remote Desktop security weakened in the registry", 300, ("T1021.001", "T1112"),
    "Terminal Server values that drop NLA or encryption, allow several sessions per user, change the "
    "listening port or skip server authentication.")
RDP_ENABLED = _h(
    "registry_rdp_enabled", "Remote Desktop enabled in the registry", 80, ("T1021.001",),
    "fDenyTSConnections=0 or remote assistance allowed (dual-use: administrators enable RDP).")
HIDDEN_ACCOUNT = _h(
    "registry_hidden_account", "Account hidden from the logon screen", 300, ("T1564.002",),
    "Winlogon\\SpecialAccounts\\UserList value 0 hides an account.")
FILES_HIDDEN = _h(
    "registry_files_hidden", "Explorer set to hide files or extensions", 150, ("T1564.001", "T1112"),
    "Explorer\\Advanced Hidden/ShowSuperHidden=0 or HideFileExt=1: hidden droppers and double extensions "
    "stay unseen.")
TRACES_DELETED = _h(
    "registry_traces_deleted", "Activity history deleted from the registry", 250, ("T1070",),
    "reg delete of RDP client history, RunMRU, TypedPaths, RecentDocs, BAM or the shim cache.")
PROXY_SET = _h(
    "registry_proxy_set", "Proxy or zone settings changed in the registry", 100, ("T1090", "T1112"),
    "Internet Settings ProxyServer/ProxyEnable/AutoConfigURL or zone-map protocol defaults (dual-use).")

REGISTRY_HEURISTICS: tuple[Heuristic, ...] = (
    AUTOSTART, DEFENCE_OFF, CREDENTIAL_EXPOSED, USER_LOCKOUT, POLICY_WEAKENED, RDP_WEAKENED, RDP_ENABLED,
    HIDDEN_ACCOUNT, FILES_HIDDEN, TRACES_DELETED, PROXY_SET,
)


@dataclass(frozen=True)
class RegistryWrite:
    key: str    # lower-cased, as written (hive spelling kept)
    value: str  # lower-cased value name, "" for the default value
    data: str   # lower-cased data, "" when none given
    command: ExtractedCommand


def _option(arguments: tuple[str, ...], name: str) -> str | None:
    for index, argument in enumerate(arguments[:-1]):
        if argument in (f"/{name}", f"-{name}"):
            return arguments[index + 1]
    return None


def registry_write(invocation: Invocation) -> RegistryWrite | None:
    """The (key, value, data) a `reg add` writes, or the key a `reg delete` removes (value "*")."""
    arguments = invocation.arguments
    if invocation.name != "reg" or len(arguments) < 2 or arguments[0] not in ("add", "delete"):
        return None
    value = _option(arguments, "v") or ""
    if arguments[0] == "delete":
        value = value or "*"
    data = _option(arguments, "d") or ""
    return RegistryWrite(key=arguments[1].rstrip("\\"), value=value, data=data.strip(), command=invocation.command)


# (key pattern, value pattern or None for any value): autostart locations.
_AUTOSTART: tuple[tuple[str, str | None], ...] = (
    (r"\\currentversion\\(?:policies\\explorer\\)?run(?:once(?:ex)?|services(?:once)?)?(?:\\|$)", None),
    (r"\\winlogon$", r"^(?:userinit|shell|taskman|appsetup|vmapplet)$"),
    (r"\\winlogon\\notify\\", None),
    (r"\\image file execution options\\[^\\]+$", r"^(?:debugger|globalflag|verifierdlls)$"),
    (r"\\silentprocessexit\\[^\\]+$", r"^(?:monitorprocess|reportingmode)$"),
    (r"\\(?:aedebug|windows error reporting\\hangs)$", r"^debugger$"),
    (r"(?:^|\\)environment$", r"^userinitmprlogonscript$"),
    (r"\\windows nt\\currentversion\\windows$", r"^(?:appinit_dlls|loadappinit_dlls|load|run)$"),
    (r"\\control\\print\\(?:monitors|environments\\[^\\]+\\print processors)\\", None),
    (r"\\control\\lsa(?:\\osconfig)?$", r"^(?:security packages|authentication packages|notification packages)$"),
    (r"\\terminal server\\wds\\rdpwd$", r"^startupprograms$"),
    (r"\\winstations\\rdp-tcp$", r"^initialprogram$"),
    (r"\\control\\bootverificationprogram$", None),
    (r"\\control\\session manager$", r"^(?:bootexecute|setupexecute|execute|s0initialcommand)$"),
    (r"\\currentcontrolset\\services\\[^\\]+(?:\\parameters)?$", r"^(?:imagepath|servicedll)$"),
    # the open command of what every user runs or browses (a custom file type's handler is an installer's)
    (r"(?:\\|^)(?:ms-settings|mscfile|exefile|batfile|cmdfile|comfile|piffile|lnkfile|folder|directory|drive|\*"
     r"|clsid\\\{[^}\\]+\}|ms-[\w.-]+|launcher\.[\w.-]+)\\(?:background\\)?shell\\[^\\]+\\command$", None),
    (r"\\command processor$", r"^autorun$"),
    (r"\\accessibility\\ats\\", None),
    (r"\\terminal server client(?:\\default\\addins\\.*)?$", r"^(?:clxdllpath|name)$"),
    (r"\\terminal server\\addins\\", None),
    (r"\\appcompatflags\\(?:telemetrycontroller|custom|installedsdb)\\", None),
    (r"\\explorer\\mycomputer\\(?:cleanuppath|defragpath|backuppath)$", None),
    (r"\\currentversion\\app paths\\", None),
    (r"\\control panel\\desktop$", r"^scrnsave\.exe$"),
    (r"\\microsoft\\netsh$", None),
    (r"\\w32time\\timeproviders\\", r"^dllname$"),
    (r"\\(?:inprocserver32|localserver32|treatas)$", None),
    (r"\\explorer\\(?:user )?shell folders$", r"^(?:common )?startup$"),
    (r"\\safeboot\\(?:minimal|network)\\", None),
    (r"\\active setup\\installed components\\", r"^stubpath$"),
    (r"\\office\\[\d.]+\\[^\\]+\\options$", r"^(?:open\d*|startup-path)$"),
    (r"\\office test\\special\\perf", None),
)
_AUTOSTART_COMPILED = tuple((regex.compile(k, _FLAGS), regex.compile(v, _FLAGS) if v else None) for k, v in _AUTOSTART)

_OFF = frozenset({"0", "0x0", "0x00000000", "false", "off"})
_SECURITY_SERVICES = regex.compile(
    r"\\services\\(?:windefend|sense|wdboot|wdfilter|wdnisdrv|wdnissvc|eventlog|mpssvc|sysmon\d*|securityhealthservice"
    r"|wscsvc)$", _FLAGS)
_LOCKOUT_KEY = regex.compile(r"\\policies\\(?:system|explorer)(?:\\disallowrun)?$", _FLAGS)
_DISABLING = regex.compile(r"^(?:disable|no|hide|disallow|restrict|deny|prevent|startmenulogoff)", _FLAGS)
_ENABLING = regex.compile(r"^(?:enable|allow|use|show|shutdownwithoutlogon|toastenabled|useactioncenter)", _FLAGS)


def _on(data: str) -> bool:
    return data not in _OFF and data != ""


def _search(pattern: regex.Pattern[str], text: str) -> bool:
    try:
        return pattern.search(text, timeout=REGEX_TIMEOUT_S) is not None
    except TimeoutError:
        return False


def _autostart(write: RegistryWrite) -> bool:
    if write.value == "*":
        return False
    for key, value in _AUTOSTART_COMPILED:
        if _search(key, write.key) and (value is None or _search(value, write.value)):
            return True
    return False


def _security_off(write: RegistryWrite) -> bool:
    key, value, data = write.key, write.value, write.data
    if "\\windows defender" in key or "\\microsoft antimalware" in key:
        return (value.startswith("disable") and _on(data)) or (value == "notification_suppress" and _on(data)) or (
            value in ("tamperprotection", "spynetreporting", "mapsreporting", "submitsamplesconsent") and data in _OFF)
    if value == "enablefirewall" and data in _OFF:
        return True
    if value in ("enablelua", "consentpromptbehavioradmin", "promptonsecuredesktop", "runasppl", "enablesmartscreen",
                 "processcreationincludecmdline_enabled", "enablescriptblocklogging", "enablemodulelogging",
                 "enabletranscripting") and data in _OFF:
        return True
    return value == "start" and data in ("4", "0x4") and _search(_SECURITY_SERVICES, key)


def _credentials_exposed(write: RegistryWrite) -> bool:
    return (write.value == "uselogoncredential" and _on(write.data)) or (
        write.value == "localaccounttokenfilterpolicy" and _on(write.data)) or (
        write.value == "nolmhash" and write.data in _OFF)


def _policy_change(write: RegistryWrite) -> Heuristic | None:
    if "\\policies\\" not in write.key and not write.key.endswith("\\pushnotifications") \
            and not write.key.endswith("\\immersiveshell"):
        return None
    disabling = (_search(_DISABLING, write.value) and _on(write.data)) or (
        _search(_ENABLING, write.value) and write.data in _OFF) or write.key.endswith("\\disallowrun")
    if not disabling:
        return POLICY_WEAKENED if "\\policies\\microsoft\\fve" in write.key else None
    return USER_LOCKOUT if _search(_LOCKOUT_KEY, write.key) else POLICY_WEAKENED


_RDP_WEAK_VALUES = {
    "userauthentication": _OFF, "securitylayer": _OFF, "fsinglesessionperuser": _OFF,
    "authenticationleveloverride": _OFF, "disablerestrictedadmin": _OFF,
}


def _rdp(write: RegistryWrite) -> Heuristic | None:
    value, data = write.value, write.data
    if "terminal server" not in write.key and "\\lsa" not in write.key and "\\winlogon" not in write.key:
        return None
    if value in _RDP_WEAK_VALUES and data in _RDP_WEAK_VALUES[value]:
        return RDP_WEAKENED
    if value in ("allowmultipletssessions",) and _on(data) or (value == "portnumber" and data not in ("3389", "0xd3d")):
        return RDP_WEAKENED
    if (value == "fdenytsconnections" and data in _OFF) or (value in ("fallowtogethelp", "fallowunsolicited") and _on(data)):
        return RDP_ENABLED
    return None


_TRACES = regex.compile(r"\\terminal server client\\(?:default|servers)|\\explorer\\(?:runmru|typedpaths|recentdocs)"
                        r"|\\bam\\(?:state\\)?usersettings|\\appcompatcache", _FLAGS)


def judge(write: RegistryWrite) -> Heuristic | None:
    """The heuristic a registry write proves, if any (the strongest reading first)."""
    if write.value == "*":
        return TRACES_DELETED if _search(_TRACES, write.key) else None
    if _credentials_exposed(write):
        return CREDENTIAL_EXPOSED
    if _security_off(write):
        return DEFENCE_OFF
    if _autostart(write):
        return AUTOSTART
    if write.key.endswith("\\specialaccounts\\userlist") and write.data in _OFF:
        return HIDDEN_ACCOUNT
    if write.key.endswith("\\explorer\\advanced") and (
            (write.value in ("hidden", "showsuperhidden") and write.data in _OFF | {"2"})
            or (write.value == "hidefileext" and _on(write.data))):
        return FILES_HIDDEN
    rdp = _rdp(write)
    if rdp is not None:
        return rdp
    if "\\internet settings" in write.key and (
            write.value in ("proxyserver", "autoconfigurl") or (write.value == "proxyenable" and _on(write.data))
            or "\\zonemap\\protocoldefaults" in write.key):
        return PROXY_SET
    return _policy_change(write)


def registry_findings(runs: Iterable[Invocation]) -> list[tuple[Heuristic, ExtractedCommand]]:
    found: list[tuple[Heuristic, ExtractedCommand]] = []
    for invocation in runs:
        write = registry_write(invocation)
        if write is not None and (heuristic := judge(write)) is not None:
            found.append((heuristic, write.command))
    return found


__all__ = ["REGISTRY_HEURISTICS", "RegistryWrite", "judge", "registry_findings", "registry_write"]
