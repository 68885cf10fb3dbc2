r"""Sigma events built from what a payload shows: commands as process creations, PowerShell text
as a script block.

A process-creation event carries only what the command extractor knows (`inspector.commands`):
CommandLine, Image and, for the Windows system's own binaries, OriginalFileName (their file
name). Image is a full path where the program is one a stock system keeps in a known place
(`C:\Windows\System32\cmd.exe`, `/usr/bin/curl`) or where the command names its path
(well-known folder variables resolved); where its folder is unknown (another variable, a
bare name Windows does not ship called from cmd) it is partial, `PARTIAL + "\procdump.exe"`:
tests its name decides are answered, tests on its folder are unknown. What starts no process
image of its own (`x.ps1`, `doc.txt`, a PowerShell function such as Pester's `It`) gives no
event. ParentImage is the shell the command runs in (cmd.exe for a batch file, powershell.exe
for a PowerShell script or a command it starts, /bin/bash on Linux): a script's commands are
that shell's children. What started the shell (ParentCommandLine) and every other field
(User, Hashes, IntegrityLevel, ...) is unknown, and rules are compiled knowing that (see
`conditions.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from inspector.sigma.conditions import PARTIAL, Event
from inspector.sigma.rules import EventKind

_WINDOWS_SHELLS = frozenset({"powershell", "cmd"})
_WINDOWS_SYSTEM_DIR = "c:\\windows\\"
_WINDOWS_EXECUTABLE_SUFFIXES = (".exe", ".com", ".scr")

# Programs a stock Windows keeps under C:\Windows (System32, SysWOW64's twins, the Windows
# folder itself): called by a bare name, they resolve there. Anything else called by a bare
# name could be anywhere on PATH.
WINDOWS_SYSTEM_BINARIES = frozenset("""
arp at atbroker attrib auditpol bcdedit bitsadmin bootcfg cacls calc certreq certutil chcp choice cipher
clip cmd cmdkey cmstp colorcpl compact conhost control cscript csvde curl dcdiag diskpart diskshadow
dism dllhost dnscmd doskey driverquery dsquery esentutl eventcreate eventvwr expand explorer extrac32
fc find findstr finger fltmc forfiles fsutil ftp getmac gpresult gpupdate hh hostname icacls ie4uinit
ipconfig iscsicli klist ldifde logman lsass makecab mavinject mmc mofcomp mountvol msdt msg mshta
msiexec msinfo32 mstsc nbtstat net net1 netsh netstat nltest notepad nslookup ntdsutil odbcconf
openfiles pcalua pcwrun ping pnputil powershell presentationhost print psr qprocess query quser qwinsta
rasdial reg regasm regedit regini regsvcs regsvr32 replace robocopy route rpcping rundll32 runas
sc schtasks sdbinst sdclt secedit services setspn setx sfc shutdown sort splwow64 subst svchost
sxstrace syncappvpublishingserver systeminfo takeown tar taskkill tasklist taskmgr tracert tscon tsdiscon
tskill tzutil vssadmin w32tm waitfor wbadmin wevtutil where whoami winrm winrs winver wmic wscript
wsl wsmprovhost wuauclt xcopy xwizard
""".split())


class CommandLike(Protocol):
    """The fields of `inspector.commands.ExtractedCommand` an event is built from."""

    @property
    def command_line(self) -> str: ...
    @property
    def shell(self) -> str: ...
    @property
    def image(self) -> str: ...
    @property
    def parent_image(self) -> str: ...
    @property
    def offset(self) -> int: ...
    @property
    def length(self) -> int: ...


@dataclass(frozen=True)
class SigmaEvent:
    kind: EventKind
    fields: Event      # lower-cased field name -> value
    offset: int | None = None
    length: int | None = None
    excerpt: str | None = None


# Folders every Windows names the same way, as scripts write them through variables.
_WINDOWS_FOLDER_VARIABLES = {
    "%windir%": "C:\\Windows", "%systemroot%": "C:\\Windows", "$env:windir": "C:\\Windows",
    "$env:systemroot": "C:\\Windows", "${env:windir}": "C:\\Windows", "${env:systemroot}": "C:\\Windows",
    "%programfiles%": "C:\\Program Files", "$env:programfiles": "C:\\Program Files",
    "%programfiles(x86)%": "C:\\Program Files (x86)", "${env:programfiles(x86)}": "C:\\Program Files (x86)",
    "$pshome": "C:\\Windows\\System32\\WindowsPowerShell\\v1.0",
    "%programdata%": "C:\\ProgramData", "$env:programdata": "C:\\ProgramData",
    "%public%": "C:\\Users\\Public", "$env:public": "C:\\Users\\Public",
    # A user's folders: the user is unknown, the shape (what rules test) is not.
    "%userprofile%": "C:\\Users\\user", "$env:userprofile": "C:\\Users\\user", "$home": "C:\\Users\\user",
    "%appdata%": "C:\\Users\\user\\AppData\\Roaming", "$env:appdata": "C:\\Users\\user\\AppData\\Roaming",
    "%localappdata%": "C:\\Users\\user\\AppData\\Local",
    "$env:localappdata": "C:\\Users\\user\\AppData\\Local",
    "%temp%": "C:\\Users\\user\\AppData\\Local\\Temp", "%tmp%": "C:\\Users\\user\\AppData\\Local\\Temp",
    "$env:temp": "C:\\Users\\user\\AppData\\Local\\Temp", "$env:tmp": "C:\\Users\\user\\AppData\\Local\\Temp",
}
_VARIABLE_MARKS = ("%", "$", "!")


def _resolved_folder(image: str) -> str:
    """The image with a well-known folder variable replaced; any other variable in the path
    leaves the folder unknown, so only the file name is kept (`\\pwsh.exe`)."""
    lowered = image.lower()
    for variable, folder in _WINDOWS_FOLDER_VARIABLES.items():
        if lowered.startswith(variable + "\\"):
            image = folder + image[len(variable):]
            break
    if any(mark in image for mark in _VARIABLE_MARKS):
        return PARTIAL + "\\" + image.rsplit("\\", 1)[-1]
    return image


def windows_event_image(image: str, shell: str = "cmd") -> tuple[str, str | None] | None:
    """(Image, OriginalFileName or None when unknown) of a Windows command's image; None when
    it starts no process of its own: a script or document opened through its association, or,
    in PowerShell, a bare name Windows does not ship (a function or module command as often as
    a program: Pester's `Describe`, `It`, `Should`). An image whose folder is unknown is given as
    `PARTIAL + "\\name.exe"`: tests on its name are answered, tests on its folder are unknown."""
    image = image.replace("/", "\\")  # either separator works; rules use backslashes
    bare_in_system32 = image.lower().startswith("c:\\windows\\system32\\") and image.count("\\") == 3
    image = _resolved_folder(image)
    name = image.rsplit("\\", 1)[-1]
    if not name.lower().endswith(_WINDOWS_EXECUTABLE_SUFFIXES) or any(m in name for m in _VARIABLE_MARKS):
        return None
    stem = name.rsplit(".", 1)[0].lower()
    if bare_in_system32 and stem not in WINDOWS_SYSTEM_BINARIES:
        # A bare name the extractor placed in System32 that Windows does not ship.
        return None if shell == "powershell" else (PARTIAL + "\\" + name, None)
    if image.startswith(PARTIAL):
        return image, None
    if image.lower().startswith(_WINDOWS_SYSTEM_DIR) and stem in WINDOWS_SYSTEM_BINARIES:
        # A Windows binary's PE version info names its original file: for the system's own
        # binaries that is the file name (a renamed copy elsewhere stays unknown).
        return image, name
    return image, None


def process_event(command: CommandLike) -> SigmaEvent | None:
    """The process creation a command would cause; None for what starts no process (a cmdlet,
    a script run in its shell, a PowerShell function)."""
    if not command.image:
        return None
    windows = str(command.shell) in _WINDOWS_SHELLS
    fields: Event = {"commandline": command.command_line}
    if windows:
        resolved = windows_event_image(command.image, str(command.shell))
        if resolved is None:
            return None
        fields["image"], original = resolved
        if original is not None:
            fields["originalfilename"] = original
    else:
        fields["image"] = command.image
    if command.parent_image:
        fields["parentimage"] = command.parent_image
    kind = EventKind.WINDOWS_PROCESS if windows else EventKind.LINUX_PROCESS
    return SigmaEvent(kind, fields, command.offset, command.length, command.command_line)


def script_block_event(text: str) -> SigmaEvent:
    """A PowerShell layer as the script block PowerShell would log for it (ScriptBlockText)."""
    return SigmaEvent(EventKind.POWERSHELL_SCRIPT, {"scriptblocktext": text})
