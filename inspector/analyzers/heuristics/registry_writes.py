"""Registry writes understood as commands: where a value is written, its name and its data.

`Set-ItemProperty`, `New-ItemProperty`, `New-Item`, `Set-Item`, `reg add` and
`[Microsoft.Win32.Registry]::SetValue` are read from the extracted commands (inspector.commands),
so a key held in a variable, a positional `Set-ItemProperty key name value`, `HKLM:\\`,
`HKEY_LOCAL_MACHINE\\` and `Registry::HKLM\\` are one place. Each rule names a place Windows
reads at boot, logon or process start (persistence) or a switch of a security feature
(defence impairment). Writing there is what the technique is; admin scripts rarely touch
these values, and the few dual-use ones (Run keys, RDP) score low.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from inspector.analyzers.heuristics.patterns import CommandHits, Family, TextView
from inspector.commands import commands_of
from inspector.commands.model import ExtractedCommand, Shell
from inspector.commands.powershell import bind_parameters
from inspector.model import ErrorKind, Finding
from inspector.stage import Heuristic


@dataclass(frozen=True)
class RegistryWrite:
    key: str    # normalised: lower-case, `hklm\\...` / `hkcu\\...`, no Wow6432Node
    name: str   # value name, lower-case ("" for the default value or a key creation)
    data: str   # as written, folded
    command: ExtractedCommand


_HIVES = (
    ("registry::", ""), ("microsoft.powershell.core\\registry::", ""),
    ("hkey_local_machine", "hklm"), ("hkey_current_user", "hkcu"), ("hkey_users", "hku"),
    ("hkey_classes_root", "hklm\\software\\classes"), ("hkcr", "hklm\\software\\classes"),
)
_USER_HIVE = regex.compile(r"^hku\\[^\\]{1,200}\\")
_WOW64 = regex.compile(r"\\wow6432node\\")


def normalised_key(key: str) -> str:
    """One spelling of a registry key: hive abbreviated, `:` dropped, case and Wow6432Node folded."""
    key = key.strip().strip("'\"").lower().replace("/", "\\")
    for written, short in _HIVES:
        if key.startswith(written):
            key = short + key[len(written):]
    key = key.replace(":\\", "\\", 1) if key[:6].endswith(":\\") else key
    try:
        key = _USER_HIVE.sub("hkcu\\\\", key, count=1, timeout=0.05)
        key = _WOW64.sub("\\\\", key, timeout=0.05)
    except TimeoutError:
        pass  # compared as written
    return key.rstrip("\\")


def _positional(bound_positional: tuple[str, ...], index: int) -> str:
    return bound_positional[index] if len(bound_positional) > index else ""


def registry_write(command: ExtractedCommand) -> RegistryWrite | None:
    """The registry value `command` writes (or the key it creates), if it writes one."""
    name = command.name
    if command.shell is Shell.POWERSHELL and name in ("set-itemproperty", "new-itemproperty", "new-item",
                                                       "set-item"):
        bound = bind_parameters(command)
        key = bound.named.get("path") or bound.named.get("literalpath") or _positional(bound.positional, 0)
        if not _looks_like_registry(key):
            return None
        if name in ("new-item", "set-item"):
            value_name, data = "", bound.named.get("value") or _positional(bound.positional, 1)
        else:
            value_name = bound.named.get("name") or _positional(bound.positional, 1)
            data = bound.named.get("value") or _positional(bound.positional, 2)
        return RegistryWrite(normalised_key(key), value_name.strip().lower(), data, command)
    if name == ".setvalue" and len(command.arguments) >= 3 and _looks_like_registry(command.arguments[0]):
        key, value_name, data = command.arguments[:3]
        return RegistryWrite(normalised_key(key), value_name.strip().lower(), data, command)
    if name == "reg" and len(command.arguments) >= 2 and command.arguments[0].lower() == "add":
        arguments = command.arguments
        value_name, data = "", ""
        for index, argument in enumerate(arguments[2:], start=2):
            flag = argument.lower().replace("-", "/", 1)
            following = arguments[index + 1] if index + 1 < len(arguments) else ""
            if flag == "/v":
                value_name = following
            elif flag == "/d":
                data = following
        return RegistryWrite(normalised_key(arguments[1]), value_name.strip().lower(), data, command)
    return None


def _looks_like_registry(key: str) -> bool:
    lowered = key.strip().strip("'\"").lower()
    return lowered.startswith(("hklm", "hkcu", "hkey_", "hku", "hkcr", "registry::",
                               "microsoft.powershell.core\\registry::"))


def _heuristic(suffix: str, title: str, description: str, score: int, attack: tuple[str, ...]) -> Heuristic:
    return Heuristic(id="heur.registry." + suffix, title=title, description=description, score=score, attack=attack)


WINLOGON = _heuristic(
    "winlogon_helper", "Winlogon Shell, Userinit or Notify value written",
    "A registry command sets the Winlogon Shell, Userinit, Taskman or Notify values, which Windows runs at every "
    "logon.", 400, ("T1547.004",))
IFEO = _heuristic(
    "ifeo_hijack", "Image File Execution Options or SilentProcessExit hijack",
    "A Debugger, GlobalFlag or MonitorProcess value under Image File Execution Options / SilentProcessExit: the "
    "command runs whenever the named program starts or exits.", 400, ("T1546.012",))
DLL_INJECTION_KEYS = _heuristic(
    "dll_load_keys", "DLL registered to load into every process or into LSASS",
    "AppInit_DLLs, AppCertDlls, LSA Security/Authentication/Notification Packages, LsaDbExtPt, AutodialDLL, "
    "netsh helpers, time providers, print processors or port monitors: a DLL Windows loads by itself.",
    400, ("T1546.009", "T1546.010", "T1547.002", "T1547.005", "T1547.008", "T1547.003", "T1547.012",
          "T1547.010", "T1546.007"))
AUTOSTART_KEYS = _heuristic(
    "autostart_value", "Less common autostart location written",
    "Command Processor AutoRun, Explorer policy Run, BootExecute, Active Setup StubPath, the Startup folder "
    "redirected through User Shell Folders, the screensaver program, or Event Viewer's help link redirected to a "
    "program: commands Windows starts by itself or on an ordinary click.",
    350, ("T1547.001", "T1547.014", "T1546.002", "T1546"))
COM_HIJACK = _heuristic(
    "com_hijack", "Per-user COM server registration",
    "InprocServer32, LocalServer32, TreatAs or ScriptletURL written under HKCU\\Software\\Classes\\CLSID: a "
    "per-user COM object that takes precedence over the machine's.", 350, ("T1546.015",))
PROFILER = _heuristic(
    "clr_profiler", "CLR profiler set through the environment",
    "COR_PROFILER / COR_ENABLE_PROFILING / CORECLR_PROFILER (or DOTNET_STARTUP_HOOKS) set in the registry or the "
    "environment ($env:, set, export): every .NET process started from there loads the named DLL or assembly.",
    350, ("T1574.012",))
SERVICE_IMAGE = _heuristic(
    "service_image_path", "Service ImagePath or ServiceDll changed in the registry",
    "A service's ImagePath, ServiceDll or FailureCommand written directly in the registry rather than through "
    "the service manager.", 300, ("T1574.011", "T1543.003"))
SECURITY_OFF = _heuristic(
    "security_feature_off", "Security feature turned off in the registry",
    "Defender policies, firewall policy, UAC (EnableLUA, LocalAccountTokenFilterPolicy), WDigest clear-text "
    "credentials, command-line or script block auditing, or a security service's start type changed by a "
    "registry write.", 400, ("T1562.001", "T1562.002", "T1562.004", "T1548.002", "T1112"))
RESTRICTION = _heuristic(
    "user_restriction", "Tools taken away from the user in the registry",
    "DisableCMD, DisableTaskMgr, DisableRegistryTools or hidden accounts (Winlogon SpecialAccounts): settings "
    "ransomware and persistence kits write to stop the user reacting.", 300, ("T1112", "T1564.002"))
SCRIPT_IN_REGISTRY = _heuristic(
    "script_in_value", "Script or large encoded payload stored in a registry value",
    "A registry value holding script code (javascript:, mshtml RunHTMLApplication, IEX, FromBase64String) or "
    "thousands of characters of base64/hex: a fileless payload.", 300, ("T1027.011", "T1112"))
REMOTE_ACCESS_SETTING = _heuristic(
    "remote_access_setting", "Remote Desktop port or shadowing changed in the registry",
    "The RDP port changed or session shadowing without consent: remote access prepared through the registry "
    "(dual-use).", 150, ("T1021.001", "T1112"))
ZONE_SETTING = _heuristic(
    "internet_zone_setting", "Internet zone or protocol defaults changed",
    "A domain added to a trusted zone map or protocol defaults changed: downloads from there lose their "
    "warnings (dual-use).", 150, ("T1112",))

HEURISTICS: tuple[Heuristic, ...] = (
    WINLOGON, IFEO, DLL_INJECTION_KEYS, AUTOSTART_KEYS, COM_HIJACK, PROFILER, SERVICE_IMAGE,
    SECURITY_OFF, RESTRICTION, SCRIPT_IN_REGISTRY, REMOTE_ACCESS_SETTING, ZONE_SETTING,
)

_OFF = ("0", "false", "$false")
_ON = ("1", "true", "$true")


@dataclass(frozen=True)
class _Place:
    heuristic: Heuristic
    key: str                       # regex over the normalised key
    names: str | None = None       # regex over the value name (None: any, including a key creation)
    data: Callable[[str], bool] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "_key", regex.compile(self.key))
        object.__setattr__(self, "_names", regex.compile(self.names) if self.names is not None else None)

    def matches(self, write: RegistryWrite, timeout: float) -> bool:
        if self._key.search(write.key, timeout=timeout) is None:  # type: ignore[attr-defined]
            return False
        names = self._names  # type: ignore[attr-defined]
        if names is not None and names.fullmatch(write.name, timeout=timeout) is None:
            return False
        return self.data is None or self.data(write.data.strip().strip("'\"").lower())


def _is(*values: str) -> Callable[[str], bool]:
    return lambda data: data in values


_SOFTWARE = r"^hk(?:lm|cu)\\software\\"
_CONTROL = r"^hklm\\system\\(?:currentcontrolset|controlset\d{3})\\"
_POLICIES = r"(?:^hk(?:lm|cu)\\software\\policies\\|\\currentversion\\policies\\)"

PLACES: tuple[_Place, ...] = (
    _Place(WINLOGON, r"\\windows nt\\currentversion\\winlogon$", r"shell|userinit|taskman|appsetup"),
    _Place(WINLOGON, r"\\windows nt\\currentversion\\winlogon\\notify\\"),
    _Place(IFEO, r"\\image file execution options\\[^\\]+$", r"debugger|globalflag|verifierdlls"),
    _Place(IFEO, r"\\silentprocessexit\\[^\\]+$", r"monitorprocess|reportingmode"),
    _Place(DLL_INJECTION_KEYS, r"\\windows nt\\currentversion\\windows$", r"appinit_dlls|loadappinit_dlls"),
    _Place(DLL_INJECTION_KEYS, r"\\control\\session manager\\appcertdlls$"),
    _Place(DLL_INJECTION_KEYS, r"\\control\\lsa(?:\\osconfig)?$",
           r"security packages|authentication packages|notification packages"),
    _Place(DLL_INJECTION_KEYS, r"\\services\\ntds$", r"lsadbextpt|directoryserviceextpt"),
    _Place(DLL_INJECTION_KEYS, r"\\services\\winsock2\\parameters$", r"autodialdll"),
    _Place(DLL_INJECTION_KEYS, _SOFTWARE + r"microsoft\\netsh$"),
    _Place(DLL_INJECTION_KEYS, r"\\services\\w32time\\timeproviders\\[^\\]+$", r"dllname|enabled"),
    _Place(DLL_INJECTION_KEYS, r"\\control\\print\\(?:environments\\[^\\]+\\print processors|monitors)\\[^\\]+$",
           r"driver"),
    _Place(AUTOSTART_KEYS, r"\\microsoft\\command processor$", r"autorun"),
    _Place(AUTOSTART_KEYS, r"\\currentversion\\policies\\explorer\\run$"),
    _Place(AUTOSTART_KEYS, r"\\control\\session manager$", r"bootexecute|setupexecute|execute"),
    _Place(AUTOSTART_KEYS, r"\\active setup\\installed components\\[^\\]+$", r"stubpath"),
    _Place(AUTOSTART_KEYS, r"\\explorer\\(?:user )?shell folders$", r"startup|common startup"),
    _Place(AUTOSTART_KEYS, r"^hkcu\\control panel\\desktop$", r"scrnsave\.exe"),
    # Event Viewer's online-help link made to start a program when an administrator clicks it.
    _Place(AUTOSTART_KEYS, r"\\windows nt\\currentversion\\event viewer$",
           r"microsoftredirectionprogram(?:commandlineparameters)?|microsoftredirectionurl"),
    # Run keys themselves: heur.persistence.run_key and heur.commands.run_key_script_host.
    _Place(COM_HIJACK, r"^hkcu\\software\\classes\\clsid\\[^\\]+\\(?:inprocserver32|localserver32|treatas|scriptleturl)$"),
    _Place(PROFILER, r"(?:^hkcu\\environment|\\control\\session manager\\environment)$",
           r"cor_profiler|cor_enable_profiling|cor_profiler_path|coreclr_profiler(?:_path)?|coreclr_enable_profiling"),
    _Place(SERVICE_IMAGE, _CONTROL + r"services\\[^\\]+(?:\\parameters)?$", r"imagepath|servicedll|failurecommand"),
    _Place(SECURITY_OFF, _POLICIES + r"microsoft\\windows defender(?:\\|$)"),
    _Place(SECURITY_OFF, r"^hklm\\software\\microsoft\\windows defender(?:\\|$)", r"disable\w*"),
    _Place(SECURITY_OFF, _POLICIES + r"microsoft\\windowsfirewall(?:\\|$)", r"enablefirewall|disablenotifications",
           _is(*_OFF, "1")),
    _Place(SECURITY_OFF, r"\\services\\sharedaccess\\parameters\\firewallpolicy\\", r"enablefirewall", _is(*_OFF)),
    _Place(SECURITY_OFF, r"\\currentversion\\policies\\system$", r"enablelua|consentpromptbehavioradmin",
           _is(*_OFF)),
    _Place(SECURITY_OFF, r"\\currentversion\\policies\\system$", r"localaccounttokenfilterpolicy", _is(*_ON)),
    _Place(SECURITY_OFF, r"\\securityproviders\\wdigest$", r"uselogoncredential", _is(*_ON)),
    _Place(SECURITY_OFF, r"\\control\\lsa$", r"runasppl|disablerestrictedadmin|lsacfgflags", _is(*_OFF)),
    _Place(SECURITY_OFF, r"\\policies\\system\\audit$", r"processcreationincludecmdline_enabled", _is(*_OFF)),
    _Place(SECURITY_OFF, _POLICIES + r"microsoft\\windows\\powershell\\(?:scriptblocklogging|modulelogging|transcription)$",
           r"enable\w*", _is(*_OFF)),
    _Place(SECURITY_OFF, _CONTROL + r"services\\(?:windefend|wdnissvc|wdfilter|wdboot|sense|mpssvc|eventlog|"
           r"securityhealthservice|wscsvc)$", r"start", _is("4")),
    _Place(RESTRICTION, _POLICIES + r"(?:microsoft\\windows\\)?system$",
           r"disablecmd|disabletaskmgr|disableregistrytools|disablechangepassword|disablelockworkstation"),
    _Place(RESTRICTION, r"\\winlogon\\specialaccounts\\userlist$"),
    # RDP enabled (fDenyTSConnections 0) is heur.lateral.rdp_enabled.
    _Place(REMOTE_ACCESS_SETTING, r"\\terminal server\\winstations\\rdp-tcp$", r"portnumber"),
    _Place(REMOTE_ACCESS_SETTING, _POLICIES + r"microsoft\\windows nt\\terminal services$", r"shadow"),
    _Place(ZONE_SETTING, r"\\internet settings\\zonemap\\(?:domains|ranges)\\"),
    _Place(ZONE_SETTING, r"\\internet settings\\zonemap\\protocoldefaults$"),
)

_SCRIPT_DATA = regex.compile(
    r"(?i)javascript:|vbscript:|mshtml[^\n]{0,40}runhtmlapplication|<script|\biex\b|invoke-expression|frombase64string"
    r"|getobject\([\"']?script:|-e(?:nc(?:odedcommand)?)?\s+[A-Za-z0-9+/]{40}")
_BLOB = regex.compile(r"[A-Za-z0-9+/=]{2000}|(?:[0-9A-Fa-f]{2}[,\s]?){1500}")


def registry_findings(view: TextView) -> list[Finding]:
    commands = commands_of(view.payload, view.ctx)
    if not commands:
        return []
    timeout = view.ctx.regex_timeout()
    found = CommandHits()
    note = found.note

    for command in commands:
        write = registry_write(command)
        if write is None:
            continue
        try:
            heuristics = write_heuristics(write, timeout)
            if heuristics and max(h.score for h in heuristics) < command_family_score(command):
                continue  # the command family's finding of this `reg add` is the stronger one: it alone counts
            for heuristic in heuristics:
                note(heuristic, command)
        except TimeoutError:
            view.errors.append((ErrorKind.LIMIT_REGEX_TIMEOUT, "heur.registry: pattern timed out"))
    return found.findings(view, counted=False)


def command_family_score(command: ExtractedCommand) -> int:
    """The score heur.wincmd.registry_* gives `command`'s `reg add` (0: none). A `reg add` is read by
    both families; each write counts once, with the stronger finding (this family's on a tie)."""
    if command.name != "reg":
        return 0
    # Imported here: windows_programs imports this module for the other half of the arbitration.
    from inspector.analyzers.heuristics.windows_programs import invocations
    from inspector.analyzers.heuristics.windows_registry import registry_findings as command_registry_findings

    return max((h.score for h, _ in command_registry_findings(invocations([command]))), default=0)


def write_heuristics(write: RegistryWrite, timeout: float) -> list[Heuristic]:
    """What one registry write is: the first place it matches, and a script stored as its data."""
    found = [next((place.heuristic for place in PLACES if place.matches(write, timeout)), None)]
    if write.data and (_SCRIPT_DATA.search(write.data, timeout=timeout) is not None
                       or _BLOB.search(write.data, timeout=timeout) is not None):
        found.append(SCRIPT_IN_REGISTRY)
    return [h for h in found if h is not None]


def write_score(command: ExtractedCommand, timeout: float) -> int:
    """The strongest finding this family makes of `command`'s registry write (0: none). The command
    family that reads `reg add` too (heur.wincmd.registry_*) keeps its own finding only when it is
    stronger than this, so one write counts once."""
    write = registry_write(command)
    try:
        return max((h.score for h in write_heuristics(write, timeout)), default=0) if write is not None else 0
    except TimeoutError:
        return 0


FAMILY = Family(name="registry_writes", checks=(registry_findings,))

__all__ = ["FAMILY", "HEURISTICS", "PLACES", "RegistryWrite", "command_family_score", "normalised_key", "registry_findings",
           "registry_write", "write_heuristics", "write_score"]
