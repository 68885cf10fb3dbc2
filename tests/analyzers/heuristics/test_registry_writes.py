"""Registry writes read from commands: the place written, whatever the hive spelling, the cmdlet,
positional or named parameters, or the variable that held the key."""

from __future__ import annotations

import pytest

from inspector.analyzers.heuristics.registry_writes import (
    command_family_score,
    normalised_key,
    registry_write,
    write_score,
)
from inspector.commands import Shell, extract_commands
from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import ids, score

PS = ArtifactType.POWERSHELL
CMD = ArtifactType.CMD
SUSPICIOUS = 300


@pytest.mark.parametrize("written", [
    "HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon",
    "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\",
    "Registry::HKLM\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon",
    "hklm\\software\\wow6432node\\microsoft\\windows nt\\currentversion\\winlogon",
])
def test_every_spelling_of_a_key_is_one_key(written: str) -> None:
    assert normalised_key(written) == "hklm\\software\\microsoft\\windows nt\\currentversion\\winlogon"


def test_a_key_of_a_user_hive_is_the_current_user() -> None:
    assert normalised_key("HKU\\S-1-5-21-1\\Environment") == "hkcu\\environment"


def test_positional_and_named_parameters_and_reg_add_give_the_same_write() -> None:
    forms = [
        ('Set-ItemProperty "HKCU:\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon" "Shell" "x.exe"', Shell.POWERSHELL),
        ("$k = 'HKCU:\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon'; "
         "New-ItemProperty -Path $k -Name Shell -Value x.exe -Force", Shell.POWERSHELL),
        ('reg add "HKCU\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon" /v Shell /d x.exe /f', Shell.CMD),
    ]
    for script, shell in forms:
        writes = [w for c in extract_commands(script, shell) if (w := registry_write(c)) is not None]
        assert [(w.key, w.name, w.data) for w in writes] == [
            ("hkcu\\software\\microsoft\\windows nt\\currentversion\\winlogon", "shell", "x.exe")], script


def test_a_file_path_is_not_a_registry_write() -> None:
    (command,) = extract_commands("Set-ItemProperty -Path C:\\temp\\a.txt -Name IsReadOnly -Value $true", Shell.POWERSHELL)
    assert registry_write(command) is None


@pytest.mark.parametrize(("script", "finding"), [
    ('Set-ItemProperty -Path "HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Event Viewer" '
     '-Name MicrosoftRedirectionProgram -Value "C:\\ProgramData\\svc\\helper.exe"', "heur.registry.autostart_value"),
    ('Set-ItemProperty "HKCU:\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\" "Shell" "explorer.exe, '
     'C:\\Users\\Public\\a.exe" -Force', "heur.registry.winlogon_helper"),
    ('New-ItemProperty -Path "HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\'
     'sethc.exe" -Name Debugger -Value cmd.exe', "heur.registry.ifeo_hijack"),
    ("Set-ItemProperty HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Lsa -Name 'Security Packages' -Value evil.dll",
     "heur.registry.dll_load_keys"),
    ('New-ItemProperty -Path "HKLM:\\Software\\Microsoft\\Command Processor" -Name AutoRun -Value "a.bat"',
     "heur.registry.autostart_value"),
    ('reg add "HKCU\\Software\\Classes\\CLSID\\{0000-1}\\InprocServer32" /ve /d C:\\Users\\Public\\a.dll /f',
     "heur.registry.com_hijack"),
    ('Set-ItemProperty "HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows Defender" -Name DisableAntiSpyware -Value 1',
     "heur.registry.security_feature_off"),
    ('Set-ItemProperty -Path "HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\WDigest" '
     '-Name UseLogonCredential -Value 1', "heur.registry.security_feature_off"),
    ('New-ItemProperty -Path "HKLM:\\Software\\Policies\\Microsoft\\Windows\\System" -Name DisableCMD -Value 1',
     "heur.registry.user_restriction"),
    ("New-ItemProperty -Path HKCU:\\Environment -Name COR_PROFILER -Value '{11111111-1111-1111-1111-111111111111}'",
     "heur.registry.clr_profiler"),
])
def test_a_write_to_a_persistence_or_security_place_is_suspicious_alone(script: str, finding: str) -> None:
    assert finding in ids(script, PS)
    assert score(script, PS) >= SUSPICIOUS


def test_script_code_stored_in_a_value_is_a_fileless_payload() -> None:
    script = ('New-ItemProperty -Path HKCU:\\Software\\App -Name cfg -Value '
              '"mshtml,RunHTMLApplication javascript:alert(1)"')
    assert "heur.registry.script_in_value" in ids(script, PS)


@pytest.mark.parametrize("script", [
    'Set-ItemProperty -Path "HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU" -Name NoAutoUpdate -Value 0',
    'Set-ItemProperty -Path "HKLM:\\SYSTEM\\CurrentControlSet\\Control\\FileSystem" -Name LongPathsEnabled -Value 1',
    'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f',
    'Set-ItemProperty -Path "HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run" -Name Agent '
    '-Value "C:\\Program Files\\Agent\\agent.exe"',
])
def test_everyday_admin_settings_stay_below_suspicious(script: str) -> None:
    assert score(script, PS) < SUSPICIOUS


def test_a_reg_add_both_families_judge_counts_once_with_the_stronger_finding() -> None:
    (winlogon,) = extract_commands(
        r'reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon" /v Shell /d "explorer.exe,x.exe"',
        Shell.CMD)
    rdp_line = (r'reg add "HKLM\System\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp" '
                r'/v PortNumber /t REG_DWORD /d 3390 /f')
    (rdp_port,) = extract_commands(rdp_line, Shell.CMD)
    (ordinary,) = extract_commands(r'reg add "HKLM\SOFTWARE\Contoso\App" /v Level /d 3', Shell.CMD)
    assert write_score(winlogon, 0.05) == 400 and command_family_score(winlogon) == 300
    assert write_score(ordinary, 0.05) == 0
    assert command_family_score(rdp_port) > write_score(rdp_port, 0.05) > 0
    rdp_found = ids(rdp_line, ArtifactType.CMD)
    assert "heur.wincmd.registry_rdp_weakened" in rdp_found
    assert "heur.registry.remote_access_setting" not in rdp_found
