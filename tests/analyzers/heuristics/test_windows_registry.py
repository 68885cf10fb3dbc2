"""Registry writes judged by what the key and value do, whatever the hive's spelling."""

from __future__ import annotations

import pytest

from inspector.analyzers.heuristics.windows_programs import invocations
from inspector.analyzers.heuristics.windows_registry import judge, registry_write
from inspector.commands import Shell, extract_commands
from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import score

SUSPICIOUS = 300


def judged(line: str) -> str | None:
    (run,) = invocations(extract_commands(line, Shell.CMD))
    write = registry_write(run)
    assert write is not None
    heuristic = judge(write)
    return heuristic.id.removeprefix("heur.wincmd.") if heuristic is not None else None


def test_a_reg_add_is_read_as_key_value_and_data() -> None:
    (run,) = invocations(extract_commands('REG.EXE ADD "HKLM\\Software\\X Y\\" /V Name /T REG_SZ /D "a b" /F', Shell.CMD))
    write = registry_write(run)
    assert write is not None and (write.key, write.value, write.data) == ("hklm\\software\\x y", "name", "a b")


@pytest.mark.parametrize(("line", "expected"), [
    ("reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce /v u /d c:\\u.exe /f", "registry_autostart"),
    ('reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon" /v Userinit /d "userinit.exe,x.exe" /f',
     "registry_autostart"),
    ('reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\osk.exe" '
     "/v Debugger /d cmd.exe /f", "registry_autostart"),
    ("reg add HKCU\\Environment /v UserInitMprLogonScript /d c:\\x.bat /f", "registry_autostart"),
    ("reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\svc\\Parameters /v ServiceDll /d c:\\x.dll /f",
     "registry_autostart"),
    ('reg add "HKCU\\Software\\Classes\\ms-settings\\shell\\open\\command" /ve /d cmd.exe /f', "registry_autostart"),
    ('reg add "HKCU\\Software\\Microsoft\\Command Processor" /v AutoRun /d c:\\x.bat /f', "registry_autostart"),
    ('reg add "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f',
     "registry_security_off"),
    ('reg add "HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Features" /v TamperProtection /d 0 /f',
     "registry_security_off"),
    ("reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\WinDefend /v Start /t REG_DWORD /d 4 /f",
     "registry_security_off"),
    ("reg add HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System /v EnableLUA /d 0 /f",
     "registry_security_off"),
    ("reg add HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\WDigest /v UseLogonCredential /d 1 /f",
     "registry_credentials_exposed"),
    ("reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System /v DisableCMD /d 2 /f",
     "registry_user_lockout"),
    ("reg add HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU /v NoAutoUpdate /d 1 /f",
     "registry_policy_weakened"),
    ('reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp" '
     "/v UserAuthentication /d 0 /f", "registry_rdp_weakened"),
    ('reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server" /v fDenyTSConnections /d 0 /f',
     "registry_rdp_enabled"),
    ('reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\SpecialAccounts\\UserList" '
     "/v svc$ /t REG_DWORD /d 0 /f", "registry_hidden_account"),
    ("reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Advanced /v Hidden /d 2 /f",
     "registry_files_hidden"),
    ('reg delete "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RunMRU" /f', "registry_traces_deleted"),
    ('reg add "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings" /v ProxyServer /d p:3128 /f',
     "registry_proxy_set"),
])
def test_what_a_registry_write_does(line: str, expected: str) -> None:
    assert judged(line) == expected


@pytest.mark.parametrize("line", [
    "reg add HKLM\\SOFTWARE\\Contoso\\Build /v Version /d 1.2.3 /f",
    "reg add HKLM\\System\\CurrentControlSet\\Services\\CSC\\Parameters /v ReadOnlyCache /t REG_DWORD /d 1 /f",
    'reg add "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender" /v DisableAntiSpyware /d 0 /f',
    "reg add HKLM\\SOFTWARE\\Policies\\Contoso /v EnableTelemetry /d 1 /f",
    'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp" /v PortNumber /d 3389 /f',
    "reg delete HKCU\\Software\\Contoso\\Cache /f",
])
def test_ordinary_writes_prove_nothing(line: str) -> None:
    assert judged(line) is None


def test_one_weakened_policy_is_not_enough_to_flag() -> None:
    assert score("reg add HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU /v NoAutoUpdate /d 1 /f",
                 ArtifactType.CMD) < SUSPICIOUS


def test_a_handler_for_a_file_type_of_ones_own_is_an_installer_not_a_hijack() -> None:
    assert judged('reg add "HKCR\\contoso.project\\shell\\open\\command" /ve /d "c:\\app\\app.exe %1" /f') is None
    assert judged('reg add "HKCR\\Directory\\Background\\shell\\x\\command" /ve /d c:\\x.exe /f') == "registry_autostart"
    assert judged('reg add "HKCU\\Software\\Classes\\mscfile\\shell\\open\\command" /ve /d cmd.exe /f') == \
        "registry_autostart"
