REM config 8512 v0
reg save hklm\sam C:\Windows\Temp\sam.save
reg save hklm\security C:\Windows\Temp\security.save
reg save hklm\system C:\Windows\Temp\system.save
