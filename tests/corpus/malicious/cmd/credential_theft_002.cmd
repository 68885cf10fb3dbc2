REM setup 6173 v1
reg save hklm\sam C:\Windows\Temp\sam.save
reg save hklm\security C:\Windows\Temp\security.save
reg save hklm\system C:\Windows\Temp\system.save
